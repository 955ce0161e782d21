import { parseArgs } from 'node:util';

/** Commands from the brief's CLI surface. */
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
  'open',
  'http',
  'search',
  'outdated',
  'update',
  'rollback',
  'tools',
  'permissions',
  'profiles',
  'export',
  'import',
  'signout',
  'settings',
  'install',
  'call',
  'preferences',
  'diagnostics',
  'secrets',
  'quit',
] as const;
export type CommandName = (typeof COMMANDS)[number];

type OptionSpec = { type: 'string' | 'boolean'; multiple?: boolean; short?: string };

const GLOBAL_OPTIONS: Record<string, OptionSpec> = {
  'data-dir': { type: 'string' },
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'v' },
};

const COMMAND_OPTIONS: Partial<Record<CommandName, Record<string, OptionSpec>>> = {
  serve: { port: { type: 'string' }, 'no-open': { type: 'boolean' } },
  connect: { profile: { type: 'string' }, client: { type: 'string' } },
  export: { profile: { type: 'string' } },
  import: { yes: { type: 'boolean', short: 'y' } },
  add: {
    name: { type: 'string' },
    env: { type: 'string', multiple: true },
    'secret-env': { type: 'string', multiple: true },
    config: { type: 'string', multiple: true },
    as: { type: 'string' },
    url: { type: 'string' },
    registry: { type: 'string' },
    package: { type: 'string' },
    sandbox: { type: 'string' },
  },
  search: { refresh: { type: 'boolean' } },
  update: {
    to: { type: 'string' },
    yes: { type: 'boolean', short: 'y' },
    config: { type: 'string', multiple: true },
    'no-trial': { type: 'boolean' },
  },
  permissions: {
    level: { type: 'string' },
    'allow-read': { type: 'string', multiple: true },
    'allow-write': { type: 'string', multiple: true },
    'allow-net': { type: 'string', multiple: true },
    'deny-net': { type: 'string', multiple: true },
    revoke: { type: 'string', multiple: true },
  },
  logs: { instance: { type: 'string' }, tool: { type: 'string' }, follow: { type: 'boolean', short: 'f' } },
  auth: {
    'no-browser': { type: 'boolean' },
    'client-id': { type: 'string' },
    'client-secret': { type: 'boolean' },
    token: { type: 'boolean' },
  },
  clients: {
    all: { type: 'boolean' },
    instance: { type: 'string', multiple: true },
    'dry-run': { type: 'boolean' },
    combined: { type: 'boolean' },
    'per-service': { type: 'boolean' },
  },
  http: { 'show-token': { type: 'boolean' } },
  tools: { all: { type: 'boolean' }, tool: { type: 'string', multiple: true } },
  settings: {
    config: { type: 'string', multiple: true },
    secret: { type: 'string', multiple: true },
    'request-timeout': { type: 'string' },
    'start-timeout': { type: 'string' },
  },
  install: {
    as: { type: 'string' },
    name: { type: 'string' },
    config: { type: 'string', multiple: true },
    yes: { type: 'boolean', short: 'y' },
  },
  // `call` takes the tool's arguments as JSON text after --json (its answer is printed as is).
  call: { arg: { type: 'string', multiple: true }, json: { type: 'string' } },
  secrets: { remove: { type: 'boolean' }, instance: { type: 'string' } },
};

/** Options added to commands that had some before (kept apart to merge cleanly). */
const MORE_OPTIONS: Partial<Record<CommandName, Record<string, OptionSpec>>> = {
  logs: { limit: { type: 'string' }, since: { type: 'string' } },
  auth: { cancel: { type: 'boolean' } },
};

const optionsOf = (command: CommandName): Record<string, OptionSpec> => ({
  ...COMMAND_OPTIONS[command],
  ...MORE_OPTIONS[command],
});

