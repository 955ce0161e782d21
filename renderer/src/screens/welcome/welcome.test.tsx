// @vitest-environment happy-dom
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../../electron/shared/api';
import { App } from '../../app';
import { createFakeApi, makeCatalogEntry, makeClient, makeInstance } from '../../test/fake-api';
import { renderScreen } from '../../test/render';

const CATALOG = [
  makeCatalogEntry({ id: 'memory', name: 'Memory', category: 'community', auth: 'none' }),
  makeCatalogEntry({ id: 'notion', name: 'Notion', auth: 'oauth' }),
  makeCatalogEntry({ id: 'gmail', name: 'Gmail', auth: 'oauth' }),
  makeCatalogEntry({ id: 'github', name: 'GitHub' }),
  makeCatalogEntry({ id: 'google-calendar', name: 'Google Calendar', auth: 'oauth' }),
];

function start(init: Parameters<typeof createFakeApi>[0] = {}) {
  const fake = createFakeApi({
    catalog: CATALOG,
    clients: [
      makeClient({ id: 'cursor' }),
      makeClient({ id: 'claude-desktop' }),
      makeClient({ id: 'zed', installed: false }),
    ],
    uiState: { welcomeDismissed: false },
    ...init,
  });
  window.location.hash = '#/services';
  renderScreen(<App />, { api: fake.api });
  return fake;
}

describe('first run', () => {
  it('welcomes a new user with the clients found and three things to connect', async () => {
    start();
    const welcome = await screen.findByTestId('welcome-screen');
    expect(within(welcome).getByRole('heading', { level: 1 }).textContent).toBe('Welcome to MCP Tray');
    expect((await within(welcome).findByTestId('welcome-clients')).textContent).toContain(
      'Found on this computer: Cursor and Claude Desktop.',
    );
    const suggestions = await within(welcome).findAllByTestId('welcome-suggestion');
    expect(suggestions.map((s) => s.getAttribute('data-entry-id'))).toEqual([
      'github',
      'google-calendar',
      'gmail',
    ]);
    expect(within(suggestions[1]!).getByRole('link', { name: 'Connect' }).getAttribute('href')).toBe(
      '#/add/google-calendar',
    );
    expect(within(welcome).getByTestId('welcome-custom').getAttribute('href')).toBe('#/add/custom');
    expect(within(welcome).getByTestId('welcome-catalog').getAttribute('href')).toBe('#/add');
  });

  it('says when no AI client is installed, and still offers everything', async () => {
    start({ clients: [makeClient({ id: 'cursor', installed: false })] });
    expect((await screen.findByTestId('welcome-clients')).textContent).toContain('No AI clients found');
    expect(await screen.findAllByTestId('welcome-suggestion')).toHaveLength(3);
  });

  it('still offers your own server when the catalog cannot be loaded', async () => {
    const fake = start();
    fake.api.listCatalog.mockRejectedValue(new ApiError({ code: 'internal', message: 'Catalog broken.' }));
    expect((await screen.findByTestId('error-state')).textContent).toContain('Catalog broken.');
    expect(screen.getByTestId('welcome-custom')).toBeTruthy();
  });

  it('remembers being skipped, and shows Services with a way to add', async () => {
    const fake = start();
    fireEvent.click(await screen.findByTestId('welcome-dismiss'));
    expect(await screen.findByTestId('services-empty')).toBeTruthy();
    expect(fake.api.setUiFlag).toHaveBeenCalledWith({ flag: 'welcomeDismissed', value: true });
    expect(screen.getByTestId('services-add').getAttribute('href')).toBe('#/add');
    await waitFor(() => expect(document.activeElement?.textContent).toBe('Services'));
  });

  it('is not shown to someone who has services or skipped it', async () => {
    start({ instances: [makeInstance({ id: 'notes', name: 'Notes' })] });
    expect(await screen.findByTestId('services-screen')).toBeTruthy();
    expect(screen.queryByTestId('welcome-screen')).toBeNull();
  });

  it('gives way to Services once a service exists', async () => {
    const fake = start();
    await screen.findByTestId('welcome-screen');
    act(() => fake.emitInstances([makeInstance({ id: 'notes', name: 'Notes' })]));
    expect(await screen.findByTestId('services-screen')).toBeTruthy();
  });
});
