/** One run of a word diff: text both versions share, or text only the old or new one has. */
export interface DiffPart {
  op: 'same' | 'added' | 'removed';
  text: string;
}

/** Beyond this many token pairs the middle is shown as replaced whole (memory stays bounded). */
const MAX_CELLS = 4_000_000;

/** Words and the whitespace between them, so the diff puts the text back together exactly. */
const tokens = (text: string): string[] => text.match(/\s+|[^\s]+/g) ?? [];

/**
 * A word diff of two texts (longest common subsequence over words and whitespace). Joining the
 * `same` and `removed` parts gives `before`; `same` and `added` give `after`. Adjacent parts of
 * one kind are merged.
 */
export function wordDiff(before: string, after: string): DiffPart[] {
  const a = tokens(before);
  const b = tokens(after);
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  const parts: DiffPart[] = [];
  const push = (op: DiffPart['op'], text: string) => {
    if (!text) return;
    const last = parts[parts.length - 1];
    if (last?.op === op) last.text += text;
    else parts.push({ op, text });
  };
  push('same', a.slice(0, start).join(''));
  for (const part of middle(a.slice(start, endA), b.slice(start, endB))) push(part.op, part.text);
  push('same', a.slice(endA).join(''));
  return parts;
}

function middle(a: string[], b: string[]): DiffPart[] {
  if (a.length * b.length > MAX_CELLS) {
    return [
      { op: 'removed', text: a.join('') },
      { op: 'added', text: b.join('') },
    ];
  }
  // lcs[i][j]: length of the longest common subsequence of a[i..] and b[j..].
  const width = b.length + 1;
  const lcs = new Uint32Array((a.length + 1) * width);
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      lcs[i * width + j] =
        a[i] === b[j]
          ? lcs[(i + 1) * width + j + 1]! + 1
          : Math.max(lcs[(i + 1) * width + j]!, lcs[i * width + j + 1]!);
    }
  }
  const out: DiffPart[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j]) {
      out.push({ op: 'same', text: a[i++]! });
      j++;
    } else if (j < b.length && (i === a.length || lcs[i * width + j + 1]! >= lcs[(i + 1) * width + j]!)) {
      out.push({ op: 'added', text: b[j++]! });
    } else {
      out.push({ op: 'removed', text: a[i++]! });
    }
  }
  return out;
}