export interface ParsedArgs {
  command: CommandName | null;
  positionals: string[];
  /** Everything after `--` (the command of `add`). */
  rest: string[];
  dataDir: string | undefined;
  json: boolean;
  port: number | undefined;
  open: boolean;
  help: boolean;
  version: boolean;
  name: string | undefined;
  env: string[];
  secretEnv: string[];
  instance: string | undefined;
  /** `clients write --instance A --instance B`. */
  instances: string[];
  tool: string | undefined;
  /** `tools approve <id> --tool A --tool B`. */
  toolNames: string[];
  follow: boolean;
  all: boolean;
  dryRun: boolean;
  /** `auth --no-browser`: print the sign-in URL instead of opening it. */
  noBrowser: boolean;
  /** `add <integration> --config K=V`: settings of a catalog integration. */
  config: string[];
  /** `add <integration> --as ID`: the new service's id. */
  as: string | undefined;
  /** `add <id> --url https://…/mcp`: a remote MCP server. */
  url: string | undefined;
  /** `auth --client-id`: the user's own OAuth client. */
  clientId: string | undefined;
  /** `auth --client-secret`: ask for the client secret (hidden). */
  clientSecret: boolean;
  /** `auth --token`: sign in with a pasted token (hidden prompt) instead of the browser. */
  token: boolean;
  /** `http status --show-token`: print the bearer token too. */
  showToken: boolean;
  /** `add --registry <name>[@version]`: install from the MCP registry. */
  registry: string | undefined;
  /** `add --registry … --package npm|pypi|oci|mcpb`: which package of the entry. */
  package: string | undefined;
  /** `update <id> --to VERSION`. */
  to: string | undefined;
  /** `update <id> --yes`: apply without asking. */
  yes: boolean;
  /** `update` starts the new version once to compare its tools, unless `--no-trial`. */
  trial: boolean;
  /** `search --refresh`: fetch the registries now instead of using a list under an hour old. */
  refresh: boolean;
  /** `add … --sandbox standard|strict|none`. */
  sandbox: string | undefined;
  /** `permissions <id> --level …`. */
  level: string | undefined;
  allowRead: string[];
  allowWrite: string[];
  allowNet: string[];
  denyNet: string[];
  /** `permissions <id> --revoke PATH`: take a read or write grant away. */
  revoke: string[];
  /** `connect --profile NAME`, `export --profile NAME`. */
  profile: string | undefined;
  /** `connect --client ID`: the client an entry belongs to (its profile applies). */
  client: string | undefined;
  /** `clients write <client> --combined` / `--per-service`: the entry mode to write. */
  combined: boolean;
  perService: boolean;
  /** `settings <id> --secret NAME`: a secret setting to ask for (hidden) and replace. */
  secrets: string[];
  /** `settings <id> --request-timeout 30s|default`. */
  requestTimeout: string | undefined;
  /** `settings <id> --start-timeout 30s|default`. */
  startTimeout: string | undefined;
  /** `call <id> <tool> --arg K=V`: one argument (V is parsed as JSON when it can be). */
  callArgs: string[];
  /** `call <id> <tool> --json '{…}'`: all arguments as one JSON object. */
  callJson: string | undefined;
  /** `secrets orphans --remove`. */
  remove: boolean;
  /** `logs --limit N`. */
  limit: string | undefined;
  /** `logs --since 10m|ISO time`. */
  since: string | undefined;
  /** `auth <id> --cancel`: stop a sign-in that is waiting for the browser. */
  cancel: boolean;
}

/** Thrown for bad command lines; the CLI prints it with the usage and exits 2. */
/**
 * A command line the CLI cannot run (exit code 2). Recognised by its name, not `instanceof`: the
 * commands built into `dist/cli/heavy/` carry their own copy of this class.
 */
export class UsageError extends Error {
  override name = 'UsageError';
}

/** Whether `error` is a {@link UsageError} from either CLI bundle. */
export const isUsageError = (error: unknown): error is UsageError =>
  error instanceof Error && error.name === 'UsageError';

const isCommand = (word: string): word is CommandName => (COMMANDS as readonly string[]).includes(word);

