// @vitest-environment happy-dom
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { createConnectionStore } from './api/connection-store';
import { App } from './app';
import { createFakeApi, makeAppInfo, makeClient, makeInstance } from './test/fake-api';
import { renderScreen } from './test/render';

const nav = () => screen.getByRole('navigation', { name: 'Main' });

describe('App shell', () => {
  it('starts on Services with landmarks and the current page marked', async () => {
    const { api } = createFakeApi();
    renderScreen(<App />, { api });
    expect(await screen.findByTestId('services-screen')).toBeTruthy();
    expect(screen.getByRole('main')).toBeTruthy();
    const current = within(nav()).getByRole('link', { current: 'page' });
    expect(current.textContent).toBe('Services');
  });

  it('opens the Add flow prefilled when an install link arrives, and runs nothing', async () => {
    const fake = createFakeApi();
    renderScreen(<App />, { api: fake.api });
    await screen.findByTestId('services-empty');
    act(() =>
      fake.emitInstallRequested({
        kind: 'custom',
        name: 'Notes',
        command: 'npx',
        args: ['-y', 'notes-mcp'],
        env: {},
        secretEnvNames: ['NOTES_TOKEN'],
      }),
    );
    expect(await screen.findByTestId('add-flow')).toBeTruthy();
    expect(fake.api.addCustomInstance).not.toHaveBeenCalled();
  });

  it('switches screens from the sidebar', async () => {
    const { api } = createFakeApi();
    renderScreen(<App />, { api });
    await screen.findByTestId('services-empty');

    for (const [label, testId] of [
      ['Clients', 'clients-screen'],
      ['Logs', 'logs-screen'],
      ['Settings', 'settings-screen'],
    ] as const) {
      const link = within(nav()).getByRole('link', { name: label });
      expect(link.getAttribute('href')).toBe(`#/${label.toLowerCase()}`);
      fireEvent.click(link);
      await waitFor(() => expect(screen.getByTestId(testId)).toBeTruthy());
      expect(link.getAttribute('aria-current')).toBe('page');
      expect(screen.getByRole('heading', { level: 1 }).textContent).toBe(label);
    }
    expect(screen.queryByTestId('services-screen')).toBeNull();
  });

  it('moves focus to the new screen heading after navigating', async () => {
    const { api } = createFakeApi();
    renderScreen(<App />, { api });
    act(() => {
      window.location.hash = '#/logs';
      window.dispatchEvent(new HashChangeEvent('hashchange'));
    });
    await waitFor(() => expect(document.activeElement?.textContent).toBe('Logs'));
    expect(document.activeElement?.tagName).toBe('H1');
  });

  it('shows a banner while reconnecting', async () => {
    const { api } = createFakeApi();
    const connection = createConnectionStore('open');
    renderScreen(<App />, { api, connection });
    await screen.findByTestId('services-empty');
    expect(screen.queryByTestId('connection-banner')).toBeNull();

    act(() => connection.set('reconnecting'));
    expect(screen.getByTestId('connection-banner').textContent).toContain('Reconnecting to MCP Tray…');
    expect(screen.getByTestId('connection-indicator').textContent).toBe('Reconnecting…');

    act(() => connection.set('open'));
    expect(screen.queryByTestId('connection-banner')).toBeNull();
  });

  it('shows app notices and keeps them live', async () => {
    const fake = createFakeApi({
      appInfo: makeAppInfo({ notices: [{ id: 'n1', level: 'warning', message: 'Port 8123 was busy.' }] }),
    });
    renderScreen(<App />, { api: fake.api });
    const banner = await screen.findByTestId('notice-banner');
    expect(banner.textContent).toContain('Warning:');
    expect(banner.textContent).toContain('Port 8123 was busy.');
    expect(banner.getAttribute('data-level')).toBe('warning');

    act(() => fake.emitNotices([{ id: 'n2', level: 'error', message: 'Something broke.' }]));
    expect(screen.getByRole('alert').textContent).toContain('Something broke.');
    expect(screen.queryByText('Port 8123 was busy.')).toBeNull();
  });

  it('opens a service from its row and goes back to the list', async () => {
    const { api } = createFakeApi({
      instances: [makeInstance({ id: 'notes', name: 'Notes' }), makeInstance({ id: 'files', name: 'Files' })],
    });
    renderScreen(<App />, { api });
    const row = (await screen.findAllByTestId('instance-row'))[0]!;
    fireEvent.click(within(row).getByRole('link', { name: 'Notes' }));

    const detail = await screen.findByTestId('instance-detail');
    expect(window.location.hash).toBe('#/services/notes');
    await waitFor(() => expect(within(detail).getByRole('heading', { level: 1 }).textContent).toBe('Notes'));
    expect(document.activeElement).toBe(within(detail).getByRole('heading', { level: 1 }));
    expect(api.getInstance).toHaveBeenCalledWith({ id: 'notes' });
    // Still in the Services section, but not on its page.
    expect(within(nav()).getByRole('link', { name: 'Services' }).getAttribute('aria-current')).toBe('true');

    fireEvent.click(within(detail).getByRole('link', { name: 'Back to services' }));
    expect(await screen.findByTestId('services-screen')).toBeTruthy();
    await waitFor(() => expect(document.activeElement?.textContent).toBe('Services'));
    expect(document.title).toBe('Services – MCP Tray');
  });

  it('opens a detail straight from its address', async () => {
    const { api } = createFakeApi({ instances: [makeInstance({ id: 'notes', name: 'Notes' })] });
    window.location.hash = '#/services/notes';
    renderScreen(<App />, { api });
    expect(await screen.findByRole('heading', { level: 1, name: 'Notes' })).toBeTruthy();
    expect(screen.queryByTestId('services-screen')).toBeNull();

    act(() => {
      window.location.hash = '#/services/ghost';
      window.dispatchEvent(new HashChangeEvent('hashchange'));
    });
    expect(await screen.findByTestId('instance-not-found')).toBeTruthy();
  });

  it('shows a client’s drift once, with one action, on every screen', async () => {
    const drift = {
      id: 'drift-claude-desktop',
      level: 'warning' as const,
      message: 'Claude Desktop removed the entry for notes from its settings.',
    };
    const { api } = createFakeApi({
      appInfo: makeAppInfo({ notices: [drift] }),
      instances: [makeInstance({ id: 'notes', name: 'Notes' })],
      clients: [makeClient({ id: 'claude-desktop', selected: ['notes'], configured: [], drift: ['notes'] })],
    });
    window.location.hash = '#/logs';
    renderScreen(<App />, { api });
    const notice = await screen.findByTestId('notice-banner');
    expect(
      within(notice)
        .getAllByRole('link')
        .map((a) => [a.textContent, a.getAttribute('href')]),
    ).toEqual([['Restore in Clients', '#/clients']]);
    expect(within(notice).queryAllByRole('button')).toEqual([]);
    fireEvent.click(within(notice).getByRole('link'));
    await screen.findByTestId('drift-banner');
    // On Clients the warning is its own banner with its Restore button, and nothing else says it.
    expect(screen.queryByTestId('notice-banner')).toBeNull();
    expect(screen.getAllByText(/removed the entr/)).toHaveLength(1);
    expect(
      within(screen.getByTestId('drift-banner'))
        .getAllByRole('button')
        .map((b) => b.textContent),
    ).toEqual(['Restore']);
  });
});
