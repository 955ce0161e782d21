import { formatPatch, structuredPatch } from 'diff';
import type { DiffHunk } from '../../shared/contract';

/** Line ends are not shown: CRLF and a missing last newline change nothing a person should see. */
function normalize(text: string): string {
  if (text === '') return '';
  const lf = text.replace(/\r\n/g, '\n');
  return lf.endsWith('\n') ? lf : `${lf}\n`;
}

/** A change for showing a person: unified diff text and the same hunks, from jsdiff (Myers). */
export interface TextDiff {
  /** `---`/`+++`/`@@` text with 3 lines of context; '' when nothing changed. */
  text: string;
  hunks: DiffHunk[];
}

/** What changes from `before` to `after` in `file` (a small edit in a big file stays cheap). */
export function textDiff(file: string, before: string, after: string, context = 3): TextDiff {
  const a = normalize(before);
  const b = normalize(after);
  if (a === b) return { text: '', hunks: [] };
  const patch = structuredPatch(file, file, a, b, undefined, undefined, { context });
  const formatted = formatPatch(patch);
  const hunks = patch.hunks.map(({ oldStart, oldLines, newStart, newLines, lines }) => ({
    // A hunk that adds to an empty file starts at line 0, as diff tools print it.
    oldStart: oldLines === 0 ? oldStart - 1 : oldStart,
    oldLines,
    newStart: newLines === 0 ? newStart - 1 : newStart,
    newLines,
    lines,
  }));
  // jsdiff starts with an `Index:`-style separator line; the file lines and hunks follow.
  return { text: formatted.slice(formatted.indexOf(`--- ${file}`)), hunks };
}

/** The unified diff text alone (see {@link textDiff}). */
export function unifiedDiff(file: string, before: string, after: string, context = 3): string {
  return textDiff(file, before, after, context).text;
}
