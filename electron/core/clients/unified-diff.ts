import { formatPatch, structuredPatch } from 'diff';

/** Line ends are not shown: CRLF and a missing last newline change nothing a person should see. */
function normalize(text: string): string {
  if (text === '') return '';
  const lf = text.replace(/\r\n/g, '\n');
  return lf.endsWith('\n') ? lf : `${lf}\n`;
}

/**
 * A unified diff (`---`/`+++`/`@@` hunks with 3 lines of context) for showing a person what we
 * are about to change, from jsdiff (Myers' algorithm: a small edit in a big file stays cheap).
 */
export function unifiedDiff(file: string, before: string, after: string, context = 3): string {
  const a = normalize(before);
  const b = normalize(after);
  if (a === b) return '';
  const patch = formatPatch(structuredPatch(file, file, a, b, undefined, undefined, { context }));
  // jsdiff starts with an `Index:`-style separator line; the file lines and hunks follow.
  return patch.slice(patch.indexOf(`--- ${file}`));
}
