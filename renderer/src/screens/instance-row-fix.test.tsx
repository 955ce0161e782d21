// @vitest-environment happy-dom
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../electron/shared/api';
import { createFakeApi, makeAccount, makeDetail, makeInstance } from '../test/fake-api';
import { renderScreen } from '../test/render';
import { installHint } from './instance-row-fix';
import { formatClients } from './instance-row';
import { ServicesScreen } from './services-screen';

const MISSING_UV =
  '"uvx" was not found. Install uv (https://docs.astral.sh/uv/), then press Restart; or remove the service and add it again with the full path to uvx.';

const rowOf = (id: string) =>
  screen.getAllByTestId('instance-row').find((row) => row.getAttribute('data-instance-id') === id)!;

describe('Services list: status, the fix, tools and clients at a glance', () => {
  it('shows who is connected right now and how many tools', async () => {
    const { api } = createFakeApi({
      instances: [
        makeInstance({ id: 'notes', clients: ['Claude Desktop', 'Cursor'], toolCount: 3 }),
        makeInstance({ id: 'files', clients: [], toolCount: 1 }),
      ],
    });
    renderScreen(<ServicesScreen />, { api });
    await screen.findAllByTestId('instance-row');
    expect(within(rowOf('notes')).getByTestId('instance-clients').textContent).toBe(
      'Used by Claude Desktop and Cursor now',
    );
    expect(rowOf('notes').textContent).toContain('3 tools');
    expect(within(rowOf('files')).getByTestId('instance-clients').textContent).toBe('No AI client connected');
    // A running service needs nothing: its name is its only control.
    expect(rowOf('notes').querySelectorAll('a, button')).toHaveLength(1);
  });

  it('offers the installer of a missing program and Restart for a failed service', async () => {
    const fake = createFakeApi({
      instances: [makeInstance({ id: 'py', name: 'Python tools', state: 'failed', stateReason: MISSING_UV })],
    });
    renderScreen(<ServicesScreen />, { api: fake.api });
    const row = (await screen.findAllByTestId('instance-row'))[0]!;
    expect(within(row).getByTestId('status-badge').textContent).toBe('Failed');
    expect(within(row).getByTestId('status-badge').querySelector('svg')).toBeTruthy();
    const install = within(row).getByTestId('row-install');
    expect(install.textContent).toBe('Install uv (opens https://docs.astral.sh/uv/)');
    expect(install.getAttribute('href')).toBe('https://docs.astral.sh/uv/');
    expect(install.getAttribute('target')).toBe('_blank');

    fireEvent.click(within(row).getByTestId('row-restart'));
    await waitFor(() => expect(fake.api.restartInstance).toHaveBeenCalledWith({ id: 'py' }));
  });

  it('says why a restart from the list failed', async () => {
    const fake = createFakeApi({
      instances: [makeInstance({ id: 'py', state: 'backoff', stateReason: 'It crashed.' })],
    });
    fake.api.restartInstance.mockRejectedValueOnce(new ApiError({ code: 'internal', message: 'No luck.' }));
    renderScreen(<ServicesScreen />, { api: fake.api });
    fireEvent.click(await screen.findByTestId('row-restart'));
    expect((await screen.findByRole('alert')).textContent).toBe('No luck.');
    expect(screen.queryByTestId('row-install')).toBeNull();
  });

  it('asks to sign in again when a sign-in stopped working', async () => {
    const account = makeAccount({ method: 'device' });
    const { api } = createFakeApi({
      details: [
        makeDetail({
          id: 'a',
          name: 'A',
          state: 'needs-auth',
          stateReason: 'Signed out. Sign in to GitHub to use it again.',
          account,
        }),
        makeDetail({
          id: 'b',
          name: 'B',
          state: 'needs-auth',
          stateReason: 'Sign in to GitHub to use B.',
          account,
        }),
      ],
    });
    renderScreen(<ServicesScreen />, { api });
    await screen.findAllByTestId('instance-row');
    expect(within(rowOf('a')).getByTestId('row-sign-in').textContent).toBe('Sign in again to use A');
    expect(within(rowOf('b')).getByTestId('row-sign-in').textContent).toBe('Sign in to use B');
  });

  it('reads the install hint and lists clients in words', () => {
    expect(installHint(MISSING_UV)).toEqual({ what: 'uv', url: 'https://docs.astral.sh/uv/' });
    expect(installHint('Install Node.js (https://nodejs.org/), then press Restart')).toEqual({
      what: 'Node.js',
      url: 'https://nodejs.org/',
    });
    expect(installHint('It exited with code 1.')).toBeNull();
    expect(formatClients(['Zed'])).toBe('Used by Zed now');
    expect(formatClients(['A', 'B', 'C'])).toBe('Used by A, B and C now');
    // As people know them, each once (two Claude Desktop windows send the same name).
    expect(formatClients(['claude-ai', 'gemini-cli-mcp-client', 'Claude Desktop'])).toBe(
      'Used by Claude Desktop and Gemini CLI now',
    );
  });
});
