import type { Node } from 'jsonc-parser';
import { createScanner } from 'jsonc-parser';
import type { TextStyle } from './text-format';

/** A replacement of `length` characters at `offset`. */
export interface TextEdit {
  offset: number;
  length: number;
  content: string;
}

/** jsonc-parser `SyntaxKind` values (a const enum, unreadable under isolated modules). */
const Kind = { Comma: 5, LineComment: 12, BlockComment: 13, LineBreak: 14, Trivia: 15 } as const;

/** Applies edits that do not overlap; insertions at the same offset keep their array order. */
export function applyTextEdits(text: string, edits: TextEdit[]): string {
  let out = text;
  const order = edits.map((edit, index) => ({ edit, index }));
  order.sort((a, b) => b.edit.offset - a.edit.offset || b.index - a.index);
  for (const { edit } of order) {
    out = out.slice(0, edit.offset) + edit.content + out.slice(edit.offset + edit.length);
  }
  return out;
}

const end = (node: Node) => node.offset + node.length;

function lineStart(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

/** The whitespace a line starts with, if `offset` is the first non-blank character on it. */
function leadingIndent(text: string, offset: number): string | null {
  const before = text.slice(lineStart(text, offset), offset);
  return /^[ \t]*$/.test(before) ? before : null;
}

/** Offset of the next token that is not whitespace or a comment. */
function nextToken(text: string, from: number): { offset: number; kind: number } {
  const scanner = createScanner(text, true);
  scanner.setPosition(from);
  const kind: number = scanner.scan();
  return { offset: scanner.getTokenOffset(), kind };
}

/** A value in the file's style, its continuation lines indented from `baseIndent`. */
function render(value: unknown, baseIndent: string, style: TextStyle): string {
  const unit = style.indent.tabs ? '\t' : ' '.repeat(style.indent.size);
  return JSON.stringify(value, null, unit)
    .split('\n')
    .join(style.eol + baseIndent);
}

function unitOf(style: TextStyle): string {
  return style.indent.tabs ? '\t' : ' '.repeat(style.indent.size);
}

/**
 * Where a new last property can go without moving anything: before the line break that ends
 * the line holding the previous property (after its comma and any comment on that line). Null
 * when the object closes on that same line.
 */
function endOfLineAfter(text: string, from: number): number | null {
  const scanner = createScanner(text, false);
  scanner.setPosition(from);
  for (;;) {
    const kind: number = scanner.scan();
    if (kind === Kind.LineBreak) return scanner.getTokenOffset();
    if (kind === Kind.Trivia || kind === Kind.LineComment) continue;
    if (kind === Kind.BlockComment && !scanner.getTokenValue().includes('\n')) continue;
    return kind === Kind.BlockComment ? scanner.getTokenOffset() : null;
  }
}

/** Edits adding `"key": value` as the last property of `object`. */
export function insertProperty(
  text: string,
  object: Node,
  key: string,
  value: unknown,
  style: TextStyle,
): TextEdit[] {
  const children = object.children ?? [];
  const last = children[children.length - 1];
  const property = (indent: string) => `${JSON.stringify(key)}: ${render(value, indent, style)}`;
  if (!last) {
    const open = object.offset + 1;
    const close = end(object) - 1;
    const outer = /^[ \t]*/.exec(text.slice(lineStart(text, object.offset)))![0];
    const inner = outer + unitOf(style);
    if (/^\s*$/.test(text.slice(open, close))) {
      const content = `${style.eol}${inner}${property(inner)}${style.eol}${outer}`;
      return [{ offset: open, length: close - open, content }];
    }
    // Only comments inside: put ours first and keep them.
    return [{ offset: open, length: 0, content: `${style.eol}${inner}${property(inner)}` }];
  }
  const after = nextToken(text, end(last));
  const hasComma = after.kind === Kind.Comma;
  const edits: TextEdit[] = hasComma ? [] : [{ offset: end(last), length: 0, content: ',' }];
  const indent = leadingIndent(text, last.offset);
  const lineEnd = indent === null ? null : endOfLineAfter(text, hasComma ? after.offset + 1 : end(last));
  if (indent === null || lineEnd === null) {
    // A compact object ({"a": 1}): stay on the line.
    const at = hasComma ? after.offset + 1 : end(last);
    edits.push({ offset: at, length: 0, content: ` ${property('')}${hasComma ? ',' : ''}` });
    return edits;
  }
  // A file that ends lists with a comma (JSONC) gets one after ours too.
  edits.push({
    offset: lineEnd,
    length: 0,
    content: `${style.eol}${indent}${property(indent)}${hasComma ? ',' : ''}`,
  });
  return edits;
}

/** Edit replacing the value of `property` (a property node), indented like its line. */
export function replaceValue(text: string, property: Node, value: unknown, style: TextStyle): TextEdit {
  const valueNode = property.children![1]!;
  const indent = /^[ \t]*/.exec(text.slice(lineStart(text, property.offset)))![0];
  return { offset: valueNode.offset, length: valueNode.length, content: render(value, indent, style) };
}

/**
 * Edits removing `property` from `object`: its own lines when it has them to itself, its comma,
 * and the previous property's comma when it was the last one. Comments on other properties'
 * lines stay where they are.
 */
export function removeProperty(text: string, object: Node, property: Node): TextEdit[] {
  const children = object.children ?? [];
  const index = children.indexOf(property);
  const after = nextToken(text, end(property));
  const hasComma = after.kind === Kind.Comma;
  let stop = hasComma ? after.offset + 1 : end(property);
  let start = property.offset;
  const restOfLine = /^[ \t]*(\r?\n|$)/.exec(text.slice(stop));
  if (restOfLine && leadingIndent(text, property.offset) !== null) {
    // On lines of its own: take the whole lines.
    start = lineStart(text, property.offset);
    stop += restOfLine[0].length;
  } else if (hasComma) {
    // Sharing its line: `{"a": 1, "b": 2, "c": 3}` loses `"b": 2, `.
    stop += /^[ \t]*/.exec(text.slice(stop))![0].length;
  } else {
    // Last on a shared line: `{"a": 1, "b": 2}` loses ` "b": 2` (and the comma, below).
    start -= /[ \t]*$/.exec(text.slice(0, start))![0].length;
  }
  const edits: TextEdit[] = [{ offset: start, length: stop - start, content: '' }];
  const previous = children[index - 1];
  if (!hasComma && previous && index === children.length - 1) {
    const comma = nextToken(text, end(previous));
    if (comma.kind === Kind.Comma) edits.push({ offset: comma.offset, length: 1, content: '' });
  }
  return edits;
}
