/**
 * Block-level Markdown → a small intermediate tree (inline text still Markdown). Covers what AI
 * clients write: ATX headings, paragraphs, `-`/`*`/`+` and `1.` lists nested by indentation,
 * `- [ ]` to-dos, fenced code, `>` quotes, `---` dividers, pipe tables and lone images.
 */

export type MdBlock =
  | { kind: 'heading'; level: 1 | 2 | 3; text: string }
  | { kind: 'paragraph'; text: string }
  | { kind: 'quote'; text: string }
  | { kind: 'code'; language: string; code: string }
  | { kind: 'divider' }
  | { kind: 'image'; url: string; caption: string }
  | { kind: 'table'; rows: string[][]; header: boolean }
  | { kind: 'bulleted' | 'numbered'; text: string; children: MdBlock[] }
  | { kind: 'todo'; text: string; checked: boolean; children: MdBlock[] };

const FENCE = /^ {0,3}(`{3,}|~{3,})\s*([^\s`]*)[^`]*$/;
const HEADING = /^ {0,3}(#{1,6})(?:\s+(.*?))?(?:\s+#+)?\s*$/;
const DIVIDER = /^ {0,3}([-*_])(?:\s*\1){2,}\s*$/;
const QUOTE = /^ {0,3}>\s?(.*)$/;
const LIST_ITEM = /^(\s*)([-*+]|\d{1,9}[.)])(\s+(.*))?$/;
const TABLE_SEPARATOR = /^\s*\|?\s*:?-+:?\s*(\|\s*:?-+:?\s*)*\|?\s*$/;
const IMAGE = /^\s*!\[([^\]]*)\]\(\s*<?(https?:\/\/[^\s>)]+)>?(?:\s+["'][^"']*["'])?\s*\)\s*$/;

const isBlank = (line: string) => line.trim() === '';

/** Leading whitespace in columns, a tab counting as four. */
function indentOf(line: string): number {
  let columns = 0;
  for (const c of line) {
    if (c === ' ') columns++;
    else if (c === '\t') columns += 4 - (columns % 4);
    else break;
  }
  return columns;
}

/** Removes up to `columns` of leading whitespace. */
function dedent(line: string, columns: number): string {
  let removed = 0;
  let i = 0;
  while (i < line.length && removed < columns) {
    if (line[i] === ' ') removed++;
    else if (line[i] === '\t') removed += 4 - (removed % 4);
    else break;
    i++;
  }
  return line.slice(i);
}

function listItem(line: string) {
  const m = LIST_ITEM.exec(line);
  if (!m) return null;
  // `---` and `***` are dividers, `**bold**` is text.
  if (DIVIDER.test(line) || (m[2] === '*' && m[3] === undefined)) return null;
  if (m[3] === undefined && m[2]!.length > 1) return null;
  return { indent: indentOf(m[1]!), marker: m[2]!, content: m[4] ?? '' };
}

function tableStart(lines: string[], i: number): boolean {
  const next = lines[i + 1];
  return lines[i]!.includes('|') && next !== undefined && next.includes('-') && TABLE_SEPARATOR.test(next);
}

function startsBlock(lines: string[], i: number): boolean {
  const line = lines[i]!;
  return (
    FENCE.test(line) ||
    HEADING.test(line) ||
    DIVIDER.test(line) ||
    QUOTE.test(line) ||
    IMAGE.test(line) ||
    listItem(line) !== null ||
    tableStart(lines, i)
  );
}

function splitRow(line: string): string[] {
  let row = line.trim();
  if (row.startsWith('|')) row = row.slice(1);
  if (row.endsWith('|') && !row.endsWith('\\|')) row = row.slice(0, -1);
  const cells: string[] = [];
  let cell = '';
  for (let i = 0; i < row.length; i++) {
    if (row[i] === '\\' && row[i + 1] === '|') {
      cell += '|';
      i++;
    } else if (row[i] === '|') {
      cells.push(cell.trim());
      cell = '';
    } else cell += row[i];
  }
  cells.push(cell.trim());
  return cells;
}

/** Parses a whole Markdown document. */
export function parseMarkdown(markdown: string): MdBlock[] {
  return parseLines(markdown.replace(/\r\n?/g, '\n').split('\n'));
}

function parseLines(lines: string[]): MdBlock[] {
  const out: MdBlock[] = [];
  let i = 0;
  while (i < lines.length) {
    const line = lines[i]!;
    if (isBlank(line)) {
      i++;
      continue;
    }
    const fence = FENCE.exec(line);
    if (fence) {
      const marker = fence[1]!;
      const indent = indentOf(line);
      const body: string[] = [];
      i++;
      while (i < lines.length) {
        const close = lines[i]!.trim();
        if (close.startsWith(marker[0]!.repeat(marker.length)) && /^([`~])\1*$/.test(close)) break;
        body.push(dedent(lines[i]!, indent));
        i++;
      }
      i++;
      out.push({ kind: 'code', language: fence[2] ?? '', code: body.join('\n') });
      continue;
    }
    const heading = HEADING.exec(line);
    if (heading) {
      out.push({
        kind: 'heading',
        level: Math.min(heading[1]!.length, 3) as 1 | 2 | 3,
        text: heading[2] ?? '',
      });
      i++;
      continue;
    }
    if (DIVIDER.test(line)) {
      out.push({ kind: 'divider' });
      i++;
      continue;
    }
    if (QUOTE.test(line)) {
      const body: string[] = [];
      while (i < lines.length && QUOTE.test(lines[i]!)) body.push(QUOTE.exec(lines[i++]!)![1]!);
      out.push({ kind: 'quote', text: body.join('\n').trim() });
      continue;
    }
    const image = IMAGE.exec(line);
    if (image) {
      out.push({ kind: 'image', url: image[2]!, caption: image[1]! });
      i++;
      continue;
    }
    if (tableStart(lines, i)) {
      const rows = [splitRow(line)];
      i += 2;
      while (i < lines.length && !isBlank(lines[i]!) && lines[i]!.includes('|'))
        rows.push(splitRow(lines[i++]!));
      out.push({ kind: 'table', rows, header: true });
      continue;
    }
    const item = listItem(line);
    if (item) {
      i = parseListItem(lines, i, item, out);
      continue;
    }
    const body = [line.trim()];
    i++;
    while (i < lines.length && !isBlank(lines[i]!) && !startsBlock(lines, i)) body.push(lines[i++]!.trim());
    out.push({ kind: 'paragraph', text: body.join('\n') });
  }
  return out;
}

