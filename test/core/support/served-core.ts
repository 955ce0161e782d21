import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { onTestFinished } from 'vitest';

export const ROOT = path.resolve(import.meta.dirname, '../../..');
export const CLI = path.join(ROOT, 'dist/cli/mcp-tray.mjs');
export const FIXTURES = path.join(ROOT, 'electron/core/supervisor/fixtures');

export interface SeedInstance {
  id: string;
  args: string[];
  env?: Record<string, string>;
  enabled?: boolean;
  requestTimeoutMs?: number;
  /** A sandbox profile; without one the settings migration marks the instance not sandboxed. */
  permissions?: Record<string, unknown>;
}

/** Settings for instances that run `node <args>`. */
export function seedSettings(dataDir: string, instances: SeedInstance[]): void {
  fs.mkdirSync(dataDir, { recursive: true });
  const list = instances.map((i) => ({
    id: i.id,
    name: i.id,
    integrationId: 'custom',
    enabled: i.enabled ?? true,
    createdAt: new Date().toISOString(),
    launch: { command: process.execPath, args: i.args, env: i.env ?? {} },
    userConfig: {},
    secretFields: [],
    ...(i.requestTimeoutMs ? { requestTimeoutMs: i.requestTimeoutMs } : {}),
    ...(i.permissions ? { permissions: i.permissions } : {}),
  }));
  fs.writeFileSync(path.join(dataDir, 'settings.json'), JSON.stringify({ instances: list }));
}

/** `mcp-tray serve` as a real process on `dataDir`, killed when the test finishes. */
export async function serveCore(
  dataDir: string,
  env: NodeJS.ProcessEnv = {},
): Promise<ChildProcessWithoutNullStreams> {
  const child = spawn(
    process.execPath,
    [CLI, 'serve', '--json', '--no-open', '--port', '0', '--data-dir', dataDir],
    {
      env: { ...process.env, ...env },
    },
  );
  onTestFinished(() => {
    if (child.exitCode === null) child.kill('SIGKILL');
  });
  await new Promise<void>((resolve, reject) => {
    child.stdout.once('data', () => resolve());
    child.once('exit', (code) => reject(new Error(`serve exited ${code}`)));
  });
  return child;
}

/** Runs a CLI command against `dataDir` and returns its parsed JSON output. */
export function cliJson<T>(dataDir: string, args: string[]): T {
  const result = spawnSync(process.execPath, [CLI, '--data-dir', dataDir, ...args, '--json'], {
    encoding: 'utf8',
  });
  if (result.status !== 0) throw new Error(`mcp-tray ${args.join(' ')} failed: ${result.stderr}`);
  return JSON.parse(result.stdout) as T;
}

/** Polls until `probe` returns (or resolves to) a truthy value. */
export async function until<T>(
  probe: () => T | undefined | false | null | Promise<T | undefined | false | null>,
  what: string,
  timeoutMs = 15_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

export const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};
