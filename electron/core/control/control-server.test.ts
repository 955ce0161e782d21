import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { silentLogger } from '../platform/logger';
import { tempDir } from '../../../test/core/support/temp-dirs';
import { createTestCore } from '../../../test/core/support/test-core';
import { ControlServer } from './control-server';
import { loadOrCreateInstallSecret } from './install-secret';
import { controlSocketPath } from './socket-path';

const servers: ControlServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

async function start() {
  const dataDir = tempDir();
  const runDir = path.join(dataDir, 'run');
  const socket = controlSocketPath(dataDir, runDir);
  const secret = loadOrCreateInstallSecret(dataDir);
  const server = new ControlServer({
    socketPath: socket.path,
    socketDir: socket.dir,
    secret,
    core: createTestCore(dataDir),
    logger: silentLogger,
  });
  await server.listen();
  servers.push(server);
  return { dataDir, socket, secret };
}

/** Sends lines and collects what comes back until the server closes or `until` matches. */
function exchange(socketPath: string, lines: string[], until?: (text: string) => boolean) {
  return new Promise<{ text: string; closed: boolean }>((resolve) => {
    const client = net.connect(socketPath);
    let text = '';
    client.on('connect', () => lines.forEach((l) => client.write(l)));
    client.on('data', (d) => {
      text += d.toString();
      if (until?.(text)) {
        client.destroy();
        resolve({ text, closed: false });
      }
    });
    client.on('close', () => resolve({ text, closed: true }));
    client.on('error', () => undefined);
  });
}

const hello = (secret: string) => JSON.stringify({ type: 'hello', secret, purpose: 'control' }) + '\n';
const request = JSON.stringify({ type: 'request', id: 1, name: 'listInstances', input: {} }) + '\n';

describe('ControlServer (local socket)', () => {
  it('answers contract requests after a hello with the install secret', async () => {
    const { socket, secret } = await start();
    const { text } = await exchange(socket.path, [hello(secret), request], (t) => t.includes('"response"'));
    expect(text).toContain('"welcome"');
    expect(text).toContain('{"type":"response","id":1,"result":{"ok":true,"value":[]}}');
  });

  it('drops a client with the wrong secret before relaying anything', async () => {
    const { socket } = await start();
    const result = await exchange(socket.path, [hello('0'.repeat(64)), request]);
    expect(result).toEqual({ text: '', closed: true });
  });

  it('drops garbage before the handshake, and a client that never says hello', async () => {
    const { socket } = await start();
    expect(await exchange(socket.path, ['GET / HTTP/1.1\r\n\r\n', request])).toEqual({
      text: '',
      closed: true,
    });
    const started = Date.now();
    expect(await exchange(socket.path, [])).toEqual({ text: '', closed: true });
    expect(Date.now() - started).toBeGreaterThanOrEqual(1900);
  });

  it('keeps the socket where only this user can reach it', async () => {
    const { socket, dataDir } = await start();
    expect(fs.statSync(socket.dir!).mode & 0o777).toBe(0o700);
    expect(fs.statSync(socket.path).mode & 0o777).toBe(0o600);
    expect(fs.statSync(path.join(dataDir, 'install-secret')).mode & 0o777).toBe(0o600);
  });

  it('moves the socket to a short per-user folder when the data path is too long', () => {
    const long = '/tmp/' + 'x'.repeat(120);
    const socket = controlSocketPath(long, `${long}/run`, 'linux');
    expect(socket.path.length).toBeLessThan(100);
    expect(socket.path).not.toBe(controlSocketPath(long + 'y', `${long}y/run`, 'linux').path);
    expect(controlSocketPath('/d', '/d/run', 'win32').path).toMatch(/^\\\\\.\\pipe\\mcp-tray-[0-9a-f]{16}$/);
  });
});
