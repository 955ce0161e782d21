// @vitest-environment happy-dom
import { act, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderGithub } from '../../test/account-fixtures';
import { createFakeApi, makeDetail } from '../../test/fake-api';
import { renderScreen } from '../../test/render';
import { InstanceDetailScreen } from '../instance-detail/instance-detail-screen';
import { RENEWAL_TICK_MS } from './account-status';

afterEach(() => {
  vi.useRealTimers();
});

const tabs = () => screen.getAllByRole('tab');

describe('Account card', () => {
  it('comes first, and opens, for a service that needs a sign-in', async () => {
    const { card } = await renderGithub();
    expect(tabs()[0]!.textContent).toBe('Account');
    expect(tabs()[0]!.getAttribute('aria-selected')).toBe('true');
    expect(within(card).getByRole('heading', { name: 'Account' })).toBeTruthy();
  });

  it('is not there for a service without one', async () => {
    const { api } = createFakeApi({ details: [makeDetail({ id: 'notes', name: 'Notes' })] });
    renderScreen(<InstanceDetailScreen id="notes" />, { api });
    await screen.findByRole('heading', { level: 1, name: 'Notes' });
    expect(screen.queryByTestId('tab-account')).toBeNull();
    expect(screen.queryByTestId('account-card')).toBeNull();
    expect(tabs()[0]!.textContent).toBe('Overview');
    expect(tabs()[0]!.getAttribute('aria-selected')).toBe('true');
  });

  it('says when nobody is signed in, and offers Connect only', async () => {
    const { card } = await renderGithub();
    expect(within(card).getByTestId('account-status').textContent).toBe('Not signed in');
    expect(within(card).getByTestId('account-connect').textContent).toBe('Connect');
    expect(within(card).queryByTestId('account-disconnect')).toBeNull();
    expect(within(card).queryByTestId('account-scopes')).toBeNull();
    expect(within(card).queryByTestId('account-expiry')).toBeNull();
    expect(within(card).queryByTestId('sign-in-panel')).toBeNull();
  });

  it('shows who is signed in, the access granted, and when it renews by itself', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval', 'Date'] });
    vi.setSystemTime(new Date('2025-03-01T10:00:00.000Z'));
    const { card } = await renderGithub({
      signedIn: true,
      label: 'octocat',
      scopes: ['repo', 'read:org'],
      expiresAt: '2025-03-01T10:23:10.000Z',
    });
    expect(within(card).getByTestId('account-status').textContent).toBe('Signed in as octocat');
    const scopes = within(card).getByRole('list', { name: 'Allowed access' });
    expect(
      within(scopes)
        .getAllByRole('listitem')
        .map((chip) => chip.textContent),
    ).toEqual(['repo', 'read:org']);
    const expiry = within(card).getByTestId('account-expiry');
    expect(expiry.textContent).toBe('Renews automatically in 23 min');
    expect(expiry.querySelector('time')?.getAttribute('dateTime')).toBe('2025-03-01T10:23:10.000Z');

    // The renewal tick is set up by an effect: let pending effects run before the clock moves.
    await act(async () => undefined);
    act(() => {
      vi.advanceTimersByTime(RENEWAL_TICK_MS);
    });
    expect(expiry.textContent).toBe('Renews automatically in 22 min');

    expect(within(card).getByTestId('account-connect').textContent).toBe('Reconnect');
    expect(within(card).getByTestId('account-disconnect').textContent).toBe('Disconnect…');
  });

  it('mentions a sign-in that is still waiting, started elsewhere', async () => {
    const { card } = await renderGithub({ pending: true });
    expect(within(card).getByTestId('account-pending').textContent).toContain('waiting to be finished');
  });
});
