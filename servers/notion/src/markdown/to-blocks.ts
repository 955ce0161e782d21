import type { BlockObjectRequest } from '@notionhq/client';
import { LIMITS } from '../notion-api';
import type { RichTextItemRequest } from './inline';
import { markdownToRichText, plainRichText } from './inline';
import type { MdBlock } from './parse-blocks';
import { parseMarkdown } from './parse-blocks';

type CodeLanguage = Extract<BlockObjectRequest, { code: unknown }>['code']['language'];

/** Notion's code languages (LanguageRequest in the API reference). */
// prettier-ignore
const LANGUAGES = new Set<string>([
  'abap', 'abc', 'agda', 'arduino', 'ascii art', 'assembly', 'bash', 'basic', 'bnf', 'c', 'c#', 'c++',
  'clojure', 'coffeescript', 'coq', 'css', 'dart', 'dhall', 'diff', 'docker', 'ebnf', 'elixir', 'elm',
  'erlang', 'f#', 'flow', 'fortran', 'gherkin', 'glsl', 'go', 'graphql', 'groovy', 'haskell', 'hcl',
  'html', 'idris', 'java', 'javascript', 'json', 'julia', 'kotlin', 'latex', 'less', 'lisp',
  'livescript', 'llvm ir', 'lua', 'makefile', 'markdown', 'markup', 'matlab', 'mathematica', 'mermaid',
  'nix', 'notion formula', 'objective-c', 'ocaml', 'pascal', 'perl', 'php', 'plain text', 'powershell',
  'prolog', 'protobuf', 'purescript', 'python', 'r', 'racket', 'reason', 'ruby', 'rust', 'sass', 'scala',
  'scheme', 'scss', 'shell', 'smalltalk', 'solidity', 'sql', 'swift', 'toml', 'typescript', 'vb.net',
  'verilog', 'vhdl', 'visual basic', 'webassembly', 'xml', 'yaml', 'java/c/c++/c#',
] satisfies CodeLanguage[]);

/** Fence info strings people write → Notion's names. */
// prettier-ignore
const LANGUAGE_ALIASES: Record<string, CodeLanguage> = {
  js: 'javascript', jsx: 'javascript', mjs: 'javascript', cjs: 'javascript', node: 'javascript',
  ts: 'typescript', tsx: 'typescript', py: 'python', python3: 'python', rb: 'ruby', rs: 'rust',
  sh: 'shell', zsh: 'shell', console: 'shell', shellsession: 'shell', ps1: 'powershell',
  pwsh: 'powershell', yml: 'yaml', md: 'markdown', cs: 'c#', csharp: 'c#', cpp: 'c++', cxx: 'c++',
  h: 'c', hpp: 'c++', golang: 'go', kt: 'kotlin', kts: 'kotlin', dockerfile: 'docker', objc: 'objective-c',
  tex: 'latex', proto: 'protobuf', hs: 'haskell', ex: 'elixir', exs: 'elixir', erl: 'erlang',
  ml: 'ocaml', vb: 'visual basic', jsonc: 'json', json5: 'json', sol: 'solidity', wasm: 'webassembly',
  mmd: 'mermaid', patch: 'diff', make: 'makefile', tf: 'hcl', terraform: 'hcl', htm: 'html',
  svg: 'xml', text: 'plain text', txt: 'plain text', plaintext: 'plain text', plain: 'plain text',
};

/** A fence's info string as a Notion code language; unknown ones become plain text. */
export function codeLanguage(info: string): CodeLanguage {
  const name = info.trim().toLowerCase();
  if (LANGUAGES.has(name)) return name as CodeLanguage;
  return LANGUAGE_ALIASES[name] ?? 'plain text';
}

/**
 * Notion takes children two levels below the blocks of one request; deeper Markdown nesting is
 * flattened into the deepest allowed level rather than lost.
 */
const MAX_DEPTH = 2;

type RichType = 'paragraph' | 'quote' | 'heading_1' | 'heading_2' | 'heading_3';

/** One block per 100 rich-text items: a very long paragraph becomes several. */
function richBlocks(type: RichType, items: RichTextItemRequest[]): BlockObjectRequest[] {
  const groups: RichTextItemRequest[][] = [];
  for (let i = 0; i < items.length; i += LIMITS.richTextItems)
    groups.push(items.slice(i, i + LIMITS.richTextItems));
  if (groups.length === 0) groups.push([]);
  return groups.map((rich_text) => ({ type, [type]: { rich_text } }) as unknown as BlockObjectRequest);
}

