import type { WebSocket } from 'ws';
import { eventNames } from '../../shared/contract';
import { WsClientFrame } from '../../shared/ws-protocol';
import type { WsServerFrame } from '../../shared/ws-protocol';
import type { Core } from '../core';
import type { Logger } from '../platform/logger';

/**
 * Carries the contract over one WebSocket: requests go through the core's dispatcher, every
 * contract event is forwarded. A malformed frame closes this socket only.
 */
export function attachWsBridge(socket: WebSocket, core: Core, logger: Logger): void {
  const send = (frame: WsServerFrame) => {
    if (socket.readyState === socket.OPEN) socket.send(JSON.stringify(frame));
  };
  const unsubscribes = eventNames.map((name) =>
    core.bus.on(name, (payload) => send({ type: 'event', name, payload })),
  );
  socket.on('close', () => unsubscribes.forEach((off) => off()));
  socket.on('message', (data, isBinary) => {
    let frame: WsClientFrame;
    try {
      if (isBinary) throw new Error('binary frame');
      frame = WsClientFrame.parse(JSON.parse(String(data)));
    } catch (error) {
      logger.warn('malformed frame; closing the UI connection', { error: String(error) });
      socket.close(1007, 'malformed frame');
      return;
    }
    core.dispatcher.dispatch(frame.name, frame.input).then(
      (result) => send({ type: 'response', id: frame.id, result }),
      (error: unknown) => logger.error('dispatch threw', { error: String(error) }),
    );
  });
}
