// @vitest-environment happy-dom
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { ClientSetup, ManualToken } from '../../../../electron/shared/contract';
import { GITHUB_ID, renderGithub } from '../../test/account-fixtures';
import { requestSignIn } from './sign-in-request';

const writeText = vi.fn<(text: string) => Promise<void>>();
beforeEach(() => {
  writeText.mockReset().mockResolvedValue(undefined);
  Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
});

const GOOGLE_SETUP: ClientSetup = {
  title: 'Use your own Google Cloud OAuth client',
  url: 'https://console.cloud.google.com/apis/credentials',
  steps: ['Create a project.', 'Create an OAuth client of type Desktop app.'],
  needsSecret: true,
  redirectUri: 'http://127.0.0.1/callback',
};

const PAT: ManualToken = {
  label: 'Fine-grained personal access token',
  help: 'Select the repositories to use.',
  url: 'https://github.com/settings/personal-access-tokens/new',
};

describe('Account card: the user’s own OAuth client', () => {
  it('walks through the set-up (steps, redirect URI with Copy), saves it and signs in', async () => {
    const { fake, card } = await renderGithub({
      needsClientId: true,
      clientId: null,
      clientSetup: GOOGLE_SETUP,
    });
    const setup = within(within(card).getByTestId('client-setup'));
    expect(setup.getByRole('heading', { name: GOOGLE_SETUP.title })).toBeTruthy();
    const steps = setup.getByTestId('client-setup-steps').querySelectorAll('li');
    expect(Array.from(steps, (li) => li.textContent)).toEqual(GOOGLE_SETUP.steps);
    expect(setup.getByTestId('redirect-uri').textContent).toBe('http://127.0.0.1/callback');
    fireEvent.click(setup.getByRole('button', { name: 'Copy' }));
    await waitFor(() => expect(writeText).toHaveBeenCalledWith('http://127.0.0.1/callback'));
    // Nothing to connect with yet.
    expect(within(card).queryByTestId('account-connect')).toBeNull();

    fireEvent.click(setup.getByRole('button', { name: 'Save and sign in' }));
    expect(setup.getByText(/Paste the client ID/)).toBeTruthy();
    expect(fake.api.setOAuthClient).not.toHaveBeenCalled();
    fireEvent.change(setup.getByLabelText('Client ID'), {
      target: { value: ' 123.apps.googleusercontent.com ' },
    });
    fireEvent.change(setup.getByLabelText('Client secret'), { target: { value: 'GOCSPX-abc' } });
    fireEvent.click(setup.getByRole('button', { name: 'Save and sign in' }));

    expect(await screen.findByTestId('sign-in-panel')).toBeTruthy();
    expect(fake.api.setOAuthClient).toHaveBeenCalledWith({
      id: GITHUB_ID,
      clientId: '123.apps.googleusercontent.com',
      clientSecret: 'GOCSPX-abc',
    });
    expect(fake.api.startSignIn).toHaveBeenCalledWith({ id: GITHUB_ID, openBrowser: true });
    await waitFor(() => expect(within(card).queryByTestId('client-setup')).toBeNull());
  });

  it('asks for the client id only where no secret is needed, and waits for it before a requested sign-in', async () => {
    requestSignIn(GITHUB_ID);
    const { fake, card } = await renderGithub({
      needsClientId: true,
      clientId: null,
      clientSetup: { ...GOOGLE_SETUP, needsSecret: false, redirectUri: null },
    });
    const setup = within(within(card).getByTestId('client-setup'));
    expect(setup.queryByLabelText('Client secret')).toBeNull();
    expect(setup.queryByTestId('redirect-uri')).toBeNull();
    expect(fake.api.startSignIn).not.toHaveBeenCalled();
  });

  it('says so when it does not know how to set one up', async () => {
    const { card } = await renderGithub({ needsClientId: true, clientId: null, clientSetup: null });
    expect(within(card).getByTestId('client-setup-unknown').textContent).toContain(
      'needs your own sign-in app',
    );
  });
});

describe('Account card: a pasted token', () => {
  it('offers a token instead of the browser, signs in with it, and says so', async () => {
    const { fake, card } = await renderGithub({ manualToken: PAT });
    const form = within(card).getByTestId('manual-token');
    expect(form.querySelector('summary')?.textContent).toBe(
      'Use a fine-grained personal access token instead',
    );
    expect(form.hasAttribute('open')).toBe(false);
    fireEvent.click(form.querySelector('summary')!);
    const input = within(form).getByLabelText(PAT.label);
    expect(input.getAttribute('type')).toBe('password');
    fireEvent.change(input, { target: { value: ' github_pat_123 ' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Sign in with this token' }));

    const done = await within(card).findByTestId('token-sign-in-success');
    expect(done.textContent).toBe('Signed in with your token.');
    expect(fake.api.signInWithToken).toHaveBeenCalledWith({ id: GITHUB_ID, token: 'github_pat_123' });
    await waitFor(() => expect(document.activeElement).toBe(done));
    await waitFor(() =>
      expect(within(card).getByTestId('account-status').textContent).toBe('Signed in with a token as token'),
    );
    expect(document.body.innerHTML).not.toContain('github_pat_123');
  });

  it('cancels a browser sign-in that is still waiting when a token is used instead', async () => {
    const { fake, card } = await renderGithub({ manualToken: PAT });
    fireEvent.click(within(card).getByTestId('account-connect'));
    await screen.findByTestId('sign-in-panel');
    await waitFor(() => expect(fake.signInWaiters(GITHUB_ID)).toBe(1));
    const form = within(card).getByTestId('manual-token');
    fireEvent.change(within(form).getByLabelText(PAT.label), { target: { value: 'github_pat_1' } });
    await act(async () => {
      fireEvent.click(within(form).getByRole('button', { name: 'Sign in with this token' }));
    });
    await waitFor(() => expect(fake.api.cancelSignIn).toHaveBeenCalledWith({ id: GITHUB_ID }));
    expect(await within(card).findByTestId('token-sign-in-success')).toBeTruthy();
  });

  it('is also there for someone signed in, next to Reconnect', async () => {
    const { card } = await renderGithub({ signedIn: true, label: 'octocat', manualToken: PAT });
    expect(within(card).getByTestId('account-connect').textContent).toBe('Reconnect');
    expect(within(card).getByTestId('manual-token')).toBeTruthy();
  });

  it('shows a token sign-in without a renewal countdown: nothing renews it', async () => {
    const { card } = await renderGithub({
      signedIn: true,
      manual: true,
      label: 'octocat',
      expiresAt: new Date(Date.now() + 3_600_000).toISOString(),
      manualToken: PAT,
    });
    expect(within(card).getByTestId('account-status').textContent).toBe('Signed in with a token as octocat');
    expect(within(card).queryByTestId('account-expiry')).toBeNull();
    expect(within(card).getByTestId('account-manual').textContent).toContain('This token is not renewed');
  });

  it('opens the token form at once when the pasted token stopped working', async () => {
    const { card } = await renderGithub({ signedIn: false, manual: true, manualToken: PAT });
    expect(within(card).getByTestId('manual-token').hasAttribute('open')).toBe(true);
  });
});
