import type { CommandName } from './args';

const COMMON = `
Options for every command:
  --data-dir DIR   keep all data in DIR (or set MCP_TRAY_HOME)
  -h, --help       this help
`;

/** What `mcp-tray <command> --help` prints: the command's own usage, options and examples. */
const COMMAND_HELP: Record<CommandName, string> = {
  serve: `Usage: mcp-tray serve [--port N] [--no-open] [--json]

Runs MCP Tray without a tray: the core, and the UI in your browser on 127.0.0.1.
  --port N     the port (0, the default, takes any free one)
  --no-open    do not open the browser
  --json       print the URL and token as JSON`,
  connect: `Usage:
  mcp-tray connect <id> [--client C] [--profile NAME]
  mcp-tray connect --profile NAME | --client C

The stdio connector AI clients run for a service (MCP Tray writes it into their configs), or,
with only a profile or a client, one combined entry serving every service of that profile.
It starts MCP Tray in the background when it is not running.`,
  status: `Usage: mcp-tray status [--json]

Every service, its state, process id, tool count, sandbox and the reason for its state.`,
  add: `Usage:
  mcp-tray add <integration> [--as ID] [--name N] [--config K=V]... [--sandbox LEVEL]
  mcp-tray add <id> [--name N] [--env K=V]... [--secret-env K]... -- <command> [args...]
  mcp-tray add --registry <name>[@version] [--as ID] [--package npm|pypi|oci|mcpb] [--config K=V]...
  mcp-tray add [<id>] --url <https://…/mcp> [--name N]

Adds a service: a catalog integration, your own command, a registry server or a remote server.
Secret values are asked for (hidden) or read from standard input, one line each.
An .mcpb bundle is added with: mcp-tray install <file.mcpb>`,
  remove: `Usage: mcp-tray remove <id> [--json]

Stops the service, deletes its settings and keychain items, and takes its entries out of
every AI client's config.`,
  restart: `Usage: mcp-tray restart <id> [--json]

Stops and starts the service's server.`,
  enable: `Usage: mcp-tray enable <id> [--json]

Starts the service and keeps it started with MCP Tray.`,
  disable: `Usage: mcp-tray disable <id> [--json]

Stops the service and keeps it stopped.`,
  auth: `Usage:
  mcp-tray auth <id> [--no-browser]            sign in (opens your browser), wait until done
  mcp-tray auth <id> --client-id ID [--client-secret]
                                               use your own OAuth client (secret asked, hidden)
  mcp-tray auth <id> --token                   sign in with a personal access token (hidden)
  mcp-tray auth <id> --cancel                  stop a sign-in that waits for the browser

Sign out with: mcp-tray signout <id>`,
  signout: `Usage: mcp-tray signout <id> [--json]

Signs the service out: revokes the token at the provider where it can, deletes it from the
keychain and stops the server until you sign in again.`,
  logs: `Usage: mcp-tray logs [--instance ID] [--tool T] [--limit N] [--since WHEN] [--json] [--follow]

Tool calls AI clients made, oldest first (the last 100 unless --limit says otherwise).
  --limit N      at most N calls (1 to 1000)
  --since WHEN   only calls from then on: an ISO time (2026-05-01T10:00:00Z) or a duration
                 back from now (30s, 10m, 2h, 7d)
  --follow, -f   keep printing new calls until Ctrl+C
  --json         one JSON record per line`,
  clients: `Usage:
  mcp-tray clients [--json]                        AI clients, their config files, what they get
  mcp-tray clients write <client>|--all [--instance ID]... [--dry-run]
                                                   write a client's entries (backup kept)
  mcp-tray clients restart <client>                quit and reopen it where the system allows
  mcp-tray clients transport <client> http|stdio   how it reaches MCP Tray
  mcp-tray clients profile <client> NAME           the profile the client gets
  mcp-tray clients write <client> --combined|--per-service
                                                   one combined entry, or one per service
  mcp-tray clients import <client> <server>... [--json]
                                                   adopt servers from the client's own config
                                                   as services (secrets go to the keychain) and
                                                   point its entries at MCP Tray`,
  open: `Usage: mcp-tray open <mcp-tray://install?…>

Opens an install link in MCP Tray's Add flow; nothing is added until you confirm there.`,
  http: `Usage: mcp-tray http on | off | status [--show-token] [--json]

The broker over HTTP on 127.0.0.1 (off by default), for clients that speak HTTP.`,
  search: `Usage: mcp-tray search <words> [--json] [--refresh]

Searches the MCP registry and the built-in catalog (--refresh fetches the registry now).`,
  outdated: `Usage: mcp-tray outdated [--json]

Registry installs that have a newer version.`,
  update: `Usage: mcp-tray update <id> [--to VERSION] [--yes] [--config K=V]... [--no-trial]

Shows what an update changes and applies it once confirmed.`,
  rollback: `Usage: mcp-tray rollback <id>

Goes back to the version before the last update.`,
  tools: `Usage:
  mcp-tray tools list <id> [--json]                    a service's tools: the names call and --tool take
  mcp-tray tools review <id> [--json]                  tools new or changed since you approved them
  mcp-tray tools approve|reject <id> (--all | --tool NAME...)
                                                       let AI clients see them, or keep them hidden
  mcp-tray tools enable|disable <id> --tool NAME...    turn tools on or off for every AI client

Call a tool yourself with: mcp-tray call <id> <tool>`,
  permissions: `Usage: mcp-tray permissions <id> [--json] [--level standard|strict|none]
         [--allow-read P]... [--allow-write P]... [--allow-net HOST]... [--deny-net HOST]... [--revoke P]...

What a service may read, write and reach, in words; with options, changes it (it restarts).`,
  settings: `Usage: mcp-tray settings <id> [--json]
       mcp-tray settings <id> [--config K=V]... [--secret NAME]...
                              [--request-timeout 30s|default] [--start-timeout 30s|default]

Without options: the service's settings (secret ones by name only), its timeouts and the tools
that are off. With them, changes them; a changed setting or secret restarts the service.
  --config K=V            a setting of a catalog or bundle service
  --secret NAME           a secret setting (an API key): asked for, hidden, or read from stdin
  --request-timeout T     how long a tool call may take (1s to 1h), or "default"
  --start-timeout T       how long the server may take to start (1s to 10m), or "default"`,
  install: `Usage: mcp-tray install <file.mcpb> [--as ID] [--name N] [--config K=V]... [--yes] [--json]

Checks an MCP bundle and shows what it would run; with --yes (or once you confirm) extracts
it into MCP Tray's data folder and adds it as a service. Secret settings are asked for, hidden.`,
  call: `Usage: mcp-tray call <id> <tool> [--arg K=V]... | [--json '{"k": "v"}']

Calls a tool through MCP Tray, as the "Try it" form does (logged as made from MCP Tray).
  --arg K=V    one argument; V is read as JSON when it is (42, true, ["a"]), else as text
  --json OBJ   all arguments as one JSON object
Prints the tool's answer; exits 1 when the tool reports an error.`,
  preferences: `Usage: mcp-tray preferences [--json]
       mcp-tray preferences set KEY=VALUE...

App-wide choices. Keys: theme (system|light|dark), logRetentionDays (1-365),
driftPolicy (always|ask|never), launchAtLogin (true|false).`,
  diagnostics: `Usage: mcp-tray diagnostics [--json]

Writes a zip of logs and state, with every secret redacted, and prints where it is.`,
  secrets: `Usage: mcp-tray secrets orphans [--json]
       mcp-tray secrets orphans --remove [--instance ID]

Keychain items left by services that no longer exist (names only, never values);
--remove deletes them (all, or those of one former service id).`,
  profiles: `Usage:
  mcp-tray profiles [--json]
  mcp-tray profiles create|delete NAME
  mcp-tray profiles rename NAME NEW
  mcp-tray profiles add|remove NAME <id>[:tool,tool]...

Profiles are named sets of services (and single tools) that a client gets. "Everything" is
the default and gives every service.`,
  export: `Usage: mcp-tray export [--profile NAME] > setup.json

Writes your services, their settings, profiles and client choices as JSON, to move a setup
to another computer. No secret is written: secret fields are listed by name only.`,
  import: `Usage: mcp-tray import setup.json [--yes]

Shows what each service will run, asks for its secrets (hidden, or one per line on standard
input with --yes), then installs. A file from a newer version or with unknown fields is refused.`,
  quit: `Usage: mcp-tray quit [--json]

Stops the running MCP Tray cleanly, its services too, and waits until it has let go of its
data folder. AI clients start it again when they next connect.`,
};

/** The help of one command, with the options every command takes. */
export const commandHelp = (command: CommandName): string => `${COMMAND_HELP[command]}\n${COMMON}`;
