import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { Core } from '../../../electron/core/core';
import type { SeedInstance } from './served-core';
import { seedSettings, until } from './served-core';
import { MemorySecretStore } from './memory-secret-store';
import { createTestCore } from './test-core';

/** A free loopback port (closed again, so there is a small window for someone else to take it). */
export async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** An in-process core with real servers, its HTTP endpoint on (or off) on a free port. */
export interface HttpCore {
  core: Core;
  dataDir: string;
  /** The in-memory keychain the core uses. */
  secrets: MemorySecretStore;
  port: number;
  /** The bearer token ('' while the endpoint was never turned on). */
  token: string;
  url(instanceId: string): string;
  /** Stops the core and removes its folder. */
  close(): Promise<void>;
}

/**
 * Seeds `instances`, starts a test core (real processes, in-memory keychain), waits for the
 * enabled instances to run, and turns the HTTP endpoint on unless `enable` is false. For
 * `beforeAll` use: the folder is removed by `close`, not at the end of a test.
 */
export async function startHttpCore(instances: SeedInstance[], enable = true): Promise<HttpCore> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'mcp-tray-http-'));
  seedSettings(dataDir, instances);
  const port = await freePort();
  const settingsFile = path.join(dataDir, 'settings.json');
  const seeded = JSON.parse(fs.readFileSync(settingsFile, 'utf8')) as Record<string, unknown>;
  fs.writeFileSync(settingsFile, JSON.stringify({ ...seeded, httpBroker: { enabled: false, port } }));
  const secrets = new MemorySecretStore();
  const core = createTestCore(dataDir, { secrets });
  await core.start();
  for (const instance of instances.filter((i) => i.enabled !== false)) {
    await until(() => core.supervisor.runner(instance.id)?.state === 'running', `${instance.id} running`);
  }
  let token = '';
  if (enable) {
    await core.services.http.setEnabled(true);
    token = (await core.services.http.status(true)).token ?? '';
  }
  return {
    core,
    dataDir,
    secrets,
    port,
    token,
    url: (id) => `http://127.0.0.1:${port}/mcp/${id}`,
    close: async () => {
      await core.stop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
