import net from 'node:net';
import type { Transport, TrayApi } from '../shared/api';
import { createApiByName } from '../shared/api-by-name';
import type { Envelope, EventName } from '../shared/contract';
import { readInstallSecret } from '../core/control/install-secret';
import { controlSocketPath } from '../core/control/socket-path';
import { appPaths } from '../core/platform/paths';
import { LineSplitter } from '../core/supervisor/line-splitter';
import { NotRunningError } from './not-running-error';

type Frame = {
  type?: unknown;
  version?: unknown;
  id?: unknown;
  result?: unknown;
  name?: unknown;
  payload?: unknown;
};

const isEnvelope = (value: unknown): value is Envelope<unknown> =>
  typeof value === 'object' && value !== null && typeof (value as { ok?: unknown }).ok === 'boolean';

export interface ControlConnection {
  api: TrayApi;
  /** Resolves when the core closes the connection (it quit or died). */
  closed: Promise<void>;
  close(): void;
}

/** Connects to the running core's local socket and returns the contract API over it. */
export async function connectControl(
  dataDir: string,
  options: { events?: boolean } = {},
): Promise<ControlConnection> {
  const paths = appPaths(dataDir);
  const secret = readInstallSecret(paths.dataDir);
  if (!secret) throw new NotRunningError(paths.dataDir);
  const socket = net.connect(controlSocketPath(paths.dataDir, paths.runDir).path);
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', resolve);
    socket.once('error', (error: NodeJS.ErrnoException) =>
      reject(
        ['ENOENT', 'ECONNREFUSED'].includes(error.code ?? '') ? new NotRunningError(paths.dataDir) : error,
      ),
    );
  });
  const pending = new Map<number, (envelope: Envelope<unknown>) => void>();
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  let welcomed: () => void = () => undefined;
  const welcome = new Promise<void>((resolve) => (welcomed = resolve));
  const splitter = new LineSplitter(
    64 * 1024 * 1024,
    (line) => {
      // Shapes checked by hand: this module must not load zod (see createApiByName).
      const frame = JSON.parse(line) as Frame;
      if (frame.type === 'welcome' && typeof frame.version === 'string') return welcomed();
      if (frame.type === 'response' && typeof frame.id === 'number' && isEnvelope(frame.result)) {
        pending.get(frame.id)?.(frame.result);
        pending.delete(frame.id);
      } else if (frame.type === 'event' && typeof frame.name === 'string') {
        listeners.get(frame.name)?.forEach((listener) => listener(frame.payload));
      } else {
        throw new Error('MCP Tray sent a frame this CLI does not understand');
      }
    },
    () => socket.destroy(),
  );
  socket.on('data', (chunk: Buffer) => splitter.push(chunk));
  const lost = () => {
    for (const resolve of pending.values()) {
      resolve({ ok: false, error: { code: 'disconnected', message: 'MCP Tray closed the connection.' } });
    }
    pending.clear();
  };
  socket.on('close', lost);
  socket.write(
    JSON.stringify({ type: 'hello', secret, purpose: 'control', events: options.events ?? false }) + '\n',
  );
  await Promise.race([
    welcome,
    new Promise((_, reject) =>
      socket.once('close', () => reject(new Error('MCP Tray refused the connection'))),
    ),
  ]);
  let nextId = 1;
  const transport: Transport = {
    request: (name, input) =>
      new Promise((resolve) => {
        const id = nextId++;
        pending.set(id, resolve);
        socket.write(JSON.stringify({ type: 'request', id, name, input }) + '\n');
      }),
    subscribe: (name: EventName, listener) => {
      let set = listeners.get(name);
      if (!set) listeners.set(name, (set = new Set()));
      set.add(listener);
      return () => set.delete(listener);
    },
  };
  const closed = new Promise<void>((resolve) => socket.once('close', () => resolve()));
  return { api: createApiByName(transport), closed, close: () => socket.end() };
}
