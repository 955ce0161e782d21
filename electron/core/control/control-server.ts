import crypto from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import type { Core } from '../core';
import { APP_VERSION } from '../core';
import { serveFrames } from '../host/frame-bridge';
import type { Logger } from '../platform/logger';
import { LineSplitter } from '../supervisor/line-splitter';
import { HELLO_TIMEOUT_MS, HelloFrame, MAX_CONTROL_LINE_BYTES } from './control-protocol';

export interface ControlServerOptions {
  socketPath: string;
  /** Folder of the socket, made 0700 and checked to be ours (null for Windows pipes). */
  socketDir: string | null;
  secret: string;
  core: Core;
  logger: Logger;
}

const sameSecret = (a: string, b: string): boolean => {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && crypto.timingSafeEqual(x, y);
};

/**
 * The core's local socket for the CLI (and later the connector): only this user can reach it
 * (0700 folder), and a client must send the per-install secret before anything else.
 */
export class ControlServer {
  private readonly server = net.createServer((socket) => this.accept(socket));
  private readonly sockets = new Set<net.Socket>();

  constructor(private readonly options: ControlServerOptions) {}

  async listen(): Promise<void> {
    const { socketPath, socketDir } = this.options;
    if (socketDir) {
      fs.mkdirSync(socketDir, { recursive: true, mode: 0o700 });
      const stat = fs.statSync(socketDir);
      if (typeof process.getuid === 'function' && stat.uid !== process.getuid()) {
        throw new Error(`${socketDir} belongs to another user; refusing to put the control socket there`);
      }
      fs.chmodSync(socketDir, 0o700);
      // A socket file left by a core that was killed; we hold the data-folder lock, so it is stale.
      fs.rmSync(socketPath, { force: true });
    }
    await new Promise<void>((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(socketPath, () => {
        this.server.off('error', reject);
        resolve();
      });
    });
    if (socketDir) fs.chmodSync(socketPath, 0o600);
  }

  async close(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private accept(socket: net.Socket): void {
    const { logger, core, secret } = this.options;
    this.sockets.add(socket);
    socket.on('close', () => this.sockets.delete(socket));
    socket.on('error', () => undefined);
    let bridge: ReturnType<typeof serveFrames> | null = null;
    const drop = (reason: string) => {
      logger.warn('dropped a local client', { reason });
      socket.destroy();
    };
    const timer = setTimeout(() => drop('no hello in time'), HELLO_TIMEOUT_MS);
    const splitter = new LineSplitter(
      MAX_CONTROL_LINE_BYTES,
      (line) => {
        if (bridge) {
          bridge.receive(line);
          return;
        }
        clearTimeout(timer);
        let hello: ReturnType<typeof HelloFrame.parse>;
        try {
          hello = HelloFrame.parse(JSON.parse(line));
        } catch {
          drop('garbage before the handshake');
          return;
        }
        if (!sameSecret(hello.secret, secret)) {
          drop('wrong install secret');
          return;
        }
        socket.write(JSON.stringify({ type: 'welcome', version: APP_VERSION, pid: process.pid }) + '\n');
        bridge = serveFrames(
          { send: (text) => socket.writable && socket.write(text + '\n'), reject: drop },
          core,
          logger,
          { events: hello.events },
        );
        socket.on('close', bridge.dispose);
      },
      () => drop('a line over the size limit'),
    );
    socket.on('data', (chunk: Buffer) => splitter.push(chunk));
  }
}
