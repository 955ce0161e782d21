import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import { spawnSync } from 'node:child_process';
import { onTestFinished } from 'vitest';
import path from 'node:path';
import { spawnServe } from './serve-process';
import type { ToolCallRecord } from '../../../electron/shared/contract';

export type { SeedInstance } from './serve-process';
export { seedSettings, until } from './serve-process';

export const ROOT = path.resolve(import.meta.dirname, '../../..');
export const CLI = path.join(ROOT, 'dist/cli/mcp-tray.mjs');
export const FIXTURES = path.join(ROOT, 'electron/core/supervisor/fixtures');

/** `mcp-tray serve` as a real process on `dataDir`, killed when the test finishes. */
export async function serveCore(
  dataDir: string,
  env: NodeJS.ProcessEnv = {},
): Promise<ChildProcessWithoutNullStreams> {
  const { child } = await spawnServe(CLI, dataDir, { ...process.env, ...env }, (spawned) =>
    onTestFinished(() => {
      if (spawned.exitCode === null) spawned.kill('SIGKILL');
    }),
  );
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

/** What `mcp-tray logs --json` prints for `dataDir`: the logged calls, one record a line. */
export function loggedCalls(dataDir: string): ToolCallRecord[] {
  const out = spawnSync(process.execPath, [CLI, '--data-dir', dataDir, 'logs', '--json'], {
    encoding: 'utf8',
  });
  return out.stdout
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as ToolCallRecord);
}

export const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};
