// @vitest-environment happy-dom
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { BundleInfo } from '../../../../electron/shared/contract';
import { App } from '../../app';
import { createFakeApi, makeCatalogEntry, makeClient } from '../../test/fake-api';
import { renderScreen } from '../../test/render';
import { AddScreen } from './add-screen';
import { fileBase64 } from './bundle-flow';

const WEATHER: BundleInfo = {
  token: 'tok-1',
  version: '1.2.0',
  fileCount: 3,
  totalBytes: 52_000,
  entry: makeCatalogEntry({
    id: 'mcpb:weather',
    name: 'Weather',
    description: 'Forecasts for your AI client.',
    author: 'Ada Lovelace',
    category: 'custom',
    auth: 'api-key',
    runtimes: [{ name: 'node', found: true, hint: null }],
    fields: [
      {
        key: 'api_key',
        type: 'string',
        title: 'API key',
        description: 'From weather.example.',
        required: true,
        sensitive: true,
        multiple: false,
        default: null,
        min: null,
        max: null,
      },
      {
        key: 'units',
        type: 'string',
        title: 'Units',
        description: '',
        required: false,
        sensitive: false,
        multiple: false,
        default: 'metric',
        min: null,
        max: null,
      },
    ],
    launch: {
      command: 'node',
      args: ['${__dirname}/server.mjs', '--units=${user_config.units}'],
      envNames: ['WEATHER_KEY'],
    },
  }),
};

function setup() {
  const fake = createFakeApi({
    bundles: { 'weather.mcpb': WEATHER },
    clients: [makeClient({ id: 'claude-desktop' })],
  });
  window.location.hash = '#/add/bundle';
  renderScreen(<AddScreen />, { api: fake.api });
  return fake;
}

const choose = (file: File) =>
  fireEvent.change(screen.getByLabelText('Bundle file (.mcpb)'), { target: { files: [file] } });

describe('bundle screen', () => {
  it('shows the manifest and what it will run, then asks for its fields and adds it', async () => {
    const fake = setup();
    choose(new File(['PK\u0003\u0004 bundle bytes'], 'weather.mcpb'));
    const review = await screen.findByTestId('step-review');
    expect(fake.api.inspectBundle).toHaveBeenCalledWith({
      fileName: 'weather.mcpb',
      dataBase64: btoa('PK\u0003\u0004 bundle bytes'),
    });
    const facts = within(review).getByTestId('bundle-facts');
    expect(facts.textContent).toContain('NameWeather');
    expect(facts.textContent).toContain('AuthorAda Lovelace');
    expect(facts.textContent).toContain('Version1.2.0');
    expect(facts.textContent).toContain('3 files, 51 KB');
    expect(within(review).getByTestId('bundle-fields').textContent).toContain(
      'API keysecret, kept in the keychain (required)',
    );
    expect(within(review).getByTestId('launch-args').textContent).toBe(
      '${__dirname}/server.mjs--units=metric',
    );
    expect(within(review).getByTestId('launch-env').textContent).toContain('WEATHER_KEY');
    expect(fake.api.addBundleInstance).not.toHaveBeenCalled();

    fireEvent.click(within(review).getByRole('button', { name: 'Continue' }));
    const configure = await screen.findByTestId('step-configure');
    expect(within(configure).getByTestId('launch-args').textContent).toBe(
      '${__dirname}/server.mjs--units=metric',
    );
    fireEvent.change(within(configure).getByLabelText(/API key/), { target: { value: 'k-123' } });
    fireEvent.click(within(configure).getByRole('button', { name: 'Add Weather' }));
    expect(await screen.findByTestId('step-clients')).toBeTruthy();
    expect(fake.api.addBundleInstance).toHaveBeenCalledWith({
      token: 'tok-1',
      userConfig: { units: 'metric' },
      secrets: { api_key: 'k-123' },
    });
  });

  it('says plainly when a file is not a bundle', async () => {
    const fake = setup();
    choose(new File(['%PDF'], 'report.pdf'));
    expect((await screen.findByTestId('bundle-error')).textContent).toBe(
      '“report.pdf” is not a bundle. MCP Tray opens .mcpb files.',
    );
    expect(fake.api.inspectBundle).not.toHaveBeenCalled();
    choose(new File(['junk'], 'broken.mcpb'));
    expect((await screen.findByTestId('bundle-error')).textContent).toContain(
      'not a bundle MCP Tray can open',
    );
  });

  it('opens a file dropped anywhere on the window', async () => {
    const fake = createFakeApi({ bundles: { 'weather.mcpb': WEATHER } });
    window.location.hash = '#/services';
    renderScreen(<App />, { api: fake.api });
    await screen.findByTestId('services-screen');
    const file = new File(['bytes'], 'weather.mcpb');
    const drop = new Event('drop', { bubbles: true, cancelable: true });
    Object.defineProperty(drop, 'dataTransfer', { value: { types: ['Files'], files: [file] } });
    act(() => {
      window.dispatchEvent(drop);
    });
    expect(drop.defaultPrevented).toBe(true);
    await waitFor(() => expect(window.location.hash).toBe('#/add/bundle'));
    expect((await screen.findByTestId('step-review')).textContent).toContain('Weather');
  });

  it('encodes large files in slices', async () => {
    const bytes = new Uint8Array(200_000).map((_, i) => i % 251);
    const encoded = await fileBase64(new Blob([bytes]));
    expect(Buffer.from(encoded, 'base64').equals(Buffer.from(bytes))).toBe(true);
  });
});
