// @vitest-environment happy-dom
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../electron/shared/api';
import type { ClientInfo } from '../../../electron/shared/contract';
import { createFakeApi, makeClient, makeInstance, makeOurEntry } from '../test/fake-api';
import { renderScreen } from '../test/render';
import { ClientsScreen } from './clients-screen';

const NOTES = makeInstance({ id: 'notes', name: 'Notes' });
const FILES = makeInstance({ id: 'files', name: 'Files' });
const CLAUDE_FILE = '/Users/ada/Library/Application Support/Claude/claude_desktop_config.json';

function setup(clients: ClientInfo[], instances = [NOTES, FILES]) {
  const fake = createFakeApi({ instances, clients });
  renderScreen(<ClientsScreen />, { api: fake.api });
  return fake;
}

const matrix = () => screen.findByTestId('client-matrix');
const checkbox = (label: string) => screen.getByRole<HTMLInputElement>('checkbox', { name: label });
const card = (id: string) => {
  const found = screen.getAllByTestId('client-card').find((c) => c.getAttribute('data-client') === id);
  if (!found) throw new Error(`no card for ${id}`);
  return within(found);
};
const dialog = () => within(screen.getByTestId('apply-dialog'));

describe('ClientsScreen matrix', () => {
  it('is a table of services × clients, installed clients first', async () => {
    setup([
      makeClient({ id: 'claude-desktop', installed: false }),
      makeClient({ id: 'cursor', configured: ['notes'] }),
    ]);
    const table = await matrix();
    expect(table.tagName).toBe('TABLE');
    const columns = within(table).getAllByRole('columnheader');
    expect(columns.map((th) => th.textContent)).toEqual(['Service', 'Cursor', 'Claude DesktopNot found']);
    expect(columns.every((th) => th.getAttribute('scope') === 'col')).toBe(true);
    const rows = within(table).getAllByRole('rowheader');
    expect(rows.map((th) => th.textContent)).toEqual(['Notes', 'Files']);
    expect(rows.every((th) => th.getAttribute('scope') === 'row')).toBe(true);

    expect(checkbox('Give Notes to Cursor').checked).toBe(true);
    expect(checkbox('Give Files to Cursor').checked).toBe(false);
    // Not installed: still configurable.
    expect(checkbox('Give Notes to Claude Desktop').disabled).toBe(false);
    expect(card('claude-desktop').getByTestId('client-presence').textContent).toBe(
      'Not found on this computer',
    );
    expect(card('cursor').getByTestId('client-presence').textContent).toBe('Installed');
  });

  it('sends the client’s full new list when a box is ticked or cleared', async () => {
    const fake = setup([makeClient({ id: 'cursor', configured: ['notes'] })]);
    await matrix();

    fireEvent.click(checkbox('Give Files to Cursor'));
    expect(fake.api.setClientSelection).toHaveBeenLastCalledWith({
      client: 'cursor',
      instances: ['notes', 'files'],
    });
    expect(checkbox('Give Files to Cursor').checked).toBe(true);
    // The choice is saved, but the file is not written yet: the card and the bar say so.
    expect((await screen.findByTestId('client-pending')).textContent).toContain('Cursor gets Files');
    expect(screen.getByTestId('pending-changes').textContent).toContain('Cursor');
    expect(checkbox('Give Files to Cursor').getAttribute('aria-describedby')).toBeTruthy();
    expect(fake.api.applyClientConfig).not.toHaveBeenCalled();

    fireEvent.click(checkbox('Give Notes to Cursor'));
    expect(fake.api.setClientSelection).toHaveBeenLastCalledWith({ client: 'cursor', instances: ['files'] });
    await waitFor(() => expect(checkbox('Give Notes to Cursor').checked).toBe(false));
    await waitFor(() =>
      expect(screen.getByTestId('client-pending').textContent).toContain('Cursor gets Files and loses Notes'),
    );
  });

  it('moves between checkboxes with the arrow keys', async () => {
    setup([makeClient({ id: 'cursor' }), makeClient({ id: 'vscode' })]);
    await matrix();
    const first = checkbox('Give Notes to Cursor');
    first.focus();
    fireEvent.keyDown(first, { key: 'ArrowRight' });
    expect(document.activeElement).toBe(checkbox('Give Notes to VS Code'));
    fireEvent.keyDown(document.activeElement!, { key: 'ArrowDown' });
    expect(document.activeElement).toBe(checkbox('Give Files to VS Code'));
  });

  it('puts the last list back and says why when a change fails', async () => {
    const fake = setup([makeClient({ id: 'cursor', configured: ['notes'] })]);
    await matrix();
    fake.api.setClientSelection.mockRejectedValueOnce(
      new ApiError({ code: 'not-found', message: 'There is no service called "files".' }),
    );
    fireEvent.click(checkbox('Give Files to Cursor'));
    const error = await screen.findByTestId('selection-error');
    expect(error.textContent).toBe('Couldn’t change what Cursor gets: There is no service called "files".');
    expect(checkbox('Give Files to Cursor').checked).toBe(false);
  });

  it('says what to do when there are no services yet', async () => {
    setup([makeClient({ id: 'cursor' })], []);
    expect((await screen.findByTestId('clients-no-services')).textContent).toContain('Services');
    expect(screen.queryByTestId('client-matrix')).toBeNull();
    expect(screen.getAllByTestId('client-card')).toHaveLength(1);
  });
});

