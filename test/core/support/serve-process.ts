// Starting a real `mcp-tray serve` on a seeded data dir: shared by the Vitest suites
// (served-core.ts) and the chaos runner (test/chaos), so nothing here imports Vitest. Paths come
// from the caller: the chaos bundle rewrites `import.meta.dirname` to its own folder.
import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

export interface SeedInstance {
  id: string;
  args: string[];
  env?: Record<string, string>;
  enabled?: boolean;
  requestTimeoutMs?: number;
  startTimeoutMs?: number;
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
    ...(i.startTimeoutMs ? { startTimeoutMs: i.startTimeoutMs } : {}),
    ...(i.permissions ? { permissions: i.permissions } : {}),
  }));
  fs.writeFileSync(path.join(dataDir, 'settings.json'), JSON.stringify({ instances: list }));
}

/** A started serve: the process, and where its UI is (from its `--json` line). */
export interface ServeProcess {
  child: ChildProcessWithoutNullStreams;
  url: string;
  port: number;
}

/**
 * Spawns the built CLI (`cli`) as `mcp-tray serve --json` on `dataDir` with exactly `env`, and
 * waits for its first line. `onSpawn` runs before the wait, so the caller can register the kill first.
 */
export async function spawnServe(
  cli: string,
  dataDir: string,
  env: NodeJS.ProcessEnv,
  onSpawn: (child: ChildProcessWithoutNullStreams) => void,
): Promise<ServeProcess> {
  const child = spawn(
    process.execPath,
    [cli, 'serve', '--json', '--no-open', '--port', '0', '--data-dir', dataDir],
    {
      env,
    },
  );
  onSpawn(child);
  const line = await new Promise<string>((resolve, reject) => {
    child.stdout.once('data', (d: Buffer) => resolve(d.toString()));
    child.once('exit', (code) => reject(new Error(`serve exited ${code}`)));
  });
  const info = JSON.parse(line) as { url: string; port: number };
  return { child, url: info.url, port: info.port };
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
