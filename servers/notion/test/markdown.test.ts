import type { BlockObjectRequest } from '@notionhq/client';
import { describe, expect, it } from 'vitest';
import { renderBlocks, richTextToMarkdown } from '../src/markdown/from-blocks';
import type { BlockNode } from '../src/markdown/from-blocks';
import { parseInline, splitText, toRichText } from '../src/markdown/inline';
import { chunkBlocks, codeLanguage, countBlocks, markdownToBlocks } from '../src/markdown/to-blocks';
import { parseNotionId } from '../src/notion-id';
import {
  children,
  firstChildren,
  nestedChildren,
  pageBlocks,
  tableRows,
  toggleChildren,
} from './fixtures/blocks';
import { text } from './fixtures/objects';

const rt = (content: string, annotations: Record<string, boolean> = {}, url?: string) => ({
  type: 'text',
  text: { content, ...(url ? { link: { url } } : {}) },
  ...(Object.keys(annotations).length ? { annotations } : {}),
});

describe('inline Markdown → rich text', () => {
  it.each([
    ['plain text', [{ text: 'plain text' }]],
    ['a **bold** move', [{ text: 'a ' }, { text: 'bold', bold: true }, { text: ' move' }]],
    ['__bold__ too', [{ text: 'bold', bold: true }, { text: ' too' }]],
    ['*it* and _it_', [{ text: 'it', italic: true }, { text: ' and ' }, { text: 'it', italic: true }]],
    ['***both***', [{ text: 'both', bold: true, italic: true }]],
    ['~~gone~~', [{ text: 'gone', strikethrough: true }]],
    ['run `npm *test*`', [{ text: 'run ' }, { text: 'npm *test*', code: true }]],
    ['``a ` b``', [{ text: 'a ` b', code: true }]],
    [
      '*a **b** c*',
      [
        { text: 'a ', italic: true },
        { text: 'b', italic: true, bold: true },
        { text: ' c', italic: true },
      ],
    ],
    [
      'see [the **spec**](https://x.io/a_(b))',
      [
        { text: 'see ' },
        { text: 'the ', href: 'https://x.io/a_(b)' },
        { text: 'spec', href: 'https://x.io/a_(b)', bold: true },
      ],
    ],
    ['[t](https://x.io "Title")', [{ text: 't', href: 'https://x.io' }]],
    ['<https://x.io/p>', [{ text: 'https://x.io/p', href: 'https://x.io/p' }]],
    ['snake_case_name and 2 * 3 * 4', [{ text: 'snake_case_name and 2 * 3 * 4' }]],
    ['\\*not italic\\*', [{ text: '*not italic*' }]],
    ['**unclosed', [{ text: '**unclosed' }]],
    ['![logo](https://x.io/l.png)', [{ text: 'logo', href: 'https://x.io/l.png' }]],
    // Bare addresses, as AI clients write them (GFM autolinks), without the sentence's punctuation.
    [
      'see https://x.io/p. or www.x.io',
      [
        { text: 'see ' },
        { text: 'https://x.io/p', href: 'https://x.io/p' },
        { text: '. or ' },
        { text: 'www.x.io', href: 'http://www.x.io' },
      ],
    ],
    [
      '(docs: https://x.io/a_(b)), **https://x.io/q?x=1**!',
      [
        { text: '(docs: ' },
        { text: 'https://x.io/a_(b)', href: 'https://x.io/a_(b)' },
        { text: '), ' },
        { text: 'https://x.io/q?x=1', href: 'https://x.io/q?x=1', bold: true },
        { text: '!' },
      ],
    ],
    [
      '[https://x.io](https://y.io) and xhttps://x.io',
      [{ text: 'https://x.io', href: 'https://y.io' }, { text: ' and xhttps://x.io' }],
    ],
    ['`https://x.io` and www. alone', [{ text: 'https://x.io', code: true }, { text: ' and www. alone' }]],
    ['&amp; &copy; &#65; &#x1F600; &bogus; &#99999999;', [{ text: '& © A 😀 &bogus; &#99999999;' }]],
    ['hard\\\nbreak', [{ text: 'hard\nbreak' }]],
    ['about ~5 min, ~10 if slow', [{ text: 'about ~5 min, ~10 if slow' }]],
  ])('%s', (source, expected) => {
    expect(parseInline(source)).toEqual(expected);
  });

  it('builds Notion rich text, dropping links Notion would refuse', () => {
    expect(toRichText(parseInline('**b** [rel](./x) [ok](mailto:a@b.c)'))).toEqual([
      rt('b', { bold: true }),
      rt(' rel '),
      rt('ok', {}, 'mailto:a@b.c'),
    ]);
  });

  it('splits segments at 2000 characters without breaking a surrogate pair', () => {
    const long = 'a'.repeat(4500);
    const items = toRichText([{ text: long, bold: true }]);
    expect(items.map((i) => ('text' in i ? i.text.content.length : 0))).toEqual([2000, 2000, 500]);
    expect(items.every((i) => i.annotations?.bold)).toBe(true);
    const emoji = `${'a'.repeat(1999)}😀b`;
    expect(splitText(emoji).map((p) => p.length)).toEqual([1999, 3]);
  });
});

