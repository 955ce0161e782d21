import crypto from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import { LineTransport } from '../broker/line-transport';
import type { ProfileSelector } from '../profiles/profile-rules';
import type { Core } from '../core';
import { APP_VERSION } from '../version';
import { serveFrames } from '../host/frame-bridge';
import type { Logger } from '../platform/logger';
import { LineSplitter } from '../supervisor/line-splitter';
import { batchedWrite } from '../platform/batched-write';
import { HELLO_TIMEOUT_MS, HelloFrame, MAX_LINE_BYTES } from './control-protocol';

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
 * The core's local socket for the CLI and the connector: only this user can reach it (0700
 * folder), and a client must send the per-install secret before anything else. A `control`
 * client speaks the contract; a `connect` client becomes an MCP session of the broker.
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
    const { logger, secret } = this.options;
    this.sockets.add(socket);
    socket.on('close', () => this.sockets.delete(socket));
    socket.on('error', () => undefined);
    let receive: ((line: string) => void) | null = null;
    let oversized = () => drop('a line over the size limit');
    const drop = (reason: string) => {
      logger.warn('dropped a local client', { reason });
      socket.destroy();
    };
    const timer = setTimeout(() => drop('no hello in time'), HELLO_TIMEOUT_MS);
    const splitter = new LineSplitter(
      MAX_LINE_BYTES,
      (line) => {
        if (receive) return receive(line);
        clearTimeout(timer);
        let hello: ReturnType<typeof HelloFrame.parse>;
        try {
          hello = HelloFrame.parse(JSON.parse(line));
        } catch {
          return drop('garbage before the handshake');
        }
        if (!sameSecret(hello.secret, secret)) return drop('wrong install secret');
        if (hello.purpose === 'control') {
          receive = this.serveControl(socket, hello.events, drop);
        } else {
          const selector = {
            ...(hello.profile ? { profile: hello.profile } : {}),
            ...(hello.client ? { client: hello.client } : {}),
          };
          const session = this.serveConnect(socket, hello.instance ?? null, selector);
          receive = (l) => session.receive(l);
          oversized = () => session.fail('a frame over 10 MB');
        }
      },
      () => oversized(),
    );
    socket.on('data', (chunk: Buffer) => splitter.push(chunk));
  }

  private serveControl(socket: net.Socket, events: boolean, drop: (reason: string) => void) {
    socket.write(JSON.stringify({ type: 'welcome', version: APP_VERSION, pid: process.pid }) + '\n');
    const bridge = serveFrames(
      {
        send: (text) => {
          if (socket.writable) socket.write(text + '\n');
        },
        reject: drop,
      },
      this.options.core,
      this.options.logger,
      { events },
    );
    socket.on('close', bridge.dispose);
    return bridge.receive;
  }

  /**
   * An MCP session: wait (bounded) for the instance, then hand the socket to the broker; with no
   * instance, a combined session over the profile's services.
   */
  private serveConnect(
    socket: net.Socket,
    instance: string | null,
    selector: ProfileSelector,
  ): LineTransport {
    const { core, logger } = this.options;
    const transport = new LineTransport({
      write: (line) => {
        if (socket.writable) batchedWrite(socket, line + '\n');
      },
      end: (reason) => {
        logger.info('MCP session ended', { instance, reason });
        socket.end();
      },
    });
    socket.on('close', () => transport.fail('the client went away'));
    void (async () => {
      const noProfile = core.combined.refusal(selector);
      const refusal = noProfile
        ? { code: 'unknown-profile', message: noProfile }
        : instance === null
          ? null
          : await core.broker.whenReady(instance);
      if (!socket.writable) return;
      if (refusal) {
        socket.end(JSON.stringify({ type: 'refused', ...refusal }) + '\n');
        return;
      }
      socket.write(JSON.stringify({ type: 'welcome', version: APP_VERSION, pid: process.pid }) + '\n');
      if (instance === null) await core.combined.open(transport, selector);
      else await core.broker.attach(instance, transport, 'client', selector);
    })().catch((error: unknown) => {
      logger.error('could not open an MCP session', { instance, error: String(error) });
      socket.destroy();
    });
    return transport;
  }
}
