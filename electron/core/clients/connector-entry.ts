import type { LaunchCommand } from './client-adapter';

/** How our connector is started: the runtime (node, or the app binary) and its leading args. */
export interface ConnectorRuntime {
  command: string;
  args: string[];
  /**
   * Variables the runtime itself needs: `ELECTRON_RUN_AS_NODE=1` when the packaged app's own
   * binary runs the connector script (so users need no Node). Never a secret.
   */
  env?: Record<string, string>;
  /**
   * Why `command` must not go into a client's config (it runs from a disk image, a translocated
   * copy or a temporary mount), or absent. Writes that would add entries are refused with it.
   */
  unstable?: string;
  /**
   * The stable launcher in the data folder that runs this runtime (`<data>/runtime/mcp-tray`,
   * refreshed at every start). When set, entries run it instead of naming the runtime, so they
   * keep working when MCP Tray moves.
   */
  launcher?: string;
}

/**
 * What the owner of a combined entry is called where entries are matched to instances (never
 * a valid instance id, so it cannot collide with one).
 */
export const COMBINED_ENTRY = '@combined';

/** The name a combined entry gets in a client's file (unless the user's entry has it). */
const COMBINED_ENTRY_NAME = 'mcp-tray';

/**
 * The command an AI client runs for one of our instances:
 * `<runtime> <runtime args> connect <instance-id> [--client C] [--data-dir D]`, or for a combined
 * entry (`instanceId` {@link COMBINED_ENTRY}) `connect --client C`, with the runtime's own `env`
 * when it has one. `--client` makes the core apply that client's profile. It never carries a
 * secret: the connector fetches what it needs from the running core.
 */
export function connectorEntry(
  runtime: ConnectorRuntime,
  instanceId: string,
  dataDir: string | null,
  client?: string,
): LaunchCommand {
  // A combined entry names no instance: `connect --client C` serves the client's profile.
  const target = instanceId === COMBINED_ENTRY ? [] : [instanceId];
  const tail = [
    'connect',
    ...target,
    ...(client ? ['--client', client] : []),
    ...(dataDir ? ['--data-dir', dataDir] : []),
  ];
  // The launcher sets the runtime's own variables itself.
  if (runtime.launcher) return { command: runtime.launcher, args: tail };
  const env = runtime.env && Object.keys(runtime.env).length > 0 ? { env: { ...runtime.env } } : {};
  return {
    command: runtime.command,
    args: [...runtime.args, ...tail],
    ...env,
  };
}

/** The last path segment, for either separator (entries may come from another platform). */
function baseName(value: string): string {
  const parts = value.split(/[\\/]/);
  return parts[parts.length - 1] ?? value;
}

/** Our CLI script (`mcp-tray.mjs`), its npm shims, or the packaged app's binary. */
const OUR_PROGRAM = /^(mcp-tray(\.mjs|\.cjs|\.js|\.cmd|\.exe)?|MCP Tray(\.exe)?)$/i;

/**
 * The instance id an entry of ours connects to, or null when the entry is not ours. Ours means:
 * `connect <id>` comes right after our program (the command itself, or an argument such as the
 * script path when the command is node or Electron). Anything else is the user's.
 */
export function ourInstanceId(entry: { command: string; args: readonly string[] }): string | null {
  const words = [entry.command, ...entry.args];
  for (let i = 0; i + 2 < words.length; i++) {
    const id = words[i + 2]!;
    if (!OUR_PROGRAM.test(baseName(words[i]!)) || words[i + 1] !== 'connect' || !id) continue;
    if (!id.startsWith('-')) return id;
    // `connect --client C` or `connect --profile P`: a combined entry.
    if (id === '--client' || id === '--profile') return COMBINED_ENTRY;
  }
  return null;
}

/** Whether a client entry runs our connector (see {@link ourInstanceId}). */
export function isOurEntry(entry: { command: string; args: readonly string[] }): boolean {
  return ourInstanceId(entry) !== null;
}

/**
 * The entry name to use for an instance, given the client's current entries read back as
 * launch commands (null for entries that are not stdio servers). An entry of ours for the same
 * instance keeps its name; otherwise the instance id is used if free, then `<id>-mcp-tray`,
 * `<id>-mcp-tray-2`, … A user's entry is never taken over, whatever its name.
 */
export function resolveEntryName(
  entries: Readonly<Record<string, { command: string; args: readonly string[] } | null>>,
  instanceId: string,
): string {
  const owners: Record<string, string | null> = {};
  for (const [name, entry] of Object.entries(entries)) owners[name] = entry ? ourInstanceId(entry) : null;
  return nameForInstance(owners, instanceId);
}

/**
 * {@link resolveEntryName} over entries already reduced to the instance each one of ours
 * reaches (null for the user's), so stdio and HTTP entries of ours are treated alike.
 */
export function nameForInstance(owners: Readonly<Record<string, string | null>>, instanceId: string): string {
  for (const [name, owner] of Object.entries(owners)) {
    if (owner === instanceId) return name;
  }
  const taken = (name: string) => Object.prototype.hasOwnProperty.call(owners, name);
  const wanted = instanceId === COMBINED_ENTRY ? COMBINED_ENTRY_NAME : instanceId;
  if (!taken(wanted)) return wanted;
  const base = `${wanted}-mcp-tray`;
  if (!taken(base)) return base;
  for (let n = 2; ; n++) {
    if (!taken(`${base}-${n}`)) return `${base}-${n}`;
  }
}
