// @vitest-environment happy-dom
import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { createFakeApi, makeAppInfo } from '../test/fake-api';
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