describe('Markdown → blocks', () => {
  it('converts headings, paragraphs, lists, to-dos, code, quotes and dividers', () => {
    const blocks = markdownToBlocks(
      [
        '# Title',
        '### Small',
        '#### Smaller',
        '',
        'First line',
        'second line',
        '',
        '- one',
        '* two',
        '1. first',
        '2) second',
        '- [ ] todo',
        '- [x] done',
        '',
        '```ts',
        'const a = 1;',
        '',
        '```',
        '> quoted',
        '> more',
        '',
        '---',
      ].join('\n'),
    );
    expect(blocks).toEqual([
      { type: 'heading_1', heading_1: { rich_text: [rt('Title')] } },
      { type: 'heading_3', heading_3: { rich_text: [rt('Small')] } },
      { type: 'heading_3', heading_3: { rich_text: [rt('Smaller')] } },
      { type: 'paragraph', paragraph: { rich_text: [rt('First line\nsecond line')] } },
      { type: 'bulleted_list_item', bulleted_list_item: { rich_text: [rt('one')] } },
      { type: 'bulleted_list_item', bulleted_list_item: { rich_text: [rt('two')] } },
      { type: 'numbered_list_item', numbered_list_item: { rich_text: [rt('first')] } },
      { type: 'numbered_list_item', numbered_list_item: { rich_text: [rt('second')] } },
      { type: 'to_do', to_do: { rich_text: [rt('todo')], checked: false } },
      { type: 'to_do', to_do: { rich_text: [rt('done')], checked: true } },
      { type: 'code', code: { language: 'typescript', rich_text: [rt('const a = 1;\n')] } },
      { type: 'quote', quote: { rich_text: [rt('quoted\nmore')] } },
      { type: 'divider', divider: {} },
    ]);
  });

  it('nests list items by indentation, with code inside an item, and flattens past three levels', () => {
    const blocks = markdownToBlocks(
      [
        '1. Install',
        '   ```sh',
        '   npm i',
        '   ```',
        '2. Use',
        '  - a',
        '    - b',
        '      - c',
        '        - d',
      ].join('\n'),
    );
    expect(blocks).toEqual([
      {
        type: 'numbered_list_item',
        numbered_list_item: {
          rich_text: [rt('Install')],
          children: [{ type: 'code', code: { language: 'shell', rich_text: [rt('npm i')] } }],
        },
      },
      {
        type: 'numbered_list_item',
        numbered_list_item: {
          rich_text: [rt('Use')],
          children: [
            {
              type: 'bulleted_list_item',
              bulleted_list_item: {
                rich_text: [rt('a')],
                children: [
                  { type: 'bulleted_list_item', bulleted_list_item: { rich_text: [rt('b')] } },
                  { type: 'bulleted_list_item', bulleted_list_item: { rich_text: [rt('c')] } },
                  { type: 'bulleted_list_item', bulleted_list_item: { rich_text: [rt('d')] } },
                ],
              },
            },
          ],
        },
      },
    ]);
  });

  it('keeps a lazy continuation line in its item and a blank line between items', () => {
    expect(markdownToBlocks('- one\ncontinued\n\n- two')).toEqual([
      { type: 'bulleted_list_item', bulleted_list_item: { rich_text: [rt('one\ncontinued')] } },
      { type: 'bulleted_list_item', bulleted_list_item: { rich_text: [rt('two')] } },
    ]);
  });

  it('converts pipe tables and lone images; bold text is not a list', () => {
    expect(
      markdownToBlocks(
        '| A | B |\n|---|:-:|\n| 1 | x \\| y |\n| 2 |\n\n![Chart](https://x.io/c.png)\n**Note**',
      ),
    ).toEqual([
      {
        type: 'table',
        table: {
          table_width: 2,
          has_column_header: true,
          has_row_header: false,
          children: [
            { type: 'table_row', table_row: { cells: [[rt('A')], [rt('B')]] } },
            { type: 'table_row', table_row: { cells: [[rt('1')], [rt('x | y')]] } },
            { type: 'table_row', table_row: { cells: [[rt('2')], []] } },
          ],
        },
      },
      {
        type: 'image',
        image: { type: 'external', external: { url: 'https://x.io/c.png' }, caption: [rt('Chart')] },
      },
      { type: 'paragraph', paragraph: { rich_text: [rt('Note', { bold: true })] } },
    ]);
  });

  it('maps code languages and splits long paragraphs and code', () => {
    expect(['js', 'Python', 'yml', 'c++', 'weird', ''].map(codeLanguage)).toEqual([
      'javascript',
      'python',
      'yaml',
      'c++',
      'plain text',
      'plain text',
    ]);
    const [code] = markdownToBlocks(`\`\`\`\n${'x'.repeat(5000)}\n\`\`\``) as Array<
      Extract<BlockObjectRequest, { code: unknown }>
    >;
    expect(code!.code.rich_text.map((r) => ('text' in r ? r.text.content.length : 0))).toEqual([
      2000, 2000, 1000,
    ]);
    // 150 styled words: 299 rich-text items (the last space is trimmed), more than a block may hold.
    const paragraphs = markdownToBlocks(Array.from({ length: 150 }, (_, i) => `**w${i}** `).join(''));
    expect(paragraphs.map((b) => ('paragraph' in b ? b.paragraph.rich_text.length : 0))).toEqual([
      100, 100, 99,
    ]);
  });

  it('chunks into requests of at most 100 top-level and 1000 blocks in all', () => {
    const many = markdownToBlocks(Array.from({ length: 250 }, (_, i) => `- item ${i}`).join('\n'));
    expect(chunkBlocks(many).map((c) => c.length)).toEqual([100, 100, 50]);
    const nested = markdownToBlocks(
      Array.from({ length: 30 }, (_, i) =>
        [`- group ${i}`, ...Array.from({ length: 40 }, (_, j) => `  - ${j}`)].join('\n'),
      ).join('\n'),
    );
    expect(countBlocks(nested[0]!)).toBe(41);
    expect(chunkBlocks(nested).map((c) => c.length)).toEqual([24, 6]);
  });
});

