import { contextBridge, ipcRenderer } from 'electron';
import type { Transport } from '../shared/api';
import { createExposedApi } from '../shared/api';
import type { Envelope } from '../shared/contract';
import { EXPOSED_API_KEY, eventChannel, requestChannel } from '../shared/ipc-channels';
import { withStickyEvents } from '../shared/sticky-events';

// Each request and event has its own channel; the renderer never gets ipcRenderer itself.
const ipcTransport: Transport = {
  request: (name, input) => ipcRenderer.invoke(requestChannel(name), input) as Promise<Envelope<unknown>>,
  subscribe: (name, listener) => {
    const channel = eventChannel(name);
    const handler = (_event: Electron.IpcRendererEvent, payload: unknown) => listener(payload);
    ipcRenderer.on(channel, handler);
    return () => {
      ipcRenderer.removeListener(channel, handler);
    };
  },
};

// The preload runs before the page: an install request that arrives while the page is still
// mounting is kept for the Add flow's first subscription instead of being lost.
contextBridge.exposeInMainWorld(EXPOSED_API_KEY, createExposedApi(withStickyEvents(ipcTransport)));