describe('ClientsScreen review and apply', () => {
  it('shows the exact diff, writes on Apply, then where and how to restart', async () => {
    const fake = setup([
      makeClient({
        id: 'claude-desktop',
        configPath: CLAUDE_FILE,
        selected: ['notes'],
        configured: [],
        entries: [],
        reloadHint: 'Quit Claude Desktop completely and open it again to use the change.',
      }),
    ]);
    await matrix();
    fireEvent.click(card('claude-desktop').getByRole('button', { name: 'Review and apply…' }));

    const diff = await screen.findByTestId('diff');
    expect(fake.api.planClientConfig).toHaveBeenCalledWith({ client: 'claude-desktop' });
    const added = diff.querySelectorAll('ins');
    expect(added).toHaveLength(1);
    expect(added[0]!.textContent).toMatch(/^\+ {4}"notes": /);
    expect(added[0]!.querySelector('.diff__sign')?.textContent).toBe('+');
    // The file is named above the diff; the diff itself starts at its first hunk.
    expect(dialog().getByText(CLAUDE_FILE).tagName).toBe('CODE');
    expect(diff.textContent).toMatch(/^@@ -1,\d+ \+1,\d+ @@/);
    expect(dialog().getByText('Adds 1 line.')).toBeTruthy();
    expect(fake.api.applyClientConfig).not.toHaveBeenCalled();

    fireEvent.click(dialog().getByRole('button', { name: 'Apply' }));
    const result = await dialog().findByTestId('apply-result');
    expect(fake.api.applyClientConfig).toHaveBeenCalledWith({ client: 'claude-desktop' });
    expect(result.textContent).toContain(
      `Written to ${CLAUDE_FILE}. Backup: ${CLAUDE_FILE}.mcp-tray-backup-1.`,
    );
    expect(dialog().getByTestId('reload-hint').textContent).toContain(
      'Quit Claude Desktop completely and open it again to use the change.',
    );
    expect(dialog().getByRole('heading', { name: 'Changes written' })).toBeTruthy();

    // Reloaded after writing: nothing is pending any more.
    await waitFor(() => expect(screen.queryByTestId('pending-changes')).toBeNull());
    expect(card('claude-desktop').getByTestId('client-configured').textContent).toBe('Notes');
    fireEvent.click(dialog().getByRole('button', { name: 'Done' }));
    expect(screen.queryByTestId('apply-dialog')).toBeNull();
  });

  it('marks removed lines with a sign and <del>, and Cancel writes nothing', async () => {
    const fake = setup([makeClient({ id: 'cursor', configured: ['notes'], selected: [] })]);
    await matrix();
    fireEvent.click(card('cursor').getByRole('button', { name: 'Review and apply…' }));
    const diff = await screen.findByTestId('diff');
    const removed = diff.querySelectorAll('del');
    expect(removed).toHaveLength(1);
    expect(removed[0]!.textContent?.startsWith('-')).toBe(true);
    fireEvent.click(dialog().getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByTestId('apply-dialog')).toBeNull();
    expect(fake.api.applyClientConfig).not.toHaveBeenCalled();
  });

  it('applies every pending client from one combined review, one after another', async () => {
    const fake = setup([
      makeClient({ id: 'cursor', selected: ['notes'] }),
      makeClient({ id: 'vscode', selected: ['files'] }),
      makeClient({ id: 'zed', configured: ['notes'] }),
    ]);
    await matrix();
    const bar = screen.getByTestId('pending-changes');
    expect(bar.textContent).toContain('2 clients have changes that are not written yet: Cursor and VS Code.');
    fireEvent.click(within(bar).getByRole('button', { name: 'Review and apply all…' }));

    await waitFor(() => expect(dialog().getAllByTestId('diff')).toHaveLength(2));
    expect(dialog().getByRole('heading', { name: 'Review changes for 2 clients' })).toBeTruthy();
    expect(fake.api.planClientConfig.mock.calls.map(([input]) => input.client)).toEqual(['cursor', 'vscode']);

    fireEvent.click(dialog().getByRole('button', { name: 'Apply to 2 files' }));
    await waitFor(() => expect(dialog().getAllByTestId('apply-result')).toHaveLength(2));
    expect(fake.api.applyClientConfig.mock.calls.map(([input]) => input.client)).toEqual([
      'cursor',
      'vscode',
    ]);
    expect(
      dialog()
        .getAllByTestId('reload-hint')
        .map((h) => h.textContent),
    ).toEqual([
      'One more step: Restart Cursor to use the change.',
      'One more step: Restart VS Code to use the change.',
    ]);
  });

  it('shows a failed write inline and keeps going with the other files', async () => {
    const fake = setup([
      makeClient({ id: 'cursor', selected: ['notes'] }),
      makeClient({ id: 'vscode', selected: ['files'] }),
    ]);
    await matrix();
    fake.api.applyClientConfig.mockRejectedValueOnce(
      new ApiError({
        code: 'config-conflict',
        message: 'Cursor changed its file while MCP Tray was writing it.',
      }),
    );
    fireEvent.click(screen.getByTestId('apply-all'));
    fireEvent.click(await dialog().findByRole('button', { name: 'Apply to 2 files' }));

    const error = await dialog().findByTestId('apply-error');
    expect(error.textContent).toBe(
      'Couldn’t write Cursor’s file: Cursor changed its file while MCP Tray was writing it.',
    );
    expect(error.getAttribute('role')).toBe('alert');
    expect(await dialog().findByTestId('apply-result')).toBeTruthy();
    expect(dialog().getByRole('heading', { name: 'Not every change was written' })).toBeTruthy();
  });

  it('says so when the file already matches', async () => {
    const fake = setup([makeClient({ id: 'cursor', configured: ['notes'] })]);
    await matrix();
    fireEvent.click(card('cursor').getByRole('button', { name: 'Review file…' }));
    expect(await dialog().findByText(/already gives Cursor what you chose/)).toBeTruthy();
    expect(dialog().queryByRole('button', { name: 'Apply' })).toBeNull();
    fireEvent.click(dialog().getByRole('button', { name: 'Close' }));
    expect(fake.api.applyClientConfig).not.toHaveBeenCalled();
  });
});

