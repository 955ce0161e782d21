import { describe, expect, it } from 'vitest';
import { installLink } from '../shared/deep-link';
import { requestNames } from '../shared/contract';
import { eventChannel, requestChannel } from '../shared/ipc-channels';
import { APP_ENTRY_URL } from '../core/platform/app-protocol';
import { IpcMainDouble, PageDouble } from '../../test/main/electron-doubles';
import { startedShell } from '../../test/main/shell-context';
import type { SenderFrame } from './setup-ipc';
import { setupIpc } from './setup-ipc';

const top = (url: string): SenderFrame => ({ url, parent: null });
const FORBIDDEN = { ok: false, error: { code: 'forbidden', message: 'Not allowed.' } };

async function ipcUnderTest() {
  const ctx = await startedShell();
  const ipcMain = new IpcMainDouble();
  const pages = [new PageDouble(), new PageDouble()];
  setupIpc(ctx, APP_ENTRY_URL, { ipcMain, allWindows: () => pages.map((webContents) => ({ webContents })) });
  return { ctx, ipcMain, pages };
}

describe('IPC', () => {
  it('has one handler per contract request', async () => {
    const { ipcMain } = await ipcUnderTest();
    expect([...ipcMain.handlers.keys()].sort()).toEqual(requestNames.map(requestChannel).sort());
  });

  it('answers our own page, as a top frame, through the contract', async () => {
    const { ctx, ipcMain } = await ipcUnderTest();
    const info = await ipcMain.invoke(requestChannel('getAppInfo'), top(`${APP_ENTRY_URL}#/clients`), {});
    expect(info).toEqual({ ok: true, value: await ctx.running.core.services.appInfo.info() });
    // The input is validated against the request's schema before any service sees it.
    expect(await ipcMain.invoke(requestChannel('getInstance'), top(APP_ENTRY_URL), { id: 42 })).toMatchObject(
      {
        ok: false,
        error: { code: 'invalid-input' },
      },
    );
    expect(
      await ipcMain.invoke(requestChannel('getInstance'), top(APP_ENTRY_URL), { id: 'nope' }),
    ).toMatchObject({
      ok: false,
      error: { code: 'not-found' },
    });
  });

  it('refuses a foreign frame, a subframe of our page and a missing frame', async () => {
    const { ctx, ipcMain } = await ipcUnderTest();
    const requested: unknown[] = [];
    ctx.running.core.bus.on('installRequested', (payload) => requested.push(payload));
    const channel = requestChannel('openInstallLink');
    const input = { url: installLink({ kind: 'catalog', integrationId: 'github' }) };
    for (const frame of [
      top('https://evil.example/index.html'),
      top('app://other-host/index.html'),
      top('file:///index.html'),
      { url: APP_ENTRY_URL, parent: top('https://evil.example/') },
      null,
    ]) {
      expect(await ipcMain.invoke(channel, frame, input), JSON.stringify(frame)).toEqual(FORBIDDEN);
    }
    // Nothing reached the core; the same call from our page does.
    expect(requested).toEqual([]);
    expect(await ipcMain.invoke(channel, top(APP_ENTRY_URL), input)).toMatchObject({ ok: true });
    expect(requested).toEqual([{ request: { kind: 'catalog', integrationId: 'github' } }]);
  });

  it('forwards core events to every window, except what the shell delivers itself', async () => {
    const { ctx, pages } = await ipcUnderTest();
    const { bus } = ctx.running.core;
    bus.emit('noticesChanged', { notices: [] });
    bus.emit('installRequested', { request: { kind: 'catalog', integrationId: 'github' } });
    for (const page of pages) {
      expect(page.sent).toEqual([{ channel: eventChannel('noticesChanged'), payload: { notices: [] } }]);
    }
  });
});
