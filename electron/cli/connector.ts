import net from 'node:net';
import path from 'node:path';
import { readInstallSecret } from '../core/control/install-secret';
import { controlSocketPath } from '../core/control/socket-path';
import { appPaths } from '../core/platform/paths';
import { autoStartEnv, readSessionEnv } from '../core/platform/session-env';
import { cliDir } from './bundle-paths';

/**
 * `mcp-tray connect <instance>`: what an AI client runs. A byte relay between the client's
 * stdio and the core's local socket, after a one-line handshake. Kept free of heavy imports
 * so clients see it start fast. If the core is not running it starts it in the background
 * and waits (bounded); if the core refuses the instance, the client gets a JSON-RPC error on
 * `initialize` and the reason on stderr.
 */
export interface ConnectorOptions {
  /** The service; absent for a combined entry (`--profile` or `--client` then say which). */
  instance?: string;
  profile?: string;
  client?: string;
  dataDir: string;
  stdin: NodeJS.ReadableStream;
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
  /** How long to wait for a core we started. */
  startTimeoutMs?: number;
  /** How long to wait for the core's answer (it waits for a starting instance). */
  welcomeTimeoutMs?: number;
}

const say = (options: ConnectorOptions, line: string) => options.stderr.write(`mcp-tray connect: ${line}\n`);

function connectOnce(socketPath: string): Promise<net.Socket | null> {
  return new Promise((resolve) => {
    const socket = net.connect(socketPath);
    socket.once('connect', () => resolve(socket));
    socket.once('error', () => resolve(null));
  });
}

/**
 * The core that answers `mcp-tray` commands: the tray app when packaged, else the headless host.
 * From an AppImage the app is the AppImage file (`APPIMAGE`): this process's own binary sits in
 * a temporary mount that goes away when the connector exits.
 */
function startCore(dataDir: string): void {
  const packaged = process.env.ELECTRON_RUN_AS_NODE === '1';
  const cli = path.join(cliDir(import.meta.url), 'mcp-tray.mjs');
  const args = packaged
    ? ['--hidden', '--data-dir', dataDir]
    : [cli, 'serve', '--no-open', '--data-dir', dataDir];
  // The client may have started us without the desktop session's D-Bus: give the core the
  // session the user last started MCP Tray in, so it reaches the keychain as that one did.
  const env = autoStartEnv(process.env, readSessionEnv(dataDir));
  if (packaged) delete env.ELECTRON_RUN_AS_NODE;
  const app = packaged && process.env.APPIMAGE ? process.env.APPIMAGE : process.execPath;
  // node:child_process on demand: only this rare path needs it, and every connect would load it.
  process
    .getBuiltinModule('node:child_process')
    .spawn(app, args, { detached: true, stdio: 'ignore', env })
    .unref();
}

async function reachCore(options: ConnectorOptions, socketPath: string): Promise<net.Socket | null> {
  const first = await connectOnce(socketPath);
  if (first) return first;
  say(options, 'MCP Tray is not running; starting it in the background');
  startCore(options.dataDir);
  const deadline = Date.now() + (options.startTimeoutMs ?? 10_000);
  while (Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    const socket = await connectOnce(socketPath);
    if (socket) return socket;
  }
  return null;
}

/** Reads the client's first request so it can be answered with an error. */
function firstRequestId(stdin: NodeJS.ReadableStream, buffered: Buffer[]): Promise<string | number | null> {
  return new Promise((resolve) => {
    const tryParse = () => {
      const text = Buffer.concat(buffered).toString('utf8');
      const newline = text.indexOf('\n');
      if (newline === -1) return false;
      try {
        const message = JSON.parse(text.slice(0, newline)) as { id?: string | number };
        resolve(message.id ?? null);
      } catch {
        resolve(null);
      }
      return true;
    };
    if (tryParse()) return;
    stdin.on('data', (chunk: Buffer) => {
      buffered.push(chunk);
      tryParse();
    });
    stdin.once('end', () => resolve(null));
  });
}

