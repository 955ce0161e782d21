import { eventNames } from '../../shared/contract';
import { WsClientFrame } from '../../shared/ws-protocol';
import type { WsServerFrame } from '../../shared/ws-protocol';
import type { Core } from '../core';
import type { Logger } from '../platform/logger';

/** One connection that carries contract frames as JSON text (a WebSocket, a local socket). */
export interface FrameConnection {
  send(text: string): void;
  /** Closes this connection only, saying why. */
  reject(reason: string): void;
}

/**
 * Serves the contract on one connection: requests go through the core's dispatcher (which
 * validates them), and every contract event is forwarded when `events` is on. Returns the
 * handler for incoming text and a disposer for when the connection closes.
 */
export function serveFrames(
  connection: FrameConnection,
  core: Core,
  logger: Logger,
  options: { events: boolean },
): { receive: (text: string) => void; dispose: () => void } {
  const send = (frame: WsServerFrame) => connection.send(JSON.stringify(frame));
  const unsubscribes = options.events
    ? eventNames.map((name) => core.bus.on(name, (payload) => send({ type: 'event', name, payload })))
    : [];
  return {
    receive: (text) => {
      let frame: WsClientFrame;
      try {
        frame = WsClientFrame.parse(JSON.parse(text));
      } catch (error) {
        logger.warn('malformed frame; closing the connection', { error: String(error).slice(0, 200) });
        connection.reject('malformed frame');
        return;
      }
      core.dispatcher.dispatch(frame.name, frame.input).then(
        (result) => send({ type: 'response', id: frame.id, result }),
        (error: unknown) => logger.error('dispatch threw', { error: String(error) }),
      );
    },
    dispose: () => unsubscribes.forEach((off) => off()),
  };
}
