// @vitest-environment happy-dom
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { GITHUB, flow, openAdd } from '../../test/add-fixtures';
import { makeCatalogEntry } from '../../test/fake-api';

const writeText = vi.fn<(text: string) => Promise<void>>();
beforeEach(() => {
  writeText.mockReset().mockResolvedValue(undefined);
  Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
});

describe('signing in', () => {
  it('guides the user through their own OAuth client first', async () => {
    const fake = await openAdd(
      makeCatalogEntry({
        id: 'google-calendar',
        name: 'Google Calendar',
        auth: 'oauth',
        needsOwnClient: true,
        clientSetup: {
          title: 'Create a Google Cloud OAuth client',
          url: 'https://console.cloud.google.com/apis/credentials',
          steps: ['Create a project.', 'Create an OAuth client of type Desktop app.'],
          needsSecret: true,
          redirectUri: 'http://127.0.0.1/oauth/callback',
        },
      }),
    );
    fireEvent.click(flow().getByRole('button', { name: 'Add and set up sign-in' }));
    const setup = await screen.findByTestId('client-setup');
    expect(
      within(setup)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(['Create a project.', 'Create an OAuth client of type Desktop app.']);
    expect(
      within(setup)
        .getByRole('link', { name: /console.cloud.google.com/ })
        .getAttribute('target'),
    ).toBe('_blank');
    expect(within(setup).getByTestId('redirect-uri').textContent).toBe('http://127.0.0.1/oauth/callback');
    fireEvent.click(within(setup).getByTestId('redirect-uri-copy'));
    await waitFor(() => expect(writeText).toHaveBeenCalledWith('http://127.0.0.1/oauth/callback'));
    expect(fake.api.startSignIn).not.toHaveBeenCalled();

    fireEvent.click(within(setup).getByRole('button', { name: 'Save and sign in' }));
    expect(within(setup).getByText(/Paste the client ID/)).toBeTruthy();
    fireEvent.change(within(setup).getByLabelText('Client ID'), {
      target: { value: ' 123.apps.googleusercontent.com ' },
    });
    const secret = within(setup).getByLabelText('Client secret');
    expect(secret.getAttribute('type')).toBe('password');
    fireEvent.change(secret, { target: { value: 'GOCSPX-abc' } });
    fireEvent.click(within(setup).getByRole('button', { name: 'Save and sign in' }));

    expect(await screen.findByTestId('sign-in-panel')).toBeTruthy();
    expect(fake.api.setOAuthClient).toHaveBeenCalledWith({
      id: 'google-calendar',
      clientId: '123.apps.googleusercontent.com',
      clientSecret: 'GOCSPX-abc',
    });
    expect(fake.api.startSignIn).toHaveBeenCalledWith({ id: 'google-calendar', openBrowser: true });
  });

  it('takes a pasted token instead of the browser', async () => {
    const fake = await openAdd(
      makeCatalogEntry({
        id: 'github',
        name: 'GitHub',
        auth: 'device',
        manualToken: {
          label: 'Personal access token',
          help: 'A fine-grained token with repo access.',
          url: 'https://github.com/settings/tokens',
        },
      }),
    );
    fireEvent.click(flow().getByRole('button', { name: 'Add and sign in' }));
    await waitFor(() => expect(fake.signInWaiters('github')).toBe(1));
    const manual = screen.getByTestId('manual-token');
    fireEvent.click(within(manual).getByText('Use a personal access token instead'));
    fireEvent.click(within(manual).getByRole('button', { name: 'Sign in with this token' }));
    expect(within(manual).getByText('Paste your personal access token first.')).toBeTruthy();
    fireEvent.change(within(manual).getByLabelText('Personal access token'), {
      target: { value: 'github_pat_1' },
    });
    fireEvent.click(within(manual).getByRole('button', { name: 'Sign in with this token' }));
    expect(await screen.findByTestId('step-clients')).toBeTruthy();
    expect(fake.api.cancelSignIn).toHaveBeenCalledWith({ id: 'github' });
    expect(fake.api.signInWithToken).toHaveBeenCalledWith({ id: 'github', token: 'github_pat_1' });
  });

  it('lets the user sign in later and says the service waits for it', async () => {
    const fake = await openAdd(GITHUB);
    fireEvent.click(flow().getByRole('button', { name: 'Add and sign in' }));
    fireEvent.click(await screen.findByTestId('sign-in-later'));
    fireEvent.click(await screen.findByRole('button', { name: 'Apply to Claude Desktop' }));
    const done = await screen.findByTestId('step-done');
    expect(within(done).getByTestId('done-sign-in-pending').textContent).toContain('starts once you sign in');
    expect(fake.api.applyClientConfig).toHaveBeenCalledWith({ client: 'claude-desktop' });
  });
});

describe('unknown integrations', () => {
  it('says so and points to the catalog', async () => {
    await openAdd(GITHUB);
    window.location.hash = '#/add/nope';
    act(() => {
      window.dispatchEvent(new HashChangeEvent('hashchange'));
    });
    expect((await screen.findByTestId('add-unknown')).textContent).toContain('MCP Tray does not know “nope”');
  });
});
