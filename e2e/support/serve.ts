import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const CLI = path.resolve(import.meta.dirname, '../../dist/cli/mcp-tray.mjs');

/** A running `mcp-tray serve` on its own temp HOME and data dir. */
export interface ServedHost {
  url: string;
  port: number;
  origin: string;
  home: string;
  dataDir: string;
  stop(): Promise<void>;
}

/** Starts the built CLI's headless host; `seed` may write files into the data dir first. */
export async function startServe(seed?: (dataDir: string) => void): Promise<ServedHost> {
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'mcp-tray-e2e-'));
  const dataDir = path.join(home, 'data');
  fs.mkdirSync(dataDir, { mode: 0o700 });
  seed?.(dataDir);
  const child: ChildProcessWithoutNullStreams = spawn(
    process.execPath,
    [CLI, 'serve', '--json', '--no-open', '--port', '0', '--data-dir', dataDir],
    {
      env: {
        ...process.env,
        HOME: home,
        XDG_CONFIG_HOME: path.join(home, '.config'),
        // Client programs (desktop files) are looked for in this run's HOME only.
        XDG_DATA_HOME: path.join(home, '.local', 'share'),
        // An error nothing handled ends the core (process-guard.ts), so no spec passes over one.
        MCP_TRAY_CRASH_ON_UNEXPECTED: '1',
        // Never the live registry: a spec that sets none gets a closed local port (the catalog
        // then says the registry is unreachable), so no result depends on the internet.
        MCP_TRAY_REGISTRY_URL: process.env.MCP_TRAY_REGISTRY_URL ?? 'http://127.0.0.1:9',
      },
    },
  );
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const info = await new Promise<{ url: string; port: number }>((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      if (out.includes('\n')) resolve(JSON.parse(out.split('\n')[0]!) as { url: string; port: number });
    });
    child.once('exit', (code) => reject(new Error(`serve exited ${code}: ${stderr}`)));
  });
  return {
    ...info,
    origin: `http://127.0.0.1:${info.port}`,
    home,
    dataDir,
    stop: async () => {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        await exited;
      }
      fs.rmSync(home, { recursive: true, force: true });
    },
  };
}

/** Writes a settings file with the given instances, as a user's earlier session would have. */
export function seedInstances(
  dataDir: string,
  instances: { id: string; name: string; enabled: boolean; launch?: string[] }[],
): void {
  const settings = {
    instances: instances.map(({ launch, ...i }) => ({
      ...i,
      integrationId: launch ? 'custom' : i.id,
      createdAt: new Date().toISOString(),
      ...(launch ? { launch: { command: process.execPath, args: launch, env: {} } } : {}),
    })),
  };
  fs.writeFileSync(path.join(dataDir, 'settings.json'), JSON.stringify(settings), { mode: 0o600 });
}
