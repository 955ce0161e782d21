import { screen, within } from '@testing-library/react';
import type { CatalogEntry } from '../../../electron/shared/contract';
import { AddScreen } from '../screens/add/add-screen';
import { createFakeApi, makeCatalogEntry, makeClient } from './fake-api';
import { renderScreen } from './render';

/** A built-in that signs in with a device code. */
export const GITHUB = makeCatalogEntry({
  id: 'github',
  name: 'GitHub',
  auth: 'device',
  launch: {
    command: 'node',
    args: ['/opt/mcp-tray/servers/github/dist/server.mjs'],
    envNames: ['GITHUB_TOKEN'],
  },
});

/** Claude Desktop installed; Cursor and VS Code not. */
export const CLIENTS = [
  makeClient({ id: 'claude-desktop' }),
  makeClient({ id: 'cursor', installed: false }),
  makeClient({ id: 'vscode', installed: false }),
];

/** Opens the add flow of `entry` and waits for its first step. */
export async function openAdd(entry: CatalogEntry, clients = CLIENTS) {
  const fake = createFakeApi({ catalog: [entry], clients });
  window.location.hash = `#/add/${entry.id}`;
  renderScreen(<AddScreen />, { api: fake.api });
  await screen.findByTestId('step-configure');
  return fake;
}

export const flow = () => within(screen.getByTestId('add-flow'));
