import type { WebContents, WebFrameMain } from 'electron';
import type { EventName } from '../shared/contract';
import { eventNames, requestNames } from '../shared/contract';
import { eventChannel, requestChannel } from '../shared/ipc-channels';
import { navigationAllowed } from '../shared/window-options';
import type { ShellContext } from './shell-context';

/** The frame that sent an IPC call (Electron's `WebFrameMain`). */
export interface SenderFrame extends Pick<WebFrameMain, 'url'> {
  readonly parent: SenderFrame | null;
}

/** The Electron pieces IPC needs, given by main.ts. */
export interface IpcElectron {
  /** `ipcMain`. */
  ipcMain: {
    handle(
      channel: string,
      listener: (event: { readonly senderFrame: SenderFrame | null }, input: unknown) => unknown,
    ): void;
  };
  /** `BrowserWindow.getAllWindows()`: where events go. */
  allWindows(): readonly { readonly webContents: Pick<WebContents, 'send'> }[];
}

/** Only our own page, as the top frame of its window, may call the core. */
const isTrustedFrame = (frame: SenderFrame | null, rendererUrl: string): boolean =>
  frame !== null && frame.parent === null && navigationAllowed(frame.url, rendererUrl);

/**
 * Events the shell delivers itself instead of broadcasting: `installRequested` must also show
 * the window and wait for its page (see setup-deep-links.ts).
 */
const DELIVERED_BY_SHELL: ReadonlySet<EventName> = new Set(['installRequested']);

/** Registers one IPC handler per contract request and forwards every contract event. */
export function setupIpc(ctx: ShellContext, rendererUrl: string, electron: IpcElectron): void {
  for (const name of requestNames) {
    electron.ipcMain.handle(requestChannel(name), (event, input) => {
      if (!isTrustedFrame(event.senderFrame, rendererUrl)) {
        ctx.running.deps.logger.warn('refused IPC from an untrusted frame', { url: event.senderFrame?.url });
        return { ok: false, error: { code: 'forbidden', message: 'Not allowed.' } };
      }
      return ctx.running.core.dispatcher.dispatch(name, input);
    });
  }
  for (const name of eventNames) {
    if (DELIVERED_BY_SHELL.has(name)) continue;
    ctx.running.core.bus.on(name, (payload) => {
      for (const window of electron.allWindows()) {
        window.webContents.send(eventChannel(name), payload);
      }
    });
  }
}
