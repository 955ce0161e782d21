// @vitest-environment happy-dom
import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { RegistryEntryDetail } from '../../../../electron/shared/contract';
import { CLIENTS, flow } from '../../test/add-fixtures';
import { createFakeApi } from '../../test/fake-api';
import { makeRegistryEntry, makeRegistryField, makeRegistryOption } from '../../test/registry-fixtures';
import { renderScreen } from '../../test/render';
import { registryHref } from '../../routing/routes';
import { AddScreen } from '../add/add-screen';

const field = makeRegistryField;

const WEATHER = makeRegistryEntry({
  packageTypes: ['pypi', 'npm'],
  runtimes: ['uvx', 'npx'],
  needsSecret: true,
  recommended: 'npm',
  options: [
    makeRegistryOption({
      type: 'pypi',
      identifier: 'weather-mcp',
      runtime: 'uvx',
      runtimeFound: false,
      runtimeHint: 'Install uv: https://docs.astral.sh/uv/',
      preview: null,
    }),
    makeRegistryOption({
      index: 1,
      fields: [
        field({ key: 'WEATHER_API_KEY', label: 'API key', required: true, secret: true }),
        field({
          key: 'units',
          kind: 'named',
          label: '--units',
          default: 'metric',
          choices: ['metric', 'imperial'],
        }),
      ],
      preview: {
        command: 'npx',
        args: ['-y', '@acme/weather-mcp@1.2.3', '--units', 'metric'],
        envNames: ['WEATHER_API_KEY'],
      },
    }),
  ],
});

async function open(entry: RegistryEntryDetail) {
  const fake = createFakeApi({ clients: CLIENTS, registry: { details: [entry] } });
  window.location.hash = registryHref(entry.name);
  renderScreen(<AddScreen />, { api: fake.api });
  await screen.findByTestId('registry-detail');
  return fake;
}

describe('adding from the MCP registry', () => {
  it('shows who published it, where its code is, and what it asks for', async () => {
    await open(WEATHER);
    const detail = screen.getByTestId('registry-detail');
    expect(within(detail).getByTestId('registry-publisher').textContent).toContain(
      'io.github.acme (namespace verified by the registry)',
    );
    expect(within(detail).getByRole('link', { name: 'https://github.com/acme/weather' })).toBeTruthy();
    expect(within(detail).getByTestId('registry-version').textContent).toBe('1.2.3');
    const facts = within(detail).getAllByTestId('registry-option-fact');
    expect(facts.map((f) => f.textContent)).toEqual([
      expect.stringContaining('weather-mcp'),
      expect.stringContaining('WEATHER_API_KEY (required, secret)'),
    ]);
  });

  it('prefers the option whose runtime is here and says what the other one lacks', async () => {
    await open(WEATHER);
    const pypi = screen.getByTestId<HTMLInputElement>('option-pypi');
    const npm = screen.getByTestId<HTMLInputElement>('option-npm');
    expect(npm.checked).toBe(true);
    expect(pypi.disabled).toBe(true);
    expect(screen.getByTestId('option-blocker').textContent).toBe('Install uv: https://docs.astral.sh/uv/');
  });

  it('installs with the secret in a password input sent only as a secret, after the exact command', async () => {
    const fake = await open(WEATHER);
    const preview = screen.getByTestId('launch-preview');
    expect(within(preview).getByTestId('launch-command').textContent).toBe('npx');
    expect(within(preview).getByTestId('launch-args').textContent).toContain('@acme/weather-mcp@1.2.3');
    expect(within(preview).getByTestId('launch-env').textContent).toContain('from the keychain');

    const key = screen.getByTestId<HTMLInputElement>('field-WEATHER_API_KEY');
    expect(key.type).toBe('password');
    fireEvent.click(flow().getByTestId('add-confirm'));
    expect(await screen.findByTestId('error-summary')).toBeTruthy();
    expect(fake.api.installFromRegistry).not.toHaveBeenCalled();

    fireEvent.change(key, { target: { value: 'sk-123' } });
    fireEvent.click(flow().getByRole('button', { name: 'Add Weather 1.2.3' }));
    expect(await screen.findByTestId('step-clients')).toBeTruthy();
    expect(fake.api.installFromRegistry).toHaveBeenCalledWith({
      name: 'io.github.acme/weather',
      version: '1.2.3',
      registry: 'https://registry.example.test',
      packageType: 'npm',
      values: { units: 'metric' },
      secrets: { WEATHER_API_KEY: 'sk-123' },
    });
    const step = await screen.findByTestId('step-clients');
    fireEvent.click(await within(step).findByRole('button', { name: 'Apply to Claude Desktop' }));
    expect((await screen.findByTestId('step-done')).textContent).toContain(
      'Claude Desktop can use Weather now',
    );
  });

  it('offers no install for a deprecated entry', async () => {
    await open(
      makeRegistryEntry({ status: 'deprecated', statusMessage: 'Moved.', options: [makeRegistryOption()] }),
    );
    expect(screen.getByTestId('registry-deprecated').textContent).toContain(
      'deprecated; MCP Tray does not install it',
    );
    expect(screen.queryByTestId('add-confirm')).toBeNull();
  });
});
