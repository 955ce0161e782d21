// @vitest-environment happy-dom
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { ApiError } from '../../../electron/shared/api';
import { App } from '../app';
import { createFakeApi, makeAppInfo, makePreferences } from '../test/fake-api';
import { renderScreen } from '../test/render';
import { SettingsScreen } from './settings-screen';

describe('SettingsScreen', () => {
  it('shows the app details from the core', async () => {
    const { api } = createFakeApi({ appInfo: makeAppInfo({ host: 'headless', version: '1.2.3', pid: 777 }) });
    renderScreen(<SettingsScreen />, { api });
    const root = await screen.findByTestId('settings-screen');
    await screen.findByText('1.2.3');
    expect(root.textContent).toContain('Headless host');
    expect(screen.getByText('/Users/ada/Library/Application Support/MCP Tray')).toBeTruthy();
    expect(screen.getByText('777')).toBeTruthy();
    expect(screen.getByTestId('keychain-status').textContent).toBe('Available (macOS Keychain)');
    expect(screen.queryByTestId('keychain-warning')).toBeNull();
  });

  it('lists keychain items of removed services, names only, and removes them', async () => {
    const { api } = createFakeApi({
      orphanSecrets: [{ instanceId: 'old-github', fields: ['access_token', 'refresh_token'] }],
    });
    renderScreen(<SettingsScreen />, { api });
    const row = await screen.findByTestId('orphan-old-github');
    expect(row.textContent).toContain('access_token, refresh_token');
    fireEvent.click(within(row).getByRole('button', { name: 'Remove' }));
    await waitFor(() => expect(screen.queryByTestId('orphan-secrets')).toBeNull());
    expect(api.removeOrphanSecrets).toHaveBeenCalledWith({ instanceId: 'old-github' });
  });

  it('shows nothing about the keychain sweep when nothing is left behind', async () => {
    const { api } = createFakeApi();
    renderScreen(<SettingsScreen />, { api });
    await screen.findByText('Export diagnostics');
    await waitFor(() => expect(api.listOrphanSecrets).toHaveBeenCalled());
    expect(screen.queryByTestId('orphan-secrets')).toBeNull();
  });

  it('warns prominently when the keychain is unavailable', async () => {
    const detail = 'No Secret Service found. Install gnome-keyring and sign in again.';
    const { api } = createFakeApi({
      appInfo: makeAppInfo({ platform: 'linux', keychain: { available: false, detail } }),
    });
    renderScreen(<SettingsScreen />, { api });
    const warning = await screen.findByTestId('keychain-warning');
    expect(warning.textContent).toContain(detail);
    expect(warning.getAttribute('data-level')).toBe('warning');
    expect(screen.getByTestId('keychain-status').textContent).toBe('Not available');
    expect(screen.getByText('Linux')).toBeTruthy();
  });
});

afterEach(() => {
  delete document.documentElement.dataset.theme;
  window.localStorage.clear();
});

describe('Settings: preferences', () => {
  it('shows the saved choices, each control labelled', async () => {
    const { api } = createFakeApi({
      preferences: makePreferences({ theme: 'dark', logRetentionDays: 90, driftPolicy: 'always' }),
    });
    renderScreen(<SettingsScreen />, { api });
    const prefs = await screen.findByTestId('preferences');
    expect((within(prefs).getByLabelText('Dark') as HTMLInputElement).checked).toBe(true);
    expect((within(prefs).getByLabelText('Keep the tool-call log for') as HTMLSelectElement).value).toBe(
      '90',
    );
    expect((within(prefs).getByLabelText('Put them back without asking') as HTMLInputElement).checked).toBe(
      true,
    );
    expect((within(prefs).getByLabelText('Start MCP Tray when I log in') as HTMLInputElement).checked).toBe(
      false,
    );
    expect(within(prefs).getByRole('group', { name: 'Theme' })).toBeTruthy();
  });

  it('saves each change at once, and the theme applies to the window', async () => {
    const fake = createFakeApi({ appInfo: makeAppInfo({ host: 'headless' }) });
    window.location.hash = '#/settings';
    renderScreen(<App />, { api: fake.api });
    const prefs = await screen.findByTestId('preferences');
    fireEvent.click(within(prefs).getByLabelText('Dark'));
    expect(document.documentElement.dataset.theme).toBe('dark');
    await waitFor(() => expect(fake.api.setPreferences).toHaveBeenCalledWith({ theme: 'dark' }));
    await waitFor(() => expect(screen.getByTestId('pref-status').textContent).toBe('Saved.'));

    fireEvent.change(within(prefs).getByTestId('pref-retention'), { target: { value: '7' } });
    await waitFor(() => expect(fake.api.setPreferences).toHaveBeenLastCalledWith({ logRetentionDays: 7 }));
    fireEvent.click(within(prefs).getByTestId('pref-login'));
    await waitFor(() => expect(fake.api.setPreferences).toHaveBeenLastCalledWith({ launchAtLogin: true }));
    expect(prefs.textContent).toContain('Applies to the desktop app');

    // Another window chose light: this one follows.
    act(() => fake.emitPreferences(makePreferences({ theme: 'light', launchAtLogin: true })));
    await waitFor(() => expect(document.documentElement.dataset.theme).toBe('light'));
    expect((within(prefs).getByLabelText('Light') as HTMLInputElement).checked).toBe(true);
    act(() => fake.emitPreferences(makePreferences({ theme: 'system' })));
    await waitFor(() => expect(document.documentElement.dataset.theme).toBeUndefined());
  });

  it('undoes a change the core refuses, and says why', async () => {
    const fake = createFakeApi();
    fake.api.setPreferences.mockRejectedValueOnce(new ApiError({ code: 'internal', message: 'Disk full.' }));
    renderScreen(<SettingsScreen />, { api: fake.api });
    const prefs = await screen.findByTestId('preferences');
    fireEvent.click(within(prefs).getByLabelText('Leave them out'));
    expect((await screen.findByTestId('pref-error')).textContent).toBe('Disk full.');
    expect((within(prefs).getByLabelText('Tell me and ask') as HTMLInputElement).checked).toBe(true);
  });

  it('shows the data folder with a copy button', async () => {
    const { api } = createFakeApi();
    renderScreen(<SettingsScreen />, { api });
    expect((await screen.findByTestId('data-dir')).textContent).toBe(
      '/Users/ada/Library/Application Support/MCP Tray',
    );
    expect(screen.getByTestId('copy-data-dir').textContent).toBe('Copy');
  });
});

describe('Settings: export diagnostics', () => {
  it('writes the zip and says where it is', async () => {
    const fake = createFakeApi();
    renderScreen(<SettingsScreen />, { api: fake.api });
    fireEvent.click(await screen.findByTestId('diagnostics-export'));
    const done = await screen.findByTestId('diagnostics-done');
    expect(within(done).getByTestId('diagnostics-path').textContent).toBe(
      '/Users/ada/Downloads/mcp-tray-diagnostics-2025-03-01T10-00-00Z.zip',
    );
    expect(done.textContent).toContain('47 KB');
    expect(within(done).getByTestId('diagnostics-copy')).toBeTruthy();
  });

  it('says why an export failed', async () => {
    const fake = createFakeApi();
    fake.api.exportDiagnostics.mockRejectedValueOnce(
      new ApiError({ code: 'internal', message: 'No space.' }),
    );
    renderScreen(<SettingsScreen />, { api: fake.api });
    fireEvent.click(await screen.findByTestId('diagnostics-export'));
    expect((await screen.findByTestId('diagnostics-error')).textContent).toBe(
      'Couldn’t export diagnostics: No space.',
    );
  });
});
