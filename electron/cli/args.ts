import { parseArgs } from 'node:util';

/** Commands from the brief's CLI surface; all but `serve` land with later issues. */
export const COMMANDS = [
  'serve',
  'connect',
  'status',
  'add',
  'remove',
  'restart',
  'enable',
  'disable',
  'auth',
  'logs',
  'clients',
] as const;
export type CommandName = (typeof COMMANDS)[number];

export interface ParsedArgs {
  command: CommandName | null;
  positionals: string[];
  dataDir: string | undefined;
  json: boolean;
  port: number | undefined;
  open: boolean;
  help: boolean;
  version: boolean;
}

/** Thrown for bad command lines; the CLI prints it with the usage and exits 2. */
export class UsageError extends Error {}

/** Parses argv (without node and script). Unknown flags are errors, not silently ignored. */
export function parseCliArgs(argv: string[]): ParsedArgs {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    strict: false,
    options: {
      'data-dir': { type: 'string' },
      json: { type: 'boolean' },
      port: { type: 'string' },
      'no-open': { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
      version: { type: 'boolean', short: 'v' },
    },
  });
  const [first, ...rest] = positionals;
  const command =
    first === undefined
      ? null
      : (COMMANDS as readonly string[]).includes(first)
        ? (first as CommandName)
        : null;
  if (first !== undefined && command === null) throw new UsageError(`unknown command "${first}"`);
  let port: number | undefined;
  if (values.port !== undefined) {
    port = Number(values.port);
    if (!Number.isInteger(port) || port < 0 || port > 65535) {
      throw new UsageError(
        `--port must be a number from 0 (any free port) to 65535, not "${String(values.port)}"`,
      );
    }
  }
  if (command === 'serve') {
    const known = new Set(['data-dir', 'json', 'port', 'no-open', 'help', 'h', 'version', 'v']);
    const unknown = Object.keys(values).find((key) => !known.has(key));
    if (unknown) throw new UsageError(`unknown option --${unknown} for serve`);
  }
  const dataDir = typeof values['data-dir'] === 'string' ? values['data-dir'] : undefined;
  return {
    command,
    positionals: rest,
    dataDir,
    json: values.json === true,
    port,
    open: values['no-open'] !== true,
    help: values.help === true,
    version: values.version === true,
  };
}

export const USAGE = `Usage: mcp-tray <command> [options]

Commands:
  serve [--port N] [--no-open]   run the headless host: core + UI in your browser
  connect <instance-id>          stdio connector that MCP clients run
  status [--json]                instances and their state
  add | remove | restart | enable | disable | auth | logs | clients

Options:
  --data-dir DIR   keep all data in DIR (or set MCP_TRAY_HOME)
  --json           machine-readable output
  -h, --help       this help
  -v, --version    print the version
`;
