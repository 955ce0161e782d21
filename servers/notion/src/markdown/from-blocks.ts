import type { BlockObjectResponse, RichTextItemResponse } from '@notionhq/client';
import { notionUrl } from '../notion-id';

/** A block and the children that were read for it. */
export interface BlockNode {
  block: BlockObjectResponse;
  children: BlockNode[];
  /** The block has children that were not read: below `max_depth`, or past the block budget. */
  omitted?: 'depth' | 'budget';
}

const styleKey = (item: RichTextItemResponse) => {
  const a = item.annotations;
  return `${item.type === 'equation'}|${a.bold}|${a.italic}|${a.strikethrough}|${a.code}|${item.href ?? ''}`;
};

function codeSpan(text: string): string {
  const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  const pad = text.startsWith('`') || text.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${text}${pad}${fence}`;
}

/** Wraps the text between `marks`, keeping edge spaces outside (`** a**` is not bold). */
function wrap(text: string, marks: string): string {
  const found = /^(\s*)([\s\S]*?)(\s*)$/.exec(text)!;
  return found[2] ? `${found[1]}${marks}${found[2]}${marks}${found[3]}` : text;
}

/** Notion rich text → inline Markdown (bold, italic, strikethrough, code, links, equations). */
export function richTextToMarkdown(items: RichTextItemResponse[]): string {
  // Notion splits long or re-edited text into neighbours with the same style; join them first.
  const merged: RichTextItemResponse[] = [];
  for (const item of items) {
    const last = merged.at(-1);
    if (last && item.type !== 'equation' && styleKey(last) === styleKey(item)) {
      merged[merged.length - 1] = { ...last, plain_text: last.plain_text + item.plain_text };
    } else merged.push(item);
  }
  return merged
    .map((item) => {
      if (item.type === 'equation') return `$${item.equation.expression}$`;
      const a = item.annotations;
      let text = item.plain_text;
      if (!text) return '';
      if (a.code) text = codeSpan(text);
      if (a.strikethrough) text = wrap(text, '~~');
      if (a.bold && a.italic) text = wrap(text, '***');
      else if (a.bold) text = wrap(text, '**');
      else if (a.italic) text = wrap(text, '*');
      return item.href ? `[${text}](${item.href})` : text;
    })
    .join('');
}

/** Plain text of rich text (titles, table cells in structured output). */
export const plainText = (items: RichTextItemResponse[]): string => items.map((i) => i.plain_text).join('');

const LIST_TYPES = new Set(['bulleted_list_item', 'numbered_list_item', 'to_do']);
/** Containers that only lay content out: their children are rendered in place. */
const TRANSPARENT = new Set(['column_list', 'column', 'synced_block', 'tab']);
const SKIPPED = new Set(['table_of_contents', 'breadcrumb']);

const indentLines = (text: string, prefix: string) =>
  text
    .split('\n')
    .map((line) => (line ? prefix + line : line))
    .join('\n');

type Media = { type: 'external'; external: { url: string } } | { type: 'file'; file: { url: string } };
const mediaUrl = (media: Media): string => (media.type === 'external' ? media.external.url : media.file.url);

function omittedNote(node: BlockNode): string {
  if (node.omitted === 'depth') return '… (nested content not shown; read again with a larger max_depth)';
  if (node.omitted === 'budget') return '… (nested content not shown: the block limit was reached)';
  return '';
}

function table(node: BlockNode): string {
  const rows = node.children
    .map((child) => child.block)
    .filter((block) => block.type === 'table_row')
    .map((block) =>
      block.table_row.cells.map((cell) =>
        richTextToMarkdown(cell).replace(/\|/g, '\\|').replace(/\n/g, '<br>'),
      ),
    );
  if (rows.length === 0) return omittedNote(node) || '(empty table)';
  const width = Math.max(...rows.map((row) => row.length));
  const line = (cells: string[]) =>
    `| ${Array.from({ length: width }, (_, i) => cells[i] ?? '').join(' | ')} |`;
  const [head, ...body] = rows;
  return [line(head!), line(Array<string>(width).fill('---')), ...body.map(line)].join('\n');
}

/** The Markdown of one block with its children, or null for blocks not worth showing. */
function renderNode(node: BlockNode, number: number): string | null {
  const b = node.block;
  const children = () => renderBlocks(node.children) || omittedNote(node);
  const withIndented = (head: string, width: number) => {
    const body = children();
    return body ? `${head}\n${indentLines(body, ' '.repeat(width))}` : head;
  };
  const quoted = (head: string) => {
    const body = children();
    return indentLines(body ? `${head}\n\n${body}` : head, '> ').replace(/^$/gm, '>');
  };
  switch (b.type) {
    case 'paragraph': {
      const text = richTextToMarkdown(b.paragraph.rich_text);
      if (!text && node.children.length === 0 && !node.omitted) return null;
      return withIndented(text, 2);
    }
    case 'heading_1':
    case 'heading_2':
    case 'heading_3':
    case 'heading_4': {
      const level = Number(b.type.slice(-1));
      const rich =
        b.type === 'heading_1'
          ? b.heading_1
          : b.type === 'heading_2'
            ? b.heading_2
            : b.type === 'heading_3'
              ? b.heading_3
              : b.heading_4;
      const head = `${'#'.repeat(level)} ${richTextToMarkdown(rich.rich_text)}`;
      const body = children();
      return body ? `${head}\n\n${body}` : head;
    }
    case 'bulleted_list_item':
      return withIndented(`- ${richTextToMarkdown(b.bulleted_list_item.rich_text)}`, 2);
    case 'numbered_list_item':
      return withIndented(
        `${number}. ${richTextToMarkdown(b.numbered_list_item.rich_text)}`,
        `${number}. `.length,
      );
    case 'to_do':
      return withIndented(`- [${b.to_do.checked ? 'x' : ' '}] ${richTextToMarkdown(b.to_do.rich_text)}`, 2);
    case 'toggle':
      return withIndented(`▸ ${richTextToMarkdown(b.toggle.rich_text)}`, 2);
    case 'quote':
      return quoted(richTextToMarkdown(b.quote.rich_text));
    case 'callout': {
      const icon = b.callout.icon?.type === 'emoji' ? `${b.callout.icon.emoji} ` : '';
      return quoted(`${icon}${richTextToMarkdown(b.callout.rich_text)}`);
    }
    case 'code': {
      const code = plainText(b.code.rich_text);
      const longest = Math.max(2, ...(code.match(/`+/g) ?? []).map((run) => run.length));
      const fence = '`'.repeat(longest + 1);
      const language = b.code.language === 'plain text' ? '' : b.code.language;
      return `${fence}${language}\n${code}\n${fence}`;
    }
    case 'equation':
      return `$$\n${b.equation.expression}\n$$`;
    case 'divider':
      return '---';
    case 'child_page':
      return `📄 [${b.child_page.title || 'Untitled'}](${notionUrl(b.id)})`;
    case 'child_database':
      return `🗃️ [${b.child_database.title || 'Untitled'}](${notionUrl(b.id)}) (database)`;
    case 'link_to_page': {
      const target = b.link_to_page;
      if (target.type === 'page_id') return `→ [linked page](${notionUrl(target.page_id)})`;
      if (target.type === 'database_id')
        return `→ [linked database](${notionUrl(target.database_id)}) (database)`;
      return null;
    }
    case 'image': {
      const caption = plainText(b.image.caption);
      return `![${caption}](${mediaUrl(b.image)})`;
    }
    case 'file':
      return `[📎 ${b.file.name || plainText(b.file.caption) || 'file'}](${mediaUrl(b.file)})`;
    case 'pdf':
    case 'video':
    case 'audio': {
      const media = b.type === 'pdf' ? b.pdf : b.type === 'video' ? b.video : b.audio;
      return `[📎 ${plainText(media.caption) || b.type}](${mediaUrl(media)})`;
    }
    case 'bookmark':
    case 'embed': {
      const media = b.type === 'bookmark' ? b.bookmark : b.embed;
      return `[${plainText(media.caption) || media.url}](${media.url})`;
    }
    case 'link_preview':
      return `[${b.link_preview.url}](${b.link_preview.url})`;
    case 'table':
      return table(node);
    case 'template':
      return withIndented(richTextToMarkdown(b.template.rich_text), 2);
    case 'unsupported':
      return `[unsupported block: ${b.unsupported.block_type}]`;
    default:
      if (TRANSPARENT.has(b.type)) return children() || null;
      if (SKIPPED.has(b.type)) return null;
      return `[${b.type.replace(/_/g, ' ')}]`;
  }
}

/**
 * Blocks → Markdown: list items close together, other blocks a blank line apart, numbered
 * lists counted, children indented under their item.
 */
export function renderBlocks(nodes: BlockNode[]): string {
  let out = '';
  let previousList = false;
  let number = 0;
  for (const node of nodes) {
    const { block } = node;
    number =
      block.type === 'numbered_list_item'
        ? number > 0
          ? number + 1
          : (block.numbered_list_item.list_start_index ?? 1)
        : 0;
    const text = renderNode(node, number);
    if (text === null) continue;
    const isList = LIST_TYPES.has(block.type);
    if (out) out += previousList && isList ? '\n' : '\n\n';
    out += text;
    previousList = isList;
  }
  return out;
}