/**
 * One list item and everything that belongs to it: lines indented past the marker (nested
 * lists, code), blank lines inside it, and lazy continuation lines of its first paragraph.
 * Leniently, two columns of indentation nest, as AI clients often indent `1.` items that way.
 */
function parseListItem(
  lines: string[],
  start: number,
  item: { indent: number; marker: string; content: string },
  out: MdBlock[],
): number {
  const inner = item.indent + 2;
  const body = [item.content];
  let i = start + 1;
  while (i < lines.length) {
    const line = lines[i]!;
    if (isBlank(line)) {
      let next = i;
      while (next < lines.length && isBlank(lines[next]!)) next++;
      if (next >= lines.length || indentOf(lines[next]!) < inner) break;
      for (; i < next; i++) body.push('');
      continue;
    }
    if (indentOf(line) >= inner) {
      body.push(dedent(line, inner));
      i++;
      continue;
    }
    if (!isBlank(body.at(-1)!) && !startsBlock(lines, i)) {
      body.push(line.trim());
      i++;
      continue;
    }
    break;
  }
  const blocks = parseLines(body);
  const first = blocks[0];
  const leading = first?.kind === 'paragraph' && !isBlank(body[0]!) ? first.text : '';
  const children = leading ? blocks.slice(1) : blocks;
  const todo = /^\[([ xX])\](?:\s+|$)/.exec(leading);
  if (todo && /^[-*+]$/.test(item.marker)) {
    out.push({ kind: 'todo', text: leading.slice(todo[0].length), checked: todo[1] !== ' ', children });
  } else {
    const kind = /^\d/.test(item.marker) ? 'numbered' : 'bulleted';
    out.push({ kind, text: leading, children });
  }
  return i;
}
