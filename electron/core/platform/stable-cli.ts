import fs from 'node:fs';
import path from 'node:path';

/**
 * Copies this build's CLI folder to `to`, replacing what an earlier run (maybe an older version)
 * left there. The copy is made beside it and swapped in, so a connector that an AI client starts
 * meanwhile finds either the old files or the new ones, never half of each. Source maps stay out.
 */
export function installStableCli(from: string, to: string): void {
  const parent = path.dirname(to);
  fs.mkdirSync(parent, { recursive: true, mode: 0o700 });
  const fresh = fs.mkdtempSync(path.join(parent, '.cli-new-'));
  try {
    fs.cpSync(from, fresh, { recursive: true, filter: (file) => !file.endsWith('.map') });
    const old = fs.existsSync(to) ? `${to}.old-${process.pid}` : null;
    if (old) fs.renameSync(to, old);
    fs.renameSync(fresh, to);
    if (old) fs.rmSync(old, { recursive: true, force: true });
  } catch (error) {
    fs.rmSync(fresh, { recursive: true, force: true });
    throw error;
  }
}

/** Where the launcher AI clients' entries run lives: the data folder outlives any app folder. */
export const stableLauncherPath = (dataDir: string): string => path.join(dataDir, 'runtime', 'mcp-tray');

/** What the launcher runs: the runtime, its leading arguments and the variables it needs. */
export interface LauncherTarget {
  command: string;
  args: readonly string[];
  env?: Readonly<Record<string, string>>;
}

const shellQuote = (value: string): string => `'${value.replace(/'/g, `'\\''`)}'`;

/**
 * The launcher's text: a POSIX shell script that runs `target` with the client's arguments. When
 * the program it names is gone (MCP Tray moved and has not been opened since), it says what to
 * do instead of failing with a bare "not found".
 */
function launcherScript(target: LauncherTarget): string {
  const files = [target.command, ...target.args.filter((arg) => path.isAbsolute(arg))];
  const checks = files.map((file) => `[ -e ${shellQuote(file)} ] || missing ${shellQuote(file)}`);
  return [
    '#!/bin/sh',
    '# Written by MCP Tray each time it starts; AI clients run it to reach MCP Tray. Do not edit:',
    '# MCP Tray rewrites it with its current location.',
    'missing() {',
    `  echo "mcp-tray: MCP Tray is no longer at $1. Open MCP Tray once from where it is now; it updates this launcher and your AI clients' entries." >&2`,
    '  exit 127',
    '}',
    ...checks,
    ...Object.entries(target.env ?? {}).map(([name, value]) => `export ${name}=${shellQuote(value)}`),
    `exec ${[target.command, ...target.args].map(shellQuote).join(' ')} "$@"`,
    '',
  ].join('\n');
}

/**
 * Writes (or refreshes) the launcher at `file` for `target`, atomically and owner-only, so a
 * connector an AI client starts meanwhile runs either the old script or the new one.
 */
export function installStableLauncher(file: string, target: LauncherTarget): void {
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  const text = launcherScript(target);
  try {
    if (fs.readFileSync(file, 'utf8') === text) return;
  } catch {
    // Not there yet.
  }
  const temp = `${file}.new-${process.pid}`;
  fs.writeFileSync(temp, text, { mode: 0o700 });
  fs.renameSync(temp, file);
}