describe('ClientsScreen problems', () => {
  it('disables a client whose file does not parse, and says what to do', async () => {
    const error = `${CLAUDE_FILE}:12:5: Expected a comma`;
    const fake = setup([
      makeClient({ id: 'claude-desktop', configPath: CLAUDE_FILE, error, selected: ['notes'], entries: [] }),
      makeClient({ id: 'cursor' }),
    ]);
    await matrix();
    const message = card('claude-desktop').getByTestId('client-error');
    expect(message.textContent).toContain(error);
    expect(message.textContent).toContain('Fix or remove the file, then come back');
    expect(checkbox('Give Notes to Claude Desktop').disabled).toBe(true);
    expect(checkbox('Give Files to Claude Desktop').disabled).toBe(true);
    expect(checkbox('Give Notes to Cursor').disabled).toBe(false);
    const review = card('claude-desktop').getByRole<HTMLButtonElement>('button', { name: 'Review file…' });
    expect(review.disabled).toBe(true);
    // Not counted as pending: it cannot be written.
    expect(screen.queryByTestId('pending-changes')).toBeNull();
    fireEvent.click(review);
    expect(fake.api.planClientConfig).not.toHaveBeenCalled();
  });

  it('warns about drift and restores the entries through the review', async () => {
    const fake = setup([
      makeClient({
        id: 'claude-desktop',
        selected: ['notes', 'files'],
        configured: [],
        entries: [],
        drift: ['notes', 'files'],
      }),
    ]);
    const banner = await screen.findByTestId('drift-banner');
    expect(banner.textContent).toContain('Claude Desktop removed the entries for Notes and Files.');
    fireEvent.click(within(banner).getByRole('button', { name: 'Restore' }));

    await waitFor(() => expect(dialog().getByTestId('diff').querySelectorAll('ins')).toHaveLength(2));
    fireEvent.click(dialog().getByRole('button', { name: 'Apply' }));
    await dialog().findByTestId('apply-result');
    expect(fake.api.applyClientConfig).toHaveBeenCalledWith({ client: 'claude-desktop' });
    await waitFor(() => expect(screen.queryByTestId('drift-banner')).toBeNull());
  });

  it('shows a loading state, then an error with a retry', async () => {
    const fake = createFakeApi({ instances: [NOTES], clients: [makeClient({ id: 'cursor' })] });
    fake.api.listClients.mockRejectedValueOnce(
      new ApiError({ code: 'internal', message: 'The core stopped.' }),
    );
    renderScreen(<ClientsScreen />, { api: fake.api });
    expect(screen.getByTestId('loading-state')).toBeTruthy();
    const error = await screen.findByTestId('error-state');
    expect(error.textContent).toContain('The core stopped.');
    fireEvent.click(within(error).getByRole('button', { name: 'Try again' }));
    expect(await screen.findByTestId('client-matrix')).toBeTruthy();
  });
});