/** Parses argv (without node and script). Unknown options are errors, not silently ignored. */
export function parseCliArgs(argv: string[]): ParsedArgs {
  const dash = argv.indexOf('--');
  const head = dash === -1 ? argv : argv.slice(0, dash);
  const rest = dash === -1 ? [] : argv.slice(dash + 1);
  // First pass only finds the command word, knowing every option so values are not taken for it.
  // Global options win here, so `call`'s string `--json` does not swallow the command word.
  const allOptions = Object.assign(
    {},
    ...Object.values(COMMAND_OPTIONS),
    ...Object.values(MORE_OPTIONS),
    GLOBAL_OPTIONS,
  ) as Record<string, OptionSpec>;
  const first = parseArgs({ args: head, allowPositionals: true, strict: false, options: allOptions })
    .positionals[0];
  if (first !== undefined && !isCommand(first)) throw new UsageError(`unknown command "${first}"`);
  const command = first ?? null;
  let parsed;
  try {
    parsed = parseArgs({
      args: head,
      allowPositionals: true,
      strict: true,
      options: { ...GLOBAL_OPTIONS, ...(command ? optionsOf(command) : {}) },
    });
  } catch (error) {
    throw new UsageError((error as Error).message.replace(/^TypeError \[[A-Z_]+\]: /, ''));
  }
  const values = parsed.values as Record<string, string | boolean | string[] | undefined>;
  let port: number | undefined;
  if (values.port !== undefined) {
    port = Number(values.port);
    if (!Number.isInteger(port) || port < 0 || port > 65535) {
      throw new UsageError(
        `--port must be a number from 0 (any free port) to 65535, not "${String(values.port)}"`,
      );
    }
  }
  const strings = (key: string) => (Array.isArray(values[key]) ? (values[key] as string[]) : []);
  return {
    command,
    positionals: parsed.positionals.slice(1),
    rest,
    dataDir: typeof values['data-dir'] === 'string' ? values['data-dir'] : undefined,
    json: values.json === true,
    port,
    open: values['no-open'] !== true,
    help: values.help === true,
    version: values.version === true,
    name: typeof values.name === 'string' ? values.name : undefined,
    env: strings('env'),
    secretEnv: strings('secret-env'),
    instance: typeof values.instance === 'string' ? values.instance : undefined,
    instances: strings('instance'),
    tool: typeof values.tool === 'string' ? values.tool : undefined,
    toolNames: strings('tool'),
    follow: values.follow === true,
    all: values.all === true,
    dryRun: values['dry-run'] === true,
    noBrowser: values['no-browser'] === true,
    config: strings('config'),
    as: typeof values.as === 'string' ? values.as : undefined,
    url: typeof values.url === 'string' ? values.url : undefined,
    clientId: typeof values['client-id'] === 'string' ? values['client-id'] : undefined,
    clientSecret: values['client-secret'] === true,
    token: values.token === true,
    showToken: values['show-token'] === true,
    registry: typeof values.registry === 'string' ? values.registry : undefined,
    package: typeof values.package === 'string' ? values.package : undefined,
    to: typeof values.to === 'string' ? values.to : undefined,
    yes: values.yes === true,
    trial: values['no-trial'] !== true,
    refresh: values.refresh === true,
    sandbox: typeof values.sandbox === 'string' ? values.sandbox : undefined,
    level: typeof values.level === 'string' ? values.level : undefined,
    allowRead: strings('allow-read'),
    allowWrite: strings('allow-write'),
    allowNet: strings('allow-net'),
    denyNet: strings('deny-net'),
    revoke: strings('revoke'),
    profile: typeof values.profile === 'string' ? values.profile : undefined,
    client: typeof values.client === 'string' ? values.client : undefined,
    combined: values.combined === true,
    perService: values['per-service'] === true,
    secrets: strings('secret'),
    requestTimeout: typeof values['request-timeout'] === 'string' ? values['request-timeout'] : undefined,
    startTimeout: typeof values['start-timeout'] === 'string' ? values['start-timeout'] : undefined,
    callArgs: command === 'call' ? strings('arg') : [],
    callJson: command === 'call' && typeof values.json === 'string' ? values.json : undefined,
    remove: values.remove === true,
    limit: typeof values.limit === 'string' ? values.limit : undefined,
    since: typeof values.since === 'string' ? values.since : undefined,
    cancel: values.cancel === true,
  };
}

