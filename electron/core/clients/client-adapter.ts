/** The AI clients MCP Tray can write entries for. */
export type ClientId =
  | 'claude-desktop'
  | 'claude-code'
  | 'cursor'
  | 'vscode'
  | 'windsurf'
  | 'gemini-cli'
  | 'lm-studio'
  | 'zed'
  | 'codex';

/**
 * What an adapter may know about the machine. Injected so that every platform's paths can be
 * tested from any platform, and so that nothing here reads `process` directly.
 */
export interface AdapterContext {
  platform: NodeJS.Platform;
  home: string;
  env: Readonly<Record<string, string | undefined>>;
  /** Whether a file or folder exists (synchronous: adapters only probe a few paths). */
  exists(path: string): boolean;
  /** A small text file's content, or null when it cannot be read. */
  readText(path: string): string | null;
}

/** A stdio server as every client describes it, whatever the file's own shape. */
export interface ServerEntry {
  command: string;
  args: string[];
  env: Record<string, string>;
}

/**
 * How a command is launched: what our entries contain. Never a secret: `env` only carries what
 * the runtime itself needs (`ELECTRON_RUN_AS_NODE=1` when the app's own binary runs the connector).
 */
export interface LaunchCommand {
  command: string;
  args: string[];
  env?: Record<string, string>;
}

/** `{ command, args }`, plus `env` when the launch has one: the shape nearly every client writes. */
export function stdioEntry({ command, args, env }: LaunchCommand): Record<string, unknown> {
  return env && Object.keys(env).length > 0 ? { command, args, env: { ...env } } : { command, args };
}

/**
 * The syntax a client's config file is read with.
 * - `json`: strict JSON; a comment or trailing comma would make the client fail to load it.
 * - `jsonc`: comments allowed; trailing commas only where the client's parser accepts them.
 * - `toml`: TOML 1.0.
 */
type ConfigFormat = 'json' | 'jsonc' | 'toml';

/** A server reached by URL (Streamable HTTP), as read back from any client's file. */
export interface HttpServerEntry {
  url: string;
  headers: Record<string, string>;
}

/**
 * How a client that speaks Streamable HTTP writes a server reached by URL. Only adapters whose
 * client documents HTTP entries with custom headers have one.
 */
interface HttpEntryShape {
  /** Where the shape below was checked. */
  docs: readonly string[];
  /** Our HTTP entry in the client's own shape (`headers` carries the bearer token). */
  toEntry(url: string, headers: Record<string, string>): Record<string, unknown>;
}

/** Everything MCP Tray needs to know about one client. */
export interface ClientAdapter {
  id: ClientId;
  displayName: string;
  /** Where the path, key and entry shape below were checked. */
  docs: readonly string[];
  format: ConfigFormat;
  /** For `jsonc`: whether the client's parser accepts trailing commas. */
  trailingCommas: boolean;
  /** Path of keys to the object (JSON) or table (TOML) holding server entries. */
  serversPath: readonly string[];
  /** One line telling the user how to make the client pick up a change. */
  reloadHint: string;
  /** The config file the client reads on this machine. */
  configPath(ctx: AdapterContext): string;
  /** Our entry in the client's own shape. */
  toEntry(launch: LaunchCommand): Record<string, unknown>;
  /** A user's entry read back for import; null for entries that are not local stdio servers. */
  readEntry(raw: unknown): ServerEntry | null;
  /** Present when the client can reach MCP Tray over HTTP instead of running the connector. */
  http?: HttpEntryShape;
}

/** True for a plain object (not an array, not null). */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function stringRecord(value: unknown): Record<string, string> {
  if (!isRecord(value)) return {};
  const out: Record<string, string> = {};
  for (const [key, item] of Object.entries(value)) {
    if (typeof item === 'string' || typeof item === 'number' || typeof item === 'boolean') {
      out[key] = String(item);
    }
  }
  return out;
}

/**
 * Reads `{ command, args, env }`, the shape nearly every client shares. Zed's older custom
 * servers nest it as `command: { path, args, env }`, which is accepted too.
 */
export function readStdioEntry(raw: unknown): ServerEntry | null {
  if (!isRecord(raw)) return null;
  let { command, args, env } = raw;
  if (isRecord(command)) {
    ({ args, env } = command);
    command = command.path;
  }
  if (typeof command !== 'string' || command.trim() === '') return null;
  const argList = Array.isArray(args)
    ? args.filter((arg) => ['string', 'number', 'boolean'].includes(typeof arg)).map(String)
    : [];
  return { command, args: argList, env: stringRecord(env) };
}

/**
 * Reads an entry that names a URL (`url`, with optional `headers`), the shape the clients that
 * speak HTTP share; null for stdio entries and anything else. A `type`, when present, must be
 * an HTTP one: SSE entries are not ours.
 */
export function readHttpEntry(raw: unknown): HttpServerEntry | null {
  if (!isRecord(raw) || typeof raw.url !== 'string' || 'command' in raw) return null;
  if (raw.type !== undefined && raw.type !== 'http' && raw.type !== 'streamable-http') return null;
  return { url: raw.url, headers: stringRecord(raw.headers) };
}
