// @vitest-environment happy-dom
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { StrictMode } from 'react';
import { describe, expect, it } from 'vitest';
import { App } from '../app';
import { GITHUB_ID, githubDetail } from '../test/account-fixtures';
import { createFakeApi, makeInstance } from '../test/fake-api';
import { renderScreen } from '../test/render';

const rowOf = (id: string) =>
  screen.getAllByTestId('instance-row').find((row) => row.getAttribute('data-instance-id') === id)!;

describe('A service that needs a sign-in, in the list', () => {
  it('offers "Sign in", which opens its Account tab and starts signing in', async () => {
    const fake = createFakeApi({
      instances: [makeInstance({ id: 'notes', name: 'Notes' })],
      details: [githubDetail()],
    });
    window.location.hash = '#/services';
    // As in the app: effects run twice, and the sign-in must still start once.
    renderScreen(
      <StrictMode>
        <App />
      </StrictMode>,
      { api: fake.api },
    );
    await screen.findAllByTestId('instance-row');
    expect(within(rowOf('notes')).queryByTestId('row-sign-in')).toBeNull();

    const signIn = within(rowOf(GITHUB_ID)).getByTestId('row-sign-in');
    expect(signIn.textContent).toBe('Sign in to use GitHub (work)');
    fireEvent.click(signIn);

    const card = await screen.findByTestId('account-card');
    expect(window.location.hash).toBe(`#/services/${GITHUB_ID}`);
    expect(screen.getByTestId('tab-account').getAttribute('aria-selected')).toBe('true');
    expect(await within(card).findByTestId('sign-in-panel')).toBeTruthy();
    expect(fake.api.startSignIn).toHaveBeenCalledTimes(1);
    expect(fake.api.startSignIn).toHaveBeenCalledWith({ id: GITHUB_ID, openBrowser: true });

    await waitFor(() => expect(fake.signInWaiters(GITHUB_ID)).toBe(1));
    await act(async () => {
      fake.finishSignIn(GITHUB_ID, 'octocat');
    });
    expect((await screen.findByTestId('sign-in-success')).textContent).toBe('Signed in as octocat.');
  });

  it('starts only once: coming back to the detail later does not sign in again', async () => {
    const fake = createFakeApi({ details: [githubDetail()] });
    window.location.hash = '#/services';
    renderScreen(<App />, { api: fake.api });
    fireEvent.click(await screen.findByTestId('row-sign-in'));
    await screen.findByTestId('sign-in-panel');

    fireEvent.click(screen.getByRole('link', { name: 'Back to services' }));
    await screen.findByTestId('services-screen');
    fireEvent.click(await screen.findByRole('link', { name: 'GitHub (work)' }));
    const card = await screen.findByTestId('account-card');
    expect(within(card).queryByTestId('sign-in-panel')).toBeNull();
    expect(fake.api.startSignIn).toHaveBeenCalledTimes(1);
  });
});