describe('ClientsScreen import', () => {
  it('adopts the servers the user picks and shows what it did', async () => {
    const fake = setup([
      makeClient({
        id: 'cursor',
        configured: ['notes'],
        entries: [
          makeOurEntry('notes'),
          {
            name: 'github',
            command: 'npx',
            args: ['-y', '@modelcontextprotocol/server-github'],
            envNames: ['GITHUB_TOKEN', 'GITHUB_HOST'],
            instanceId: null,
          },
          { name: 'memory', command: 'uvx', args: ['mcp-memory'], envNames: [], instanceId: null },
        ],
      }),
    ]);
    await matrix();
    const own = card('cursor').getByTestId('client-own-entries');
    expect(own.textContent).toContain('github');
    expect(own.textContent).not.toContain('notes');
    fireEvent.click(card('cursor').getByRole('button', { name: 'Import…' }));

    const importDialog = within(screen.getByTestId('import-dialog'));
    const entries = importDialog.getAllByTestId('import-entry');
    expect(entries.map((e) => e.getAttribute('data-name'))).toEqual(['github', 'memory']);
    const github = within(entries[0]!);
    expect(github.getByText('npx -y @modelcontextprotocol/server-github').tagName).toBe('CODE');
    expect(github.getByText('GITHUB_TOKEN').parentElement?.textContent).toContain('moves to the keychain');
    expect(github.getByText('GITHUB_HOST').parentElement?.textContent).not.toContain('keychain');
    expect(importDialog.getByText(/move to the system keychain/)).toBeTruthy();
    expect(importDialog.getByTestId('import-secrets-note').textContent).toMatch(
      /backups of that file keep a marker in their place; only you can read the backups/,
    );

    // Nothing chosen yet: Import does nothing.
    const confirm = importDialog.getByTestId('import-confirm');
    expect(confirm.getAttribute('aria-disabled')).toBe('true');
    fireEvent.click(confirm);
    expect(fake.api.importClientServers).not.toHaveBeenCalled();

    fireEvent.click(importDialog.getByRole('checkbox', { name: 'github' }));
    fireEvent.click(importDialog.getByRole('button', { name: 'Import' }));
    const result = await importDialog.findByTestId('import-result');
    expect(fake.api.importClientServers).toHaveBeenCalledWith({ client: 'cursor', names: ['github'] });
    expect(result.textContent).toContain('MCP Tray now runs 1 server from Cursor');
    expect(within(result).getByRole('link', { name: 'github' }).getAttribute('href')).toBe(
      '#/services/github',
    );
    expect(within(result).getByTestId('apply-result').textContent).toContain('Written to');
    expect(within(result).getByTestId('reload-hint').textContent).toContain('Restart Cursor');

    // The screen reloads: the new service has a row, and the entry is no longer the client's own.
    await waitFor(() => expect(checkbox('Give github to Cursor').checked).toBe(true));
    expect(card('cursor').getByTestId('client-own-entries').textContent).not.toContain('github');
    fireEvent.click(importDialog.getByRole('button', { name: 'Done' }));
    expect(screen.queryByTestId('import-dialog')).toBeNull();
  });

  it('keeps the dialog open with the error when importing fails', async () => {
    const fake = setup([
      makeClient({
        id: 'cursor',
        entries: [{ name: 'memory', command: 'uvx', args: ['mcp-memory'], envNames: [], instanceId: null }],
      }),
    ]);
    await matrix();
    fake.api.importClientServers.mockRejectedValueOnce(
      new ApiError({ code: 'config-conflict', message: 'Cursor changed its file meanwhile.' }),
    );
    fireEvent.click(card('cursor').getByRole('button', { name: 'Import…' }));
    const importDialog = within(screen.getByTestId('import-dialog'));
    fireEvent.click(importDialog.getByRole('checkbox', { name: 'memory' }));
    fireEvent.click(importDialog.getByRole('button', { name: 'Import' }));
    expect((await importDialog.findByTestId('import-error')).textContent).toBe(
      'Cursor changed its file meanwhile.',
    );
    expect(importDialog.getByRole('button', { name: 'Import' })).toBeTruthy();
  });
});

describe('ClientsScreen live updates', () => {
  it('follows clientsChanged and instancesChanged', async () => {
    const fake = setup([makeClient({ id: 'claude-desktop', configured: ['notes'] })]);
    await matrix();
    expect(card('claude-desktop').getByTestId('client-configured').textContent).toBe('Notes');

    // Claude Desktop dropped our entry: the core announces the drift.
    act(() =>
      fake.emitClients([
        makeClient({
          id: 'claude-desktop',
          selected: ['notes'],
          configured: [],
          entries: [],
          drift: ['notes'],
        }),
      ]),
    );
    expect(card('claude-desktop').getByTestId('client-configured').textContent).toBe('Nothing yet');
    expect(screen.getByTestId('drift-banner').textContent).toContain('removed the entries for Notes');

    const github = makeInstance({ id: 'github', name: 'GitHub' });
    fake.api.listInstances.mockResolvedValue([NOTES, FILES, github]);
    act(() => fake.emitInstances([NOTES, FILES, github]));
    expect(checkbox('Give GitHub to Claude Desktop').checked).toBe(false);
    // The clients are reloaded too, since their selections refer to services.
    await waitFor(() => expect(fake.api.listClients).toHaveBeenCalledTimes(2));
  });
});
