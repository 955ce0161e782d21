// @vitest-environment happy-dom
import { act, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../../electron/shared/api';
import { createConnectionStore } from '../api/connection-store';
import { createFakeApi, makeInstance } from '../test/fake-api';
import { renderScreen } from '../test/render';
import { ServicesScreen } from './services-screen';

afterEach(() => {
  vi.useRealTimers();
});

describe('ServicesScreen', () => {
  it('tells the user what to do when there are no services', async () => {
    const { api } = createFakeApi({ instances: [] });
    renderScreen(<ServicesScreen />, { api });
    const empty = await screen.findByTestId('services-empty');
    expect(within(empty).getByRole('heading', { name: 'No services yet' })).toBeTruthy();
    expect(empty.textContent).toContain('appear here with their live status');
    expect(within(empty).getByRole('link', { name: 'Add a service' }).getAttribute('href')).toBe('#/add');
    expect(screen.getByRole('heading', { level: 1, name: 'Services' })).toBeTruthy();
  });

  it('links each row to its detail by the service name', async () => {
    const { api } = createFakeApi({
      instances: [makeInstance({ id: 'notes', name: 'Notes' }), makeInstance({ id: 'files', name: 'Files' })],
    });
    renderScreen(<ServicesScreen />, { api });
    const rows = await screen.findAllByTestId('instance-row');
    const link = within(rows[0]!).getByRole('link', { name: 'Notes' });
    expect(link.getAttribute('href')).toBe('#/services/notes');
    expect(within(rows[1]!).getByRole('link', { name: 'Files' }).getAttribute('href')).toBe(
      '#/services/files',
    );
    // One tab stop per row: the link is the only focusable thing in it.
    expect(rows[0]!.querySelectorAll('a, button, [tabindex]')).toHaveLength(1);
  });

  it('counts down to the next retry of a service that is backing off', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval', 'Date'] });
    vi.setSystemTime(new Date('2025-03-01T10:00:00.000Z'));
    const { api } = createFakeApi({
      instances: [
        makeInstance({
          state: 'backoff',
          stateReason: 'It crashed 2 times in a row.',
          nextRetryAt: '2025-03-01T10:00:05.000Z',
        }),
        makeInstance({ id: 'ok', state: 'running', nextRetryAt: null }),
      ],
    });
    renderScreen(<ServicesScreen />, { api });
    const countdown = await screen.findByTestId('retry-countdown');
    expect(countdown.textContent).toBe('Retrying in 5 s');
    expect(countdown.getAttribute('role')).toBe('timer');
    // The ticking interval is set up by an effect: let pending effects run before the clock moves.
    await act(async () => undefined);
    act(() => {
      vi.advanceTimersByTime(1000);
    });
    expect(countdown.textContent).toBe('Retrying in 4 s');
    act(() => {
      vi.advanceTimersByTime(2500);
    });
    expect(countdown.textContent).toBe('Retrying in 2 s');
    act(() => {
      vi.advanceTimersByTime(5000);
    });
    expect(countdown.textContent).toBe('Retrying now…');
    expect(screen.getAllByTestId('retry-countdown')).toHaveLength(1);
  });

  it('lists instances with a worded status badge, reason and tool count', async () => {
    const { api } = createFakeApi({
      instances: [
        makeInstance({ id: 'a', name: 'GitHub', state: 'running', toolCount: 12 }),
        makeInstance({
          id: 'b',
          name: 'Notion',
          integrationId: 'notion',
          state: 'needs-auth',
          stateReason: 'Sign in to Notion to continue.',
          toolCount: 1,
        }),
      ],
    });
    renderScreen(<ServicesScreen />, { api });
    const rows = await screen.findAllByTestId('instance-row');
    expect(rows).toHaveLength(2);
    const notion = within(rows[1]!);
    expect(notion.getByText('Notion')).toBeTruthy();
    expect(notion.getByText('notion')).toBeTruthy();
    expect(notion.getByTestId('status-badge').textContent).toBe('Needs sign-in');
    expect(notion.getByTestId('status-badge').querySelector('svg')).toBeTruthy();
    expect(notion.getByText('Sign in to Notion to continue.')).toBeTruthy();
    expect(notion.getByText('1 tool')).toBeTruthy();
    expect(within(rows[0]!).getByTestId('status-badge').textContent).toBe('Running');
    expect(within(rows[0]!).getByText('12 tools')).toBeTruthy();
  });

  it('updates live when the core reports changed instances', async () => {
    const fake = createFakeApi({ instances: [makeInstance({ state: 'starting' })] });
    renderScreen(<ServicesScreen />, { api: fake.api });
    expect((await screen.findByTestId('status-badge')).textContent).toBe('Starting');

    act(() => fake.emitInstances([makeInstance({ state: 'failed', stateReason: 'It crashed.' })]));
    expect(screen.getByTestId('status-badge').textContent).toBe('Failed');
    expect(screen.getByText('It crashed.')).toBeTruthy();

    act(() => fake.emitInstances([]));
    expect(screen.getByTestId('services-empty')).toBeTruthy();
  });

  it('shows an error with a retry that loads again', async () => {
    const { api } = createFakeApi();
    api.listInstances.mockRejectedValueOnce(new ApiError({ code: 'internal', message: 'The core stopped.' }));
    api.listInstances.mockResolvedValueOnce([makeInstance({ name: 'Linear' })]);
    renderScreen(<ServicesScreen />, { api });

    const error = await screen.findByTestId('error-state');
    expect(error.textContent).toContain('The core stopped.');
    fireEvent.click(within(error).getByRole('button', { name: 'Try again' }));

    expect((await screen.findByTestId('instance-row')).textContent).toContain('Linear');
    expect(api.listInstances).toHaveBeenCalledTimes(2);
  });

  it('waits for the connection, then refetches after a reconnect', async () => {
    const { api } = createFakeApi({ instances: [makeInstance({ name: 'First' })] });
    const connection = createConnectionStore('connecting');
    renderScreen(<ServicesScreen />, { api, connection });
    expect(screen.getByTestId('loading-state')).toBeTruthy();
    expect(api.listInstances).not.toHaveBeenCalled();

    act(() => connection.set('open'));
    expect((await screen.findByTestId('instance-row')).textContent).toContain('First');

    api.listInstances.mockResolvedValueOnce([makeInstance({ name: 'Second' })]);
    act(() => connection.set('reconnecting'));
    expect(screen.getByTestId('instance-row').textContent).toContain('First');
    act(() => connection.set('open'));
    expect(await screen.findByText('Second')).toBeTruthy();
    expect(api.listInstances).toHaveBeenCalledTimes(2);
  });
});
