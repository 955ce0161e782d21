// @vitest-environment happy-dom
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../../../electron/shared/api';
import { GITHUB_ID, renderGithub } from '../../test/account-fixtures';
import type { FakeApi } from '../../test/fake-api';

const BROWSER_URL = `https://github.com/login/oauth/authorize?client_id=mcp-tray&state=${GITHUB_ID}`;
const writeText = vi.fn<(text: string) => Promise<void>>();

beforeEach(() => {
  writeText.mockReset().mockResolvedValue(undefined);
  Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
});

afterEach(() => {
  vi.useRealTimers();
});

/** Connect, then wait until the card waits for the user (the fake holds one waiter). */
async function connect(fake: FakeApi) {
  fireEvent.click(screen.getByTestId('account-connect'));
  const panel = await screen.findByTestId('sign-in-panel');
  await waitFor(() => expect(fake.signInWaiters(GITHUB_ID)).toBe(1));
  return panel;
}

describe('Signing in in the browser', () => {
  it('opens the browser, waits, and says who signed in', async () => {
    const { fake, card } = await renderGithub();
    const panel = await connect(fake);
    expect(fake.api.startSignIn).toHaveBeenCalledWith({ id: GITHUB_ID, openBrowser: true });
    expect(fake.api.waitSignIn).toHaveBeenCalledWith({ id: GITHUB_ID });

    expect(within(panel).getByRole('heading').textContent).toBe('Finish signing in in your browser');
    expect(within(panel).getByTestId('sign-in-url').textContent).toBe(BROWSER_URL);
    const again = within(panel).getByRole('link', { name: 'Open again' });
    expect(again.getAttribute('href')).toBe(BROWSER_URL);
    expect(again.getAttribute('target')).toBe('_blank');
    expect(again.getAttribute('rel')).toBe('noreferrer');
    expect(panel.querySelector('.sign-in__waiting')?.textContent).toContain('Waiting for you');
    // While the panel waits, its own actions are the ones that make sense.
    expect(within(card).queryByTestId('account-connect')).toBeNull();

    fireEvent.click(within(panel).getByRole('button', { name: 'Copy link' }));
    await waitFor(() => expect(writeText).toHaveBeenCalledWith(BROWSER_URL));

    await act(async () => {
      fake.finishSignIn(GITHUB_ID, 'octocat', { scopes: ['repo'] });
    });
    const success = await screen.findByTestId('sign-in-success');
    expect(success.textContent).toBe('Signed in as octocat.');
    expect(screen.queryByTestId('sign-in-panel')).toBeNull();
    // The card refetches and shows the account, and the service starts.
    await waitFor(() =>
      expect(within(card).getByTestId('account-status').textContent).toBe('Signed in as octocat'),
    );
    expect(within(card).getByTestId('account-connect').textContent).toBe('Reconnect');
    expect(within(card).getByTestId('account-expiry').textContent).toMatch(/^Renews automatically in/);
    expect(screen.getByTestId('detail-status').textContent).toContain('Starting');
  });

  it('shows what went wrong in the core’s words, and tries again', async () => {
    const { fake } = await renderGithub();
    await connect(fake);
    await act(async () => {
      fake.failSignIn(GITHUB_ID, 'You declined access at GitHub. Sign in again and choose Authorize.');
    });
    const error = await screen.findByTestId('sign-in-error');
    expect(error.getAttribute('role')).toBe('alert');
    expect(error.textContent).toContain('You declined access at GitHub.');
    expect(screen.queryByTestId('sign-in-panel')).toBeNull();

    fireEvent.click(within(error).getByRole('button', { name: 'Try again' }));
    expect(await screen.findByTestId('sign-in-panel')).toBeTruthy();
    expect(screen.queryByTestId('sign-in-error')).toBeNull();
    expect(fake.api.startSignIn).toHaveBeenCalledTimes(2);
  });

  it('says so when the sign-in cannot even start', async () => {
    const { fake } = await renderGithub();
    fake.api.startSignIn.mockRejectedValueOnce(
      new ApiError({
        code: 'keychain-unavailable',
        message: 'The keychain is locked. Unlock it and try again.',
      }),
    );
    fireEvent.click(screen.getByTestId('account-connect'));
    expect((await screen.findByTestId('sign-in-error')).textContent).toContain('The keychain is locked.');
    expect(fake.api.waitSignIn).not.toHaveBeenCalled();
  });

  it('cancels, without calling that an error', async () => {
    const { fake, card } = await renderGithub();
    const panel = await connect(fake);
    fireEvent.click(within(panel).getByTestId('sign-in-cancel'));
    expect(fake.api.cancelSignIn).toHaveBeenCalledWith({ id: GITHUB_ID });
    await waitFor(() => expect(screen.queryByTestId('sign-in-panel')).toBeNull());
    expect(screen.queryByTestId('sign-in-error')).toBeNull();
    expect(fake.signInWaiters(GITHUB_ID)).toBeNull();
    const connectButton = within(card).getByTestId('account-connect');
    expect(connectButton.textContent).toBe('Connect');
    expect(document.activeElement).toBe(connectButton);
  });

  it('shows the running sign-in again when one is already waiting', async () => {
    const { fake, card } = await renderGithub();
    // Started elsewhere (the CLI, another window) before the card was shown.
    await act(async () => {
      await fake.api.startSignIn({ id: GITHUB_ID, openBrowser: true });
    });
    fireEvent.click(within(card).getByTestId('account-connect'));
    const panel = await screen.findByTestId('sign-in-panel');
    expect(within(panel).getByTestId('sign-in-url').textContent).toBe(BROWSER_URL);
    await waitFor(() => expect(fake.signInWaiters(GITHUB_ID)).toBe(1));
    await act(async () => {
      fake.finishSignIn(GITHUB_ID, 'octocat');
    });
    expect((await screen.findByTestId('sign-in-success')).textContent).toBe('Signed in as octocat.');
  });
});

