import fs from 'node:fs';
import path from 'node:path';

/**
 * The desktop session's variables a core needs for the keychain and the desktop: the D-Bus
 * session bus (Secret Service, notifications) and the XDG session facts. An AI client started
 * from a launcher or a service manager may not pass them on to the connector it runs.
 */
const SESSION_ENV_NAMES = [
  'DBUS_SESSION_BUS_ADDRESS',
  'XDG_RUNTIME_DIR',
  'XDG_SESSION_TYPE',
  'XDG_SESSION_DESKTOP',
  'XDG_CURRENT_DESKTOP',
  'XDG_DATA_DIRS',
  'XDG_CONFIG_DIRS',
  'DISPLAY',
  'WAYLAND_DISPLAY',
] as const;

/** Set in the environment of a core the connector started (not the user). */
const AUTOSTARTED_ENV = 'MCP_TRAY_AUTOSTARTED';

type Env = Readonly<Record<string, string | undefined>>;

/** Where the session's variables are kept between runs: owner-only, in the data folder. */
export const sessionEnvFile = (dataDir: string): string => path.join(dataDir, 'session-env.json');

/** Whether this core was started by the connector on an AI client's behalf. */
export const isAutoStarted = (env: Env): boolean => env[AUTOSTARTED_ENV] === '1';

/**
 * Records the session's variables when the user started MCP Tray (Linux only: elsewhere the
 * keychain needs no session bus). A run without a D-Bus address never replaces a good record.
 */
export function recordSessionEnv(dataDir: string, env: Env, platform: NodeJS.Platform): boolean {
  if (platform !== 'linux' || isAutoStarted(env) || !env.DBUS_SESSION_BUS_ADDRESS) return false;
  const record: Record<string, string> = {};
  for (const name of SESSION_ENV_NAMES) {
    const value = env[name];
    if (value) record[name] = value;
  }
  const file = sessionEnvFile(dataDir);
  const temp = `${file}.new-${process.pid}`;
  fs.writeFileSync(temp, JSON.stringify(record, null, 2) + '\n', { mode: 0o600 });
  fs.renameSync(temp, file);
  return true;
}

/** The recorded session variables, or an empty record (never recorded, or unreadable). */
export function readSessionEnv(dataDir: string): Record<string, string> {
  try {
    const parsed: unknown = JSON.parse(fs.readFileSync(sessionEnvFile(dataDir), 'utf8'));
    if (typeof parsed !== 'object' || parsed === null) return {};
    const known = new Set<string>(SESSION_ENV_NAMES);
    return Object.fromEntries(
      Object.entries(parsed).filter(
        (entry): entry is [string, string] => known.has(entry[0]) && typeof entry[1] === 'string',
      ),
    );
  } catch {
    return {};
  }
}

/**
 * The environment for a core the connector starts: the client's own, marked as auto-started,
 * with the recorded session variables it lacks. A variable the client does pass is kept.
 */
export function autoStartEnv(env: NodeJS.ProcessEnv, recorded: Record<string, string>): NodeJS.ProcessEnv {
  const out: NodeJS.ProcessEnv = { ...env, [AUTOSTARTED_ENV]: '1' };
  for (const [name, value] of Object.entries(recorded)) if (!out[name]) out[name] = value;
  return out;
}