function withChildren(block: BlockObjectRequest, children: BlockObjectRequest[]): BlockObjectRequest {
  if (children.length === 0) return block;
  const type = Object.keys(block).find((key) => key !== 'type' && key !== 'object')!;
  const content = (block as unknown as Record<string, object>)[type]!;
  return { ...block, [type]: { ...content, children } } as BlockObjectRequest;
}

function listBlock(block: Extract<MdBlock, { children: MdBlock[] }>, depth: number): BlockObjectRequest[] {
  const rich_text = markdownToRichText(block.text).slice(0, LIMITS.richTextItems);
  const own: BlockObjectRequest =
    block.kind === 'todo'
      ? { type: 'to_do', to_do: { rich_text, checked: block.checked } }
      : block.kind === 'numbered'
        ? { type: 'numbered_list_item', numbered_list_item: { rich_text } }
        : { type: 'bulleted_list_item', bulleted_list_item: { rich_text } };
  if (depth >= MAX_DEPTH) return [own, ...convert(block.children, depth)];
  return [withChildren(own, convert(block.children, depth + 1))];
}

function tableBlock(block: Extract<MdBlock, { kind: 'table' }>, depth: number): BlockObjectRequest[] {
  const width = Math.max(...block.rows.map((row) => row.length));
  // Table rows are the table's children: too deep here, so keep the rows as text.
  if (depth >= MAX_DEPTH) {
    return block.rows.flatMap((row) => richBlocks('paragraph', markdownToRichText(row.join(' | '))));
  }
  const rows: BlockObjectRequest[] = block.rows.map((row) => ({
    type: 'table_row',
    table_row: {
      cells: Array.from({ length: width }, (_, i) =>
        markdownToRichText(row[i] ?? '').slice(0, LIMITS.richTextItems),
      ),
    },
  }));
  return [
    {
      type: 'table',
      table: { table_width: width, has_column_header: block.header, has_row_header: false, children: rows },
    } as BlockObjectRequest,
  ];
}

function convert(blocks: MdBlock[], depth: number): BlockObjectRequest[] {
  return blocks.flatMap((block): BlockObjectRequest[] => {
    switch (block.kind) {
      case 'heading':
        return richBlocks(`heading_${block.level}`, markdownToRichText(block.text));
      case 'paragraph':
        return richBlocks('paragraph', markdownToRichText(block.text));
      case 'quote':
        return richBlocks('quote', markdownToRichText(block.text));
      case 'divider':
        return [{ type: 'divider', divider: {} }];
      case 'code': {
        const language = codeLanguage(block.language);
        const pieces = plainRichText(block.code);
        const out: BlockObjectRequest[] = [];
        for (let i = 0; i < pieces.length; i += LIMITS.richTextItems) {
          out.push({
            type: 'code',
            code: { language, rich_text: pieces.slice(i, i + LIMITS.richTextItems) },
          });
        }
        return out;
      }
      case 'image':
        return [
          {
            type: 'image',
            image: {
              type: 'external',
              external: { url: block.url },
              ...(block.caption ? { caption: plainRichText(block.caption) } : {}),
            },
          },
        ];
      case 'table':
        return tableBlock(block, depth);
      default:
        return listBlock(block, depth);
    }
  });
}

/** Markdown → Notion blocks ready to send (before splitting into requests with `chunkBlocks`). */
export function markdownToBlocks(markdown: string): BlockObjectRequest[] {
  return convert(parseMarkdown(markdown), 0);
}

/** Blocks in `block`, itself included (Notion counts nested children against its limits). */
export function countBlocks(block: BlockObjectRequest): number {
  const content = Object.values(block).find(
    (value): value is { children?: BlockObjectRequest[] } => typeof value === 'object' && value !== null,
  );
  return 1 + (content?.children ?? []).reduce((sum, child) => sum + countBlocks(child), 0);
}

/** Splits blocks into requests of at most 100 top-level and 1000 blocks in all (Notion's limits). */
export function chunkBlocks(blocks: BlockObjectRequest[]): BlockObjectRequest[][] {
  const chunks: BlockObjectRequest[][] = [];
  let current: BlockObjectRequest[] = [];
  let total = 0;
  for (const block of blocks) {
    const size = countBlocks(block);
    if (current.length > 0 && (current.length >= LIMITS.children || total + size > LIMITS.blocksPerRequest)) {
      chunks.push(current);
      current = [];
      total = 0;
    }
    current.push(block);
    total += size;
  }
  if (current.length > 0) chunks.push(current);
  return chunks;
}