async function refuse(options: ConnectorOptions, buffered: Buffer[], message: string): Promise<number> {
  say(options, message);
  const id = await firstRequestId(options.stdin, buffered);
  if (id !== null) {
    const error = {
      code: -32002,
      message: message.startsWith('MCP Tray') ? message : `MCP Tray: ${message}`,
    };
    options.stdout.write(JSON.stringify({ jsonrpc: '2.0', id, error }) + '\n');
  }
  return 1;
}

/** Runs the connector until either side closes; resolves with the exit code. */
export async function runConnector(options: ConnectorOptions): Promise<number> {
  // Hold what the client sends until the core has said yes.
  const buffered: Buffer[] = [];
  const hold = (chunk: Buffer) => buffered.push(chunk);
  options.stdin.on('data', hold);
  // The client may send initialize and close stdin before the core answers.
  let stdinEnded = false;
  options.stdin.once('end', () => (stdinEnded = true));
  const paths = appPaths(options.dataDir);
  const socketPath = controlSocketPath(paths.dataDir, paths.runDir).path;
  const socket = await reachCore(options, socketPath);
  const secret = readInstallSecret(paths.dataDir);
  if (!socket || !secret) {
    options.stdin.off('data', hold);
    return refuse(
      options,
      buffered,
      `MCP Tray is not running and could not be started for ${paths.dataDir}.`,
    );
  }
  socket.write(
    JSON.stringify({
      type: 'hello',
      secret,
      purpose: 'connect',
      instance: options.instance,
      profile: options.profile,
      client: options.client,
    }) + '\n',
  );
  const answer = await readAnswer(socket, options.welcomeTimeoutMs ?? 60_000);
  if (answer.type !== 'welcome') {
    socket.destroy();
    options.stdin.off('data', hold);
    return refuse(options, buffered, answer.message);
  }
  options.stdin.off('data', hold);
  for (const chunk of buffered) socket.write(chunk);
  if (answer.rest.length) options.stdout.write(answer.rest);
  options.stdin.pipe(socket);
  socket.pipe(options.stdout as NodeJS.WritableStream, { end: false });
  return new Promise((resolve) => {
    let clientGone = stdinEnded;
    if (stdinEnded) socket.end();
    options.stdin.once('end', () => {
      clientGone = true;
      socket.end();
    });
    socket.once('close', () => {
      if (!clientGone) say(options, 'MCP Tray closed the connection (it quit or restarted).');
      resolve(clientGone ? 0 : 1);
    });
    socket.on('error', () => undefined);
  });
}

type Answer = { type: 'welcome'; rest: Buffer } | { type: 'refused'; message: string };

/** The core's one-line answer to the handshake; bytes after it already belong to MCP. */
function readAnswer(socket: net.Socket, timeoutMs: number): Promise<Answer> {
  return new Promise((resolve) => {
    let data = Buffer.alloc(0);
    const timer = setTimeout(
      () => finish({ type: 'refused', message: 'MCP Tray did not answer in time.' }),
      timeoutMs,
    );
    const onData = (chunk: Buffer) => {
      data = Buffer.concat([data, chunk]);
      const newline = data.indexOf(0x0a);
      if (newline === -1) return;
      try {
        const frame = JSON.parse(data.subarray(0, newline).toString('utf8')) as {
          type?: string;
          message?: string;
        };
        if (frame.type === 'welcome') finish({ type: 'welcome', rest: data.subarray(newline + 1) });
        else finish({ type: 'refused', message: frame.message ?? 'MCP Tray refused the connection.' });
      } catch {
        finish({ type: 'refused', message: 'MCP Tray answered something unexpected.' });
      }
    };
    const onClose = () => finish({ type: 'refused', message: 'MCP Tray refused the connection.' });
    function finish(answer: Answer) {
      // Hold further bytes until the caller pipes the socket on.
      socket.pause();
      clearTimeout(timer);
      socket.off('data', onData);
      socket.off('close', onClose);
      resolve(answer);
    }
    socket.on('data', onData);
    socket.once('close', onClose);
  });
}
