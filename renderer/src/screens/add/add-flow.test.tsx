// @vitest-environment happy-dom
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../../electron/shared/api';
import { App } from '../../app';
import { CLIENTS, GITHUB, flow, openAdd } from '../../test/add-fixtures';
import { createFakeApi, makeCatalogEntry } from '../../test/fake-api';
import { renderScreen } from '../../test/render';

describe('the main path', () => {
  it('takes a new user from the welcome to “Claude can use GitHub” in three clicks', async () => {
    const fake = createFakeApi({
      catalog: [
        GITHUB,
        makeCatalogEntry({ id: 'memory', name: 'Memory', category: 'community', auth: 'none' }),
      ],
      clients: CLIENTS,
      uiState: { welcomeDismissed: false },
    });
    let clicks = 0;
    const click = (element: HTMLElement) => {
      clicks += 1;
      fireEvent.click(element);
    };
    window.location.hash = '#/services';
    renderScreen(<App />, { api: fake.api });

    // 1. Pick the integration.
    const suggestion = (await screen.findAllByTestId('welcome-suggestion'))[0]!;
    expect(suggestion.textContent).toContain('GitHub');
    click(within(suggestion).getByRole('link', { name: 'Connect' }));

    // 2. Confirm what will run; this also starts the sign-in.
    const preview = await screen.findByTestId('launch-preview');
    // Keyboard users land on the new screen's heading, even though it replaced a loading one.
    await waitFor(() => expect(document.activeElement?.textContent).toBe('Add GitHub'));
    expect(within(preview).getByTestId('launch-command').textContent).toBe('node');
    expect(within(preview).getByTestId('launch-args').textContent).toBe(
      '/opt/mcp-tray/servers/github/dist/server.mjs',
    );
    expect(within(preview).getByTestId('launch-env').textContent).toContain('GITHUB_TOKEN');
    expect(fake.api.addCatalogInstance).not.toHaveBeenCalled();
    click(flow().getByRole('button', { name: 'Add and sign in' }));
    expect(await screen.findByTestId('device-code')).toBeTruthy();
    expect(fake.api.addCatalogInstance).toHaveBeenCalledWith({
      integrationId: 'github',
      userConfig: {},
      secrets: {},
    });
    await waitFor(() => expect(fake.signInWaiters('github')).toBe(1));

    // (In the browser: the user enters the code.)
    await act(async () => {
      fake.finishSignIn('github', 'octocat');
    });

    // 3. The installed client is already chosen: Apply.
    const step = await screen.findByTestId('step-clients');
    expect(within(step).getByTestId('sign-in-done').textContent).toBe('Signed in as octocat.');
    const claude = within(step).getByRole<HTMLInputElement>('checkbox', { name: 'Claude Desktop' });
    expect(claude.checked).toBe(true);
    expect(within(step).getByRole<HTMLInputElement>('checkbox', { name: 'Cursor' }).checked).toBe(false);
    click(within(step).getByRole('button', { name: 'Apply to Claude Desktop' }));

    const done = await screen.findByTestId('step-done');
    expect(within(done).getByRole('heading', { level: 2 }).textContent).toBe(
      'Claude Desktop can use GitHub now',
    );
    expect(within(done).getByTestId('reload-hint').textContent).toContain('Restart Claude Desktop');
    expect(fake.api.setClientSelection).toHaveBeenCalledWith({
      client: 'claude-desktop',
      instances: ['github'],
    });
    expect(fake.clients().find((c) => c.id === 'claude-desktop')?.configured).toEqual(['github']);
    expect(clicks).toBe(3);
  });
});