export const USAGE = `Usage: mcp-tray <command> [options]

Commands:
  serve [--port N] [--no-open]          run MCP Tray without a tray: core + UI in your browser
  status [--json]                       services, their state, pid and tool count
  add <integration> [--as ID] [--name N] [--config K=V]...
                                        add a catalog integration (github, notion…); secret
                                        settings are asked for (hidden) or read from stdin
  add <id> [--name N] [--env K=V]... [--secret-env K]... -- <command> [args...]
                                        add a server; secret values are asked for (hidden),
                                        or read from standard input, one line each
  add --registry <name>[@version] [--as ID] [--package npm|pypi|oci|mcpb] [--config K=V]...
                                        install a server from the MCP registry, pinned to an
                                        exact version; secret values are asked for (hidden) or
                                        read from stdin, one line each
  add [<id>] --url <https://…/mcp> [--name N]
                                        add a remote MCP server (then: mcp-tray auth <id>
                                        if it asks for a sign-in)
  search <words> [--json] [--refresh]   search the MCP registry and the built-in catalog
                                        (--refresh: fetch the registry now, not the saved list)
  outdated [--json]                     registry installs with a newer version
  update <id> [--to VERSION] [--yes] [--config K=V]... [--no-trial]
                                        show what an update changes (command, variables, tools
                                        after a trial start) and apply it once confirmed
  rollback <id>                         back to the version before the last update
  remove | restart | enable | disable <id>
  connect <id> [--client C] [--profile NAME]
                                        the stdio connector AI clients run for a service
  connect --profile NAME | --client C   one combined entry: every service of the profile
  profiles [--json]                     profiles and the services and tools each one gives
  profiles create|delete NAME           (rename NAME NEW)
  profiles add|remove NAME <id>[:tool,tool]...
                                        put services or single tools in or out of a profile
  export [--profile NAME] > setup.json  services, settings, profiles, client choices; no secret
  import setup.json [--yes]             shows the review, asks for the secrets, then installs
  logs [--instance ID] [--tool T] [--json] [--follow]
                                        tool calls AI clients made, newest last
  clients [--json]                      AI clients found, their config files, what they get
  clients write <client>|--all [--instance ID]... [--dry-run]
                                        write a client's entries (--instance adds to its choice)
  clients write <client> --combined|--per-service
                                        one combined entry for the client's profile, or one
                                        entry per service (saved for next time)
  clients profile <client> NAME         the profile this client gets (Everything: all)
  clients restart <client>              quit and reopen it (Claude Desktop on macOS and Windows)
  clients transport <client> http|stdio reach MCP Tray over HTTP (Cursor, VS Code, Claude Code)
                                        or through the connector, and rewrite its entries
  http on | off | status [--show-token] the broker over HTTP on 127.0.0.1 (off by default);
                                        status prints the URL base, the token only if asked
  auth <id> [--no-browser]              sign a service in to its account (opens your browser)
  auth <id> --client-id ID [--client-secret]
                                        use your own OAuth client (secret asked for, hidden)
  auth <id> --token                     sign in with a personal access token (asked, hidden)
  tools list <id> [--json]              a service's tools, the names call and --tool take
  tools review <id> [--json]            tools new or changed since you approved them (held back
                                        from AI clients), with a word diff and warnings
  tools approve|reject <id> (--all | --tool NAME...)
                                        let AI clients see them, or keep them hidden
  add … --sandbox standard|strict|none  the sandbox level (default: strict for built-in
                                        integrations, standard for everything else)
  permissions <id> [--json]             what a service may read, write and reach, in words
  permissions <id> [--level standard|strict|none] [--allow-read P]... [--allow-write P]...
                   [--allow-net HOST]... [--deny-net HOST]... [--revoke P]...
                                        change it (full paths that exist); it restarts
  open <mcp-tray://install?…>           open an install link in MCP Tray's Add flow (adds nothing
                                        until you confirm there)
  auth <id> --cancel                    stop a sign-in that waits for the browser
  signout <id>                          sign out: revoke and delete the token, stop the server
  settings <id> [--config K=V]... [--secret NAME]... [--request-timeout T] [--start-timeout T]
                                        show or change a service's settings and timeouts
  install <file.mcpb> [--as ID] [--config K=V]... [--yes]
                                        check an MCP bundle, then add it as a service
  clients import <client> <server>...   adopt a client's own servers as services
  tools enable|disable <id> --tool NAME...
                                        turn tools on or off for every AI client
  call <id> <tool> [--arg K=V]... | [--json '{…}']
                                        call a tool and print its answer
  logs … [--limit N] [--since 10m|ISO]  fewer or newer calls
  preferences [set KEY=VALUE...]        show or change app-wide preferences
  diagnostics                           write a redacted diagnostics zip, print its path
  secrets orphans [--remove [--instance ID]]
                                        keychain items of removed services; delete them
  quit [--json]                         stop the running MCP Tray cleanly (its services too)

Every command has its own help: mcp-tray <command> --help

Options:
  --data-dir DIR   keep all data in DIR (or set MCP_TRAY_HOME)
  --json           machine-readable output
  -h, --help       this help
  -v, --version    print the version

Exit codes: 0 done, 1 failed, 2 usage or not available yet, 3 MCP Tray is not running.
`;
