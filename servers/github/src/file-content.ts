/** Turning the contents API's base64 into text an AI client can read, or a description. */

/** Most text returned per call; `start_line` reads on from where a call stopped. */
const MAX_FILE_CHARS = 20_000;

export type Decoded = { kind: 'text'; text: string } | { kind: 'binary' } | { kind: 'too-large' };

/**
 * Decodes a `content-file`. GitHub sends base64 for files up to 1 MB; larger ones come with
 * `encoding: "none"` and empty content (docs.github.com/en/rest/repos/contents#get-repository-content).
 * A NUL byte or invalid UTF-8 marks a binary file, as git itself decides.
 */
export function decodeFile(encoding: string, content: string): Decoded {
  if (encoding !== 'base64') return { kind: 'too-large' };
  const bytes = Buffer.from(content, 'base64');
  if (bytes.subarray(0, 8000).includes(0)) return { kind: 'binary' };
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return { kind: 'text', text: text.replace(/^\uFEFF/, '') };
  } catch {
    return { kind: 'binary' };
  }
}

export interface LineWindow {
  text: string;
  firstLine: number;
  lastLine: number;
  totalLines: number;
  nextStartLine: number | null;
}

/** Whole lines from `startLine` (1-based) up to `maxChars`, and where to read on. */
export function lineWindow(text: string, startLine: number, maxChars = MAX_FILE_CHARS): LineWindow {
  const lines = text.split('\n');
  if (lines.length > 1 && lines.at(-1) === '') lines.pop();
  const totalLines = lines.length;
  const first = Math.min(startLine, Math.max(totalLines, 1));
  const taken: string[] = [];
  let used = 0;
  for (let i = first - 1; i < totalLines; i++) {
    const line = lines[i]!;
    // One very long line (minified code) is cut rather than never shown.
    const piece = taken.length === 0 && line.length > maxChars ? `${line.slice(0, maxChars)} …` : line;
    if (taken.length > 0 && used + piece.length + 1 > maxChars) break;
    taken.push(piece);
    used += piece.length + 1;
  }
  const lastLine = first + taken.length - 1;
  return {
    text: taken.join('\n'),
    firstLine: first,
    lastLine,
    totalLines,
    nextStartLine: lastLine < totalLines ? lastLine + 1 : null,
  };
}
