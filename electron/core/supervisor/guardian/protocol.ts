/**
 * The guardian's two interfaces, both sides in one place: its command line (written by
 * `Watchdog`) and the lines the core sends it on stdin (`+ <pid>` watches a server's process
 * group, `- <pid>` forgets it, `= <pid>` adds one process of the core's own, such as the
 * sandbox's proxy bridge, which shares the core's group).
 */

/** The variable that marks every process a server of this core run started. */
export const RUN_MARKER = 'MCP_TRAY_RUN';

/**
 * How the guardian reads the process table: `/proc` (Linux) or `ps` (macOS; Linux accepts the
 * same `ps` options, which is how the macOS path is tested).
 */
export type Tracker = 'proc' | 'ps';

export interface GuardianOptions {
  /** This core run's id: the value of `MCP_TRAY_RUN` in every server's environment. */
  runId: string;
  /** Default: `proc` on Linux, `ps` elsewhere. */
  tracker?: Tracker;
  /** How often the table is read while servers run, so short-lived parents are seen. */
  pollMs?: number;
}

export const DEFAULT_POLL_MS = 1000;
const MIN_POLL_MS = 50;

/** The guardian's arguments for `options`. */
export function guardianArgs(options: GuardianOptions): string[] {
  return [
    options.runId,
    ...(options.tracker ? ['--tracker', options.tracker] : []),
    ...(options.pollMs !== undefined ? ['--poll-ms', String(options.pollMs)] : []),
  ];
}

/** The inverse of `guardianArgs`; unknown or malformed flags fall back to the defaults. */
export function parseGuardianArgs(argv: readonly string[]): {
  runId: string;
  tracker: Tracker | null;
  pollMs: number;
} {
  const flag = (name: string): string | undefined => {
    const at = argv.indexOf(name);
    return at >= 0 ? argv[at + 1] : undefined;
  };
  const tracker = flag('--tracker');
  const pollMs = Number(flag('--poll-ms'));
  return {
    runId: argv[0] && /^[0-9a-f]+$/.test(argv[0]) ? argv[0] : '',
    tracker: tracker === 'proc' || tracker === 'ps' ? tracker : null,
    pollMs: Number.isInteger(pollMs) && pollMs >= MIN_POLL_MS ? pollMs : DEFAULT_POLL_MS,
  };
}

/** One line from the core. */
export interface Command {
  op: '+' | '-' | '=';
  pid: number;
}

export const formatCommand = ({ op, pid }: Command): string => `${op} ${pid}\n`;

/** Complete lines of `buffer` as commands (malformed ones skipped), and the unfinished rest. */
export function parseCommands(buffer: string): { commands: Command[]; rest: string } {
  const lines = buffer.split('\n');
  const rest = lines.pop() ?? '';
  const commands: Command[] = [];
  for (const line of lines) {
    const match = /^([+=-]) (\d+)$/.exec(line);
    const pid = Number(match?.[2]);
    // pid 1 and below would signal init or every process we may signal: never.
    if (match && Number.isSafeInteger(pid) && pid > 1) commands.push({ op: match[1] as Command['op'], pid });
  }
  return { commands, rest };
}