describe('the settings form', () => {
  const NOTES = makeCatalogEntry({
    id: 'notes',
    name: 'Notes',
    auth: 'api-key',
    fields: [
      {
        key: 'api_key',
        type: 'string',
        title: 'API key',
        description: 'From your account page.',
        required: true,
        sensitive: true,
        multiple: false,
        default: null,
        min: null,
        max: null,
      },
      {
        key: 'limit',
        type: 'number',
        title: 'Result limit',
        description: '',
        required: true,
        sensitive: false,
        multiple: false,
        default: 20,
        min: 1,
        max: 100,
      },
      {
        key: 'folders',
        type: 'directory',
        title: 'Folders',
        description: '',
        required: false,
        sensitive: false,
        multiple: true,
        default: ['${HOME}/Notes'],
        min: null,
        max: null,
      },
      {
        key: 'fast',
        type: 'boolean',
        title: 'Fast mode',
        description: '',
        required: false,
        sensitive: false,
        multiple: false,
        default: false,
        min: null,
        max: null,
      },
    ],
    launch: {
      command: 'npx',
      args: ['-y', 'notes-mcp', '--limit=${user_config.limit}', '${user_config.folders}'],
      envNames: ['NOTES_KEY'],
    },
  });

  it('explains what to fix, keeps secrets for the keychain, and shows the command with the values', async () => {
    const fake = await openAdd(NOTES);
    const key = flow().getByLabelText(/API key/);
    expect(key.getAttribute('type')).toBe('password');
    expect(flow().getByText(/Kept in your system keychain/)).toBeTruthy();
    const limit = flow().getByLabelText(/Result limit/);
    fireEvent.change(limit, { target: { value: '500' } });
    fireEvent.blur(limit);
    // Nothing jumps while the user is still filling in the form.
    expect(flow().queryByTestId('field-error-limit')).toBeNull();

    fireEvent.click(flow().getByRole('button', { name: 'Add Notes' }));
    expect(flow().getByTestId('field-error-limit').textContent).toBe(
      'Result limit must be between 1 and 100.',
    );
    expect(limit.getAttribute('aria-invalid')).toBe('true');
    const summary = flow().getByTestId('error-summary');
    expect(summary.textContent).toContain('2 things need fixing first');
    expect(summary.textContent).toContain('Enter API key. It is needed to connect');
    fireEvent.click(within(summary).getByRole('button', { name: /Result limit/ }));
    expect(document.activeElement).toBe(limit);
    expect(fake.api.addCatalogInstance).not.toHaveBeenCalled();

    fireEvent.change(limit, { target: { value: '50' } });
    fireEvent.blur(limit);
    // Fixed: the message goes when the user leaves the field.
    expect(flow().queryByTestId('field-error-limit')).toBeNull();
    fireEvent.change(key, { target: { value: 'sk-123' } });
    fireEvent.change(flow().getByLabelText(/Folders/), { target: { value: '~/Notes\n~/Work notes\n' } });
    fireEvent.click(flow().getByLabelText('Fast mode'));
    expect(flow().getByTestId('launch-args').textContent).toBe('-ynotes-mcp--limit=50~/Notes~/Work notes');
    expect(flow().getByTestId('launch-preview').textContent).not.toContain('sk-123');

    fireEvent.click(flow().getByRole('button', { name: 'Add Notes' }));
    await screen.findByTestId('step-clients');
    expect(fake.api.addCatalogInstance).toHaveBeenCalledWith({
      integrationId: 'notes',
      userConfig: { limit: 50, folders: ['${HOME}/Notes', '${HOME}/Work notes'], fast: true },
      secrets: { api_key: 'sk-123' },
    });
  });

  it('keeps the form and says why when adding fails', async () => {
    const fake = await openAdd(makeCatalogEntry({ id: 'memory', name: 'Memory', auth: 'none' }));
    fake.api.addCatalogInstance.mockRejectedValueOnce(
      new ApiError({
        code: 'keychain-unavailable',
        message: 'The keychain is locked. Unlock it and try again.',
      }),
    );
    fireEvent.click(flow().getByRole('button', { name: 'Add Memory' }));
    expect((await flow().findByTestId('request-error')).textContent).toContain('The keychain is locked');
    expect(flow().getByTestId('step-configure')).toBeTruthy();
  });

  it('names a second account, and skips the clients when there are none', async () => {
    const fake = await openAdd(makeCatalogEntry({ id: 'memory', name: 'Memory', auth: 'none' }), []);
    // Memory has no account, so no hint about a second one.
    expect(flow().queryByTestId('second-account-hint')).toBeNull();
    fireEvent.change(flow().getByTestId('field-name'), { target: { value: 'Memory (work)' } });
    fireEvent.click(flow().getByRole('button', { name: 'Add Memory' }));
    expect(await screen.findByTestId('no-clients-found')).toBeTruthy();
    expect(fake.api.addCatalogInstance).toHaveBeenCalledWith(
      expect.objectContaining({ integrationId: 'memory', name: 'Memory (work)' }),
    );
    fireEvent.click(screen.getByRole('button', { name: 'Skip for now' }));
    const done = await screen.findByTestId('step-done');
    expect(within(done).getByRole('heading', { level: 2 }).textContent).toBe('Memory (work) is added');
  });

  it('offers the second-account hint only for services with accounts', async () => {
    await openAdd(GITHUB, []);
    expect(flow().getByTestId('second-account-hint').textContent).toContain('Connecting a second account?');
    expect(flow().getByTestId('field-name').getAttribute('aria-describedby')).toBe(
      flow().getByTestId('second-account-hint').id,
    );
  });
});
