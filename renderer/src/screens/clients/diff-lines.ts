export type DiffLineKind = 'file' | 'hunk' | 'add' | 'remove' | 'context' | 'note';

export interface DiffLine {
  kind: DiffLineKind;
  /** The line as in the diff, sign included (`+`, `-` or a space). */
  text: string;
}

/**
 * Splits a unified diff into typed lines. `---`/`+++` count as file headers only before the
 * first hunk: inside one, a removed line may well start with `--`.
 */
export function parseDiff(diff: string): DiffLine[] {
  const lines = diff.replace(/\r?\n$/, '').split(/\r?\n/);
  if (lines.length === 1 && lines[0] === '') return [];
  let inHunk = false;
  return lines.map((text): DiffLine => {
    if (text.startsWith('@@')) {
      inHunk = true;
      return { kind: 'hunk', text };
    }
    if (!inHunk && (text.startsWith('--- ') || text.startsWith('+++ '))) return { kind: 'file', text };
    if (text.startsWith('+')) return { kind: 'add', text };
    if (text.startsWith('-')) return { kind: 'remove', text };
    if (text.startsWith('\\')) return { kind: 'note', text };
    return { kind: 'context', text };
  });
}

const lines = (count: number): string => `${count} ${count === 1 ? 'line' : 'lines'}`;

/** "Adds 3 lines and removes 1 line." — the gist, in words, before the diff itself. */
export function diffSummary(parsed: readonly DiffLine[]): string {
  const added = parsed.filter((line) => line.kind === 'add').length;
  const removed = parsed.filter((line) => line.kind === 'remove').length;
  if (added && removed) return `Adds ${lines(added)} and removes ${lines(removed)}.`;
  if (added) return `Adds ${lines(added)}.`;
  if (removed) return `Removes ${lines(removed)}.`;
  return 'No lines change.';
}
