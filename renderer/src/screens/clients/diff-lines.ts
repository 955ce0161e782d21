import type { DiffHunk } from '../../../../electron/shared/contract';

type DiffLineKind = 'hunk' | 'add' | 'remove' | 'context' | 'note';

export interface DiffLine {
  kind: DiffLineKind;
  /** The line as in a unified diff, sign included (`+`, `-` or a space). */
  text: string;
}

const kindOf = (line: string): DiffLineKind =>
  line.startsWith('+') ? 'add' : line.startsWith('-') ? 'remove' : line.startsWith('\\') ? 'note' : 'context';

/** The core's hunks as typed lines to show: each hunk's `@@` range, then its lines. */
export function diffLines(hunks: readonly DiffHunk[]): DiffLine[] {
  return hunks.flatMap((hunk) => [
    {
      kind: 'hunk' as const,
      text: `@@ -${hunk.oldStart},${hunk.oldLines} +${hunk.newStart},${hunk.newLines} @@`,
    },
    ...hunk.lines.map((text) => ({ kind: kindOf(text), text })),
  ]);
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