function tree(): BlockNode[] {
  const node = (block: (typeof pageBlocks)[number], kids: BlockNode[] = []): BlockNode => ({
    block,
    children: kids,
  });
  return pageBlocks.map((block) => {
    if (block.id === firstChildren[0]!.parent.page_id) return node(block);
    if (block.type === 'bulleted_list_item' && block.has_children) {
      return node(block, [
        { block: firstChildren[0]!, children: [{ block: nestedChildren[0]!, children: [] }] },
      ]);
    }
    if (block.type === 'toggle')
      return node(
        block,
        toggleChildren.map((b) => ({ block: b, children: [] })),
      );
    if (block.type === 'table')
      return node(
        block,
        tableRows.map((b) => ({ block: b, children: [] })),
      );
    return node(block);
  });
}

describe('blocks → Markdown', () => {
  it('renders every supported block type', () => {
    expect(children(pageBlocks).results).toHaveLength(18);
    expect(renderBlocks(tree())).toBe(
      [
        '# Goals',
        '',
        'Ship **fast** and *well*, see [the spec](https://example.com/spec) and run `npm test`.',
        '',
        '- First',
        '  - Nested',
        '    - Deeper',
        '- Second',
        '1. Plan',
        '2. Build',
        '- [x] Book room',
        '- [ ] Send invites',
        '',
        '```typescript',
        'const x = 1;',
        'console.log(x);',
        '```',
        '',
        '> Simplicity is prerequisite for reliability.',
        '',
        '> ⚠️ Deadline is Friday',
        '',
        '---',
        '',
        '▸ Details',
        '  Hidden text',
        '',
        '📄 [Meeting notes](https://www.notion.so/7d50a1845bbe4d908f296bec57ed817b)',
        '',
        '🗃️ [Tasks](https://www.notion.so/bc1211cae3f14939ae345260b16f627c) (database)',
        '',
        '![Architecture](https://files.example.com/diagram.png?sig=1)',
        '',
        '[📎 budget.xlsx](https://example.com/budget.xlsx)',
        '',
        '| Owner | Task |',
        '| --- | --- |',
        '| Ada | a\\|b |',
      ].join('\n'),
    );
  });

  it('merges split segments, keeps spaces outside markers and notes omitted children', () => {
    expect(
      richTextToMarkdown([
        text('bo', { bold: true }),
        text('ld ', { bold: true }),
        text('x'),
        text('`tick`', { code: true }),
      ]),
    ).toBe('**bold** x`` `tick` ``');
    const [toggle] = tree().filter((n) => n.block.type === 'toggle');
    expect(renderBlocks([{ ...toggle!, children: [], omitted: 'depth' }])).toBe(
      '▸ Details\n  … (nested content not shown; read again with a larger max_depth)',
    );
  });

  it('round-trips what it writes', () => {
    const markdown = '## Plan\n\n- **Bold** and *italic* with `code` and [a link](https://x.io)\n- [ ] task';
    const requests = markdownToBlocks(markdown);
    type Sent = {
      rich_text: Array<{ text: { content: string; link?: { url: string } }; annotations?: object }>;
    };
    // What Notion would answer for each block sent: the same content as response objects.
    const asResponse = (request: BlockObjectRequest, i: number): BlockNode => {
      const type = Object.keys(request).find((k) => k !== 'type')!;
      const content = (request as unknown as Record<string, Sent>)[type]!;
      const rich = content.rich_text.map((r) =>
        text(r.text.content, r.annotations ?? {}, r.text.link?.url ?? null),
      );
      const block = {
        ...pageBlocks[0],
        id: String(i),
        type,
        [type]: { ...content, rich_text: rich, color: 'default' },
      };
      return { block: block as unknown as BlockNode['block'], children: [] };
    };
    expect(renderBlocks(requests.map(asResponse))).toBe(markdown);
  });
});

describe('Notion IDs and links', () => {
  it.each([
    ['59833787-2cf9-4fdf-8782-e53db20768a5', '59833787-2cf9-4fdf-8782-e53db20768a5'],
    ['598337872CF94FDF8782E53DB20768A5', '59833787-2cf9-4fdf-8782-e53db20768a5'],
    [
      'https://www.notion.so/acme/Bead-Plan-598337872cf94fdf8782e53db20768a5',
      '59833787-2cf9-4fdf-8782-e53db20768a5',
    ],
    [
      'https://www.notion.so/bc1211cae3f14939ae345260b16f627c?v=248104cd477e80bb928f000ce197ddf2',
      'bc1211ca-e3f1-4939-ae34-5260b16f627c',
    ],
    [
      'https://www.notion.so/acme/bc1211cae3f14939ae345260b16f627c?p=598337872cf94fdf8782e53db20768a5&pm=s',
      '59833787-2cf9-4fdf-8782-e53db20768a5',
    ],
    ['not an id', null],
    ['https://example.com/nothing-here', null],
  ])('%s', (input, expected) => {
    expect(parseNotionId(input)).toBe(expected);
  });
});
