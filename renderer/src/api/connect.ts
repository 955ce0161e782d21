// Before the contract is imported: keeps zod from probing `new Function` (see the module).
import './zod-jitless';
import type { ExposedApi, TrayApi } from '../../../electron/shared/api';
import { createApi, exposedTransport } from '../../../electron/shared/api';
import { EXPOSED_API_KEY } from '../../../electron/shared/ipc-channels';
import { WS_PATH } from '../../../electron/shared/ws-protocol';
import type { WebSocketLike } from '../../../electron/shared/ws-transport';
import { WsTransport } from '../../../electron/shared/ws-transport';
import type { ConnectionStore } from './connection-store';
import { ALWAYS_OPEN, createConnectionStore } from './connection-store';

export interface Connection {
  api: TrayApi;
  connection: ConnectionStore;
}

/**
 * Picks the transport for where the UI runs: the preload's API inside Electron, otherwise a
 * WebSocket to the headless host that served this page (its cookie already authenticates us).
 */
export function connect(win: Window = window): Connection {
  const exposed = (win as unknown as Record<string, ExposedApi | undefined>)[EXPOSED_API_KEY];
  if (exposed) return { api: createApi(exposedTransport(exposed)), connection: ALWAYS_OPEN };

  const store = createConnectionStore('connecting');
  const scheme = win.location.protocol === 'https:' ? 'wss:' : 'ws:';
  const transport = new WsTransport({
    url: `${scheme}//${win.location.host}${WS_PATH}`,
    createSocket: (url) => new WebSocket(url) as unknown as WebSocketLike,
    onState: (state) => store.set(state),
  });
  return { api: createApi(transport), connection: store };
}