describe('Signing in with a device code', () => {
  it('shows the code big and copyable, where to enter it, and how long it lasts', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval', 'Date'] });
    vi.setSystemTime(new Date('2025-03-01T10:00:00.000Z'));
    const { fake } = await renderGithub({ method: 'device' });
    const panel = await connect(fake);
    expect(within(panel).getByRole('heading').textContent).toBe('Enter the code in your browser');
    expect(within(panel).getByTestId('device-code').textContent).toBe('WDJB-MJHT');
    const link = within(panel).getByTestId('sign-in-url');
    expect(link.textContent).toBe('https://github.com/login/device');
    expect(link.getAttribute('href')).toBe('https://github.com/login/device');
    expect(link.getAttribute('target')).toBe('_blank');
    expect(within(panel).getByRole('link', { name: 'Open sign-in page' }).getAttribute('rel')).toBe(
      'noreferrer',
    );

    const expiry = within(panel).getByRole('timer');
    expect(expiry.textContent).toBe('Code expires in 15:00');
    act(() => {
      vi.advanceTimersByTime(61_000);
    });
    expect(expiry.textContent).toBe('Code expires in 13:59');

    fireEvent.click(within(panel).getByRole('button', { name: 'Copy code' }));
    await waitFor(() => expect(writeText).toHaveBeenCalledWith('WDJB-MJHT'));

    await act(async () => {
      fake.failSignIn(GITHUB_ID, 'The code expired before it was entered. Try again for a new one.');
    });
    expect((await screen.findByTestId('sign-in-error')).textContent).toContain('The code expired');
  });
});

describe('Disconnecting', () => {
  it('asks first, explaining that the service stops, then signs out', async () => {
    const { fake, card } = await renderGithub({ signedIn: true, label: 'octocat', scopes: ['repo'] });
    const disconnect = within(card).getByTestId('account-disconnect');
    expect(disconnect.getAttribute('aria-haspopup')).toBe('dialog');

    fireEvent.click(disconnect);
    let dialog = screen.getByRole('alertdialog', { name: 'Disconnect GitHub (work)?' });
    expect(dialog.textContent).toContain('signs you out of octocat');
    expect(dialog.textContent).toContain('GitHub (work) stops');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(screen.queryByRole('alertdialog')).toBeNull());
    expect(fake.api.signOut).not.toHaveBeenCalled();

    fireEvent.click(disconnect);
    dialog = screen.getByRole('alertdialog', { name: 'Disconnect GitHub (work)?' });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Disconnect' }));
    expect(fake.api.signOut).toHaveBeenCalledWith({ id: GITHUB_ID });
    await waitFor(() => expect(screen.queryByRole('alertdialog')).toBeNull());
    await waitFor(() => expect(within(card).getByTestId('account-status').textContent).toBe('Not signed in'));
    expect(within(card).queryByTestId('account-disconnect')).toBeNull();
    expect(within(card).getByTestId('account-connect').textContent).toBe('Connect');
    expect(screen.getByTestId('detail-status').textContent).toContain('Needs sign-in');
  });

  it('keeps the dialog open with the error when signing out fails', async () => {
    const { fake, card } = await renderGithub({ signedIn: true, label: 'octocat' });
    fake.api.signOut.mockRejectedValueOnce(
      new ApiError({ code: 'internal', message: 'The keychain refused to delete the sign-in.' }),
    );
    fireEvent.click(within(card).getByTestId('account-disconnect'));
    const dialog = screen.getByRole('alertdialog');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Disconnect' }));
    expect((await within(dialog).findByTestId('dialog-error')).textContent).toBe(
      'The keychain refused to delete the sign-in.',
    );
  });
});
