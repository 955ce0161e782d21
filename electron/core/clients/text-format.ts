/** How a config file is laid out, so that what we add looks like what was there. */
export interface TextStyle {
  eol: '\n' | '\r\n';
  /** Indentation unit: a tab, or a number of spaces. */
  indent: { tabs: boolean; size: number };
}

/** A file's text without its byte order mark, and whether it had one. */
export function stripBom(text: string): { text: string; bom: boolean } {
  return text.charCodeAt(0) === 0xfeff ? { text: text.slice(1), bom: true } : { text, bom: false };
}

/** CRLF when most line ends are CRLF (a file written on Windows), else LF. */
export function detectEol(text: string): '\n' | '\r\n' {
  const crlf = text.split('\r\n').length - 1;
  const lf = text.split('\n').length - 1 - crlf;
  return crlf > 0 && crlf >= lf ? '\r\n' : '\n';
}

/**
 * The indentation unit: tabs if the first indented line starts with a tab, else the smallest
 * number of leading spaces on any indented line (2 when nothing is indented).
 */
export function detectIndent(text: string): { tabs: boolean; size: number } {
  let smallest = Infinity;
  for (const line of text.split('\n')) {
    const lead = /^([ \t]+)\S/.exec(line)?.[1];
    if (!lead) continue;
    if (lead.startsWith('\t')) {
      if (smallest === Infinity) return { tabs: true, size: 1 };
      continue;
    }
    smallest = Math.min(smallest, lead.length);
  }
  return { tabs: false, size: smallest === Infinity ? 2 : Math.min(smallest, 8) };
}

/** Both of the above. */
export function detectStyle(text: string): TextStyle {
  return { eol: detectEol(text), indent: detectIndent(text) };
}

/** 1-based line and column of a character offset (a CRLF counts as one line end). */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, Math.max(0, Math.min(offset, text.length)));
  const lines = before.split('\n');
  return { line: lines.length, column: lines[lines.length - 1]!.length + 1 };
}

/** Rewrites every line end as `eol`. */
export function withEol(text: string, eol: '\n' | '\r\n'): string {
  const lf = text.replace(/\r\n/g, '\n');
  return eol === '\n' ? lf : lf.replace(/\n/g, '\r\n');
}

/**
 * Structural equality for parsed JSON/TOML values. With `ordered`, object keys must also come in
 * the same order (used to prove untouched parts of a file are untouched).
 */
export function sameValue(a: unknown, b: unknown, ordered = true): boolean {
  if (a === b) return true;
  if (a instanceof Date && b instanceof Date) return a.getTime() === b.getTime();
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) {
    return Number.isNaN(a) && Number.isNaN(b);
  }
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const recordA = a as Record<string, unknown>;
  const recordB = b as Record<string, unknown>;
  const keysA = Object.keys(recordA);
  const keysB = Object.keys(recordB);
  if (keysA.length !== keysB.length) return false;
  return keysA.every(
    (key, i) =>
      (ordered ? key === keysB[i] : Object.prototype.hasOwnProperty.call(recordB, key)) &&
      sameValue(recordA[key], recordB[key], ordered),
  );
}
