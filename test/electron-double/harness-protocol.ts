import type { DoubleState } from './electron-double';

/** What the harness (child) tells the test. */
export type HarnessMessage =
  | { type: 'evaluated' }
  | { type: 'ready' }
  | { type: 'state'; state: DoubleState }
  | { type: 'exit'; code: number; state: DoubleState }
  | { type: 'crash'; error: string };

/** What the test asks of the harness. */
export type HarnessCommand = { cmd: 'state' } | { cmd: 'quit' };
