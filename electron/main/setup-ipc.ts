import { BrowserWindow, ipcMain } from 'electron';
import type { WebFrameMain } from 'electron';
import { eventNames, requestNames } from '../shared/contract';
import { eventChannel, requestChannel } from '../shared/ipc-channels';
import type { ShellContext } from './shell-context';

/** Only our own renderer, loaded from the app's files, may call the core. */
const isTrustedFrame = (frame: WebFrameMain | null, rendererUrl: string): boolean =>
  frame !== null && frame.url.split('#')[0] === rendererUrl;

/** Registers one IPC handler per contract request and forwards every contract event. */
export function setupIpc(ctx: ShellContext, rendererUrl: string): void {
  for (const name of requestNames) {
    ipcMain.handle(requestChannel(name), (event, input: unknown) => {
      if (!isTrustedFrame(event.senderFrame, rendererUrl)) {
        ctx.running.deps.logger.warn('refused IPC from an untrusted frame', { url: event.senderFrame?.url });
        return { ok: false, error: { code: 'forbidden', message: 'Not allowed.' } };
      }
      return ctx.running.core.dispatcher.dispatch(name, input);
    });
  }
  for (const name of eventNames) {
    ctx.running.core.bus.on(name, (payload) => {
      for (const window of BrowserWindow.getAllWindows()) {
        window.webContents.send(eventChannel(name), payload);
      }
    });
  }
}
