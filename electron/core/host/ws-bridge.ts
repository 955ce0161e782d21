import type { WebSocket } from 'ws';
import type { Core } from '../core';
import type { Logger } from '../platform/logger';
import { serveFrames } from './frame-bridge';

/** Carries the contract over one WebSocket of the headless host's UI. */
export function attachWsBridge(socket: WebSocket, core: Core, logger: Logger): void {
  const bridge = serveFrames(
    {
      send: (text) => {
        if (socket.readyState === socket.OPEN) socket.send(text);
      },
      reject: (reason) => socket.close(1007, reason),
    },
    core,
    logger,
    { events: true },
  );
  socket.on('close', bridge.dispose);
  // ws emits `error` for a frame over maxPayload or a protocol breach, then closes this socket.
  // Without a listener the error would take the whole process, and every session, with it.
  socket.on('error', (error) => logger.warn('closed a WebSocket session', { error: String(error) }));
  socket.on('message', (data, isBinary) => {
    if (isBinary) socket.close(1007, 'binary frame');
    else bridge.receive(String(data));
  });
}
