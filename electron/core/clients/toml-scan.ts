import { parse } from 'smol-toml';
import { isRecord } from './client-adapter';

/** A `[table]` or `[[array.of.tables]]` header line of a TOML document. */
export interface TomlHeader {
  /** Offset of the first character of the header's line. */
  lineStart: number;
  /** Offset just past the header line's line end. */
  lineEnd: number;
  /** The table's key path, e.g. ['mcp_servers', 'x', 'env']; [] if it could not be read. */
  path: string[];
}

/** Key path of a header line, parsed by the real TOML parser so quoting rules are exact. */
function headerPath(line: string): string[] {
  try {
    let node: unknown = parse(line);
    const path: string[] = [];
    for (;;) {
      if (Array.isArray(node)) node = node[node.length - 1];
      if (!isRecord(node)) return path;
      const keys = Object.keys(node);
      if (keys.length !== 1) return path;
      path.push(keys[0]!);
      node = node[keys[0]!];
    }
  } catch {
    return [];
  }
}

/**
 * Finds header lines, skipping anything that only looks like one: lines inside multi-line
 * strings and inside multi-line arrays or inline tables (`args = [\n  [1],\n]`). Comments and
 * strings are skipped when counting brackets. Assumes a document that already parsed.
 */
export function scanTomlHeaders(text: string): TomlHeader[] {
  const headers: TomlHeader[] = [];
  let i = 0;
  let depth = 0; // open [ and { of values
  let atLineStart = true;
  while (i < text.length) {
    const ch = text[i]!;
    if (atLineStart && depth === 0) {
      const lineEndAt = text.indexOf('\n', i);
      const end = lineEndAt === -1 ? text.length : lineEndAt + 1;
      const line = text.slice(i, end);
      if (/^[ \t]*\[/.test(line)) {
        headers.push({ lineStart: i, lineEnd: end, path: headerPath(line) });
        i = end;
        continue;
      }
    }
    atLineStart = false;
    if (ch === '\n') {
      atLineStart = true;
      i++;
    } else if (ch === '#') {
      const next = text.indexOf('\n', i);
      i = next === -1 ? text.length : next;
    } else if (text.startsWith('"""', i) || text.startsWith("'''", i)) {
      const quote = text.slice(i, i + 3);
      let j = i + 3;
      for (;;) {
        if (j >= text.length) break;
        if (quote === '"""' && text[j] === '\\') {
          j += 2;
          continue;
        }
        if (text.startsWith(quote, j)) {
          j += 3;
          // Up to two quotes right before the closing ones belong to the string.
          while (text[j] === quote[0] && j < text.length) j++;
          break;
        }
        j++;
      }
      i = j;
    } else if (ch === '"' || ch === "'") {
      let j = i + 1;
      while (j < text.length && text[j] !== ch && text[j] !== '\n')
        j += ch === '"' && text[j] === '\\' ? 2 : 1;
      i = j + 1;
    } else {
      if (ch === '[' || ch === '{') depth++;
      else if ((ch === ']' || ch === '}') && depth > 0) depth--;
      i++;
    }
  }
  return headers;
}
