// @vitest-environment happy-dom
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../../../electron/shared/api';
import { createConnectionStore } from '../../api/connection-store';
import {
  createFakeApi,
  makeDetail,
  makeInstance,
  makeTool,
  makeToolCall,
  makeToolCalls,
} from '../../test/fake-api';
import { liveUpdate } from '../../test/frames';
import { renderScreen } from '../../test/render';
import { InstanceDetailScreen } from './instance-detail-screen';
import { POLL_MS } from './use-instance-detail';

const MB = 1024 * 1024;

const notes = makeDetail({
  id: 'notes',
  name: 'Notes',
  integrationId: 'custom',
  state: 'running',
  pid: 4321,
  command: 'npx',
  args: ['-y', 'notes-server', '--root', '/Users/ada/My Notes'],
  envNames: ['LOG_LEVEL'],
  secretEnvNames: ['NOTES_TOKEN'],
  history: [
    { state: 'starting', reason: null, at: '2025-03-01T10:00:00.000Z' },
    { state: 'failed', reason: 'It exited with code 1.', at: '2025-03-01T10:00:01.000Z' },
    { state: 'running', reason: null, at: '2025-03-01T10:00:09.000Z' },
  ],
  tools: [
    makeTool({ name: 'search_notes', title: 'Search notes', description: 'Finds notes by text.' }),
    makeTool({ name: 'add_note' }),
  ],
  resourceCount: 2,
  promptCount: 1,
  serverInfo: { name: 'notes-server', version: '1.4.2' },
  stderrTail: ['Notes server listening', 'warning: index is stale'],
  stats: { cpuPercent: 1.25, rssBytes: 52 * MB, processCount: 3 },
  restarts: 2,
  garbageLines: 3,
});

const status = () => within(screen.getByTestId('detail-status'));

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe('InstanceDetailScreen', () => {
  it('shows the name, status and reason, with a way back to the list', async () => {
    const { api } = createFakeApi({
      details: [makeDetail({ id: 'notes', name: 'Notes', state: 'failed', stateReason: 'It crashed.' })],
    });
    renderScreen(<InstanceDetailScreen id="notes" />, { api });
    expect(await screen.findByRole('heading', { level: 1, name: 'Notes' })).toBeTruthy();
    expect(status().getByTestId('status-badge').textContent).toBe('Failed');
    expect(screen.getByTestId('state-reason').textContent).toBe('It crashed.');
    expect(screen.getByRole('link', { name: 'Back to services' }).getAttribute('href')).toBe('#/services');
    expect(api.getInstance).toHaveBeenCalledWith({ id: 'notes' });
    // The title follows the loaded detail in an effect, a render after the heading.
    await waitFor(() => expect(document.title).toBe('Notes – Services – MCP Tray'));
  });

  it('shows the state history newest first, and the server it reports', async () => {
    const { api } = createFakeApi({ details: [notes] });
    renderScreen(<InstanceDetailScreen id="notes" />, { api });
    const history = await screen.findByTestId('state-history');
    const entries = within(history).getAllByTestId('history-entry');
    expect(entries.map((e) => within(e).getByTestId('status-badge').textContent)).toEqual([
      'Running',
      'Failed',
      'Starting',
    ]);
    expect(entries[1]!.textContent).toContain('It exited with code 1.');
    expect(entries[0]!.querySelector('time')?.getAttribute('dateTime')).toBe('2025-03-01T10:00:09.000Z');
    const overview = screen.getByTestId('panel-overview');
    expect(overview.textContent).toContain('notes-server');
    expect(overview.textContent).toContain('1.4.2');
    expect(overview.textContent).toContain('2 tools, 2 resources, 1 prompt');
    expect(within(overview).getByText('Restarts').nextElementSibling?.textContent).toBe('2');
  });

  it('lists the tools, or says there are none', async () => {
    const { api } = createFakeApi({ details: [notes, makeDetail({ id: 'empty', name: 'Empty' })] });
    renderScreen(<InstanceDetailScreen id="notes" />, { api });
    const rows = await screen.findAllByTestId('tool-row');
    expect(rows).toHaveLength(2);
    expect(rows[0]!.textContent).toContain('Search notes');
    expect(rows[0]!.textContent).toContain('search_notes');
    expect(rows[0]!.textContent).toContain('Finds notes by text.');
    expect(rows[1]!.textContent).toBe('add_note');
    expect(screen.getByRole('tab', { name: 'Tools 2' })).toBeTruthy();
  });

  it('shows an empty state when the server offers no tools and wrote no errors', async () => {
    const { api } = createFakeApi({
      details: [makeDetail({ id: 'empty', name: 'Empty', stats: null, pid: null })],
    });
    renderScreen(<InstanceDetailScreen id="empty" />, { api });
    expect(await screen.findByTestId('tools-empty')).toBeTruthy();
    expect(screen.getByTestId('stderr-empty')).toBeTruthy();
    expect(screen.queryByTestId('stderr-tail')).toBeNull();
    expect(screen.queryByTestId('garbage-lines')).toBeNull();
    expect(screen.getByTestId('panel-process').textContent).toContain('Not running');
  });

  it('shows the process: pid, CPU, memory, command line and variable names, never values', async () => {
    const { api } = createFakeApi({ details: [notes] });
    renderScreen(<InstanceDetailScreen id="notes" />, { api });
    const panel = await screen.findByTestId('panel-process');
    const row = (label: string) => within(panel).getByText(label).nextElementSibling?.textContent;
    expect(row('Process ID')).toBe('4321');
    expect(row('CPU')).toBe('1.3%');
    expect(row('Memory')).toBe('52 MB');
    expect(row('Processes')).toBe('3');
    expect(screen.getByTestId('command-line').textContent).toBe(
      "npx -y notes-server --root '/Users/ada/My Notes'",
    );
    // Variable names are on the Settings tab.
    expect(within(screen.getByTestId('panel-settings')).getByText('LOG_LEVEL')).toBeTruthy();
    expect(screen.getByTestId('secret-env-name').textContent).toBe('NOTES_TOKENstored in the keychain');
    expect(screen.getByTestId('garbage-lines').textContent).toBe('3 lines of stray output ignored');
  });

  it('shows recent stderr in a scrollable, focusable block', async () => {
    const { api } = createFakeApi({ details: [notes] });
    renderScreen(<InstanceDetailScreen id="notes" />, { api });
    const log = await screen.findByTestId('stderr-tail');
    expect(log.textContent).toBe('Notes server listening\nwarning: index is stale');
    expect(log.tagName).toBe('PRE');
    expect(log.getAttribute('tabindex')).toBe('0');
    expect(log.getAttribute('aria-label')).toBe('Error output');
  });

  it('shows this service’s tool calls in a Logs tab, asked for once the tab is opened', async () => {
    const fake = createFakeApi({
      details: [notes],
      instances: [makeInstance({ id: 'files', name: 'Files' })],
      toolCalls: makeToolCalls(12),
    });
    renderScreen(<InstanceDetailScreen id="notes" />, { api: fake.api });
    await screen.findByRole('heading', { level: 1, name: 'Notes' });
    expect(screen.getAllByRole('tab').map((t) => t.textContent)).toEqual([
      'Overview',
      'Tools 2',
      'Logs',
      'Process',
      'Permissions',
      'Settings',
    ]);
    expect(fake.api.queryToolCalls).not.toHaveBeenCalled();

    fireEvent.click(screen.getByRole('tab', { name: 'Logs' }));
    const panel = screen.getByTestId('panel-logs');
    await waitFor(() => expect(within(panel).getAllByTestId('call-row')).toHaveLength(4));
    expect(fake.api.queryToolCalls).toHaveBeenCalledWith({ instanceId: 'notes', limit: 200 });
    expect(within(panel).queryByLabelText('Service')).toBeNull();
    expect(within(panel).queryByRole('columnheader', { name: 'Service' })).toBeNull();

    // Live calls for other services stay out.
    act(() => fake.emitToolCall(makeToolCall({ id: 13, instanceId: 'files' })));
    act(() => fake.emitToolCall(makeToolCall({ id: 14, instanceId: 'notes' })));
    await liveUpdate();
    expect(within(panel).getAllByTestId('call-row')).toHaveLength(5);

    fireEvent.change(within(panel).getByLabelText('Outcome'), { target: { value: 'ok' } });
    await waitFor(() =>
      expect(fake.api.queryToolCalls).toHaveBeenLastCalledWith({
        instanceId: 'notes',
        outcome: 'ok',
        limit: 200,
      }),
    );
    // The error output (stderr) is on the Process tab.
    fireEvent.click(screen.getByRole('tab', { name: 'Process' }));
    expect(within(screen.getByTestId('panel-process')).getByTestId('stderr-tail')).toBeTruthy();
  });

  it('says when a service has had no calls yet', async () => {
    const { api } = createFakeApi({ details: [notes] });
    renderScreen(<InstanceDetailScreen id="notes" />, { api });
    await screen.findByRole('heading', { level: 1, name: 'Notes' });
    fireEvent.click(screen.getByRole('tab', { name: 'Logs' }));
    const empty = await screen.findByTestId('logs-empty');
    expect(within(empty).getByRole('heading').textContent).toBe('No calls to this service yet');
  });

  it('refetches when its state changes, and only for its own id', async () => {
    const fake = createFakeApi({ details: [makeDetail({ id: 'notes', name: 'Notes', state: 'starting' })] });
    renderScreen(<InstanceDetailScreen id="notes" />, { api: fake.api });
    await screen.findByRole('heading', { level: 1, name: 'Notes' });
    expect(status().getByTestId('status-badge').textContent).toBe('Starting');
    expect(fake.api.getInstance).toHaveBeenCalledTimes(1);

    act(() => fake.emitInstanceState('other', { state: 'failed' }));
    expect(fake.api.getInstance).toHaveBeenCalledTimes(1);

    fake.setDetail(
      makeDetail({
        id: 'notes',
        name: 'Notes',
        state: 'running',
        tools: [makeTool({ name: 'search' })],
        stderrTail: ['ready'],
      }),
    );
    act(() => fake.emitInstanceState('notes', { state: 'running' }));
    await waitFor(() => expect(status().getByTestId('status-badge').textContent).toBe('Running'));
    expect(fake.api.getInstance).toHaveBeenCalledTimes(2);
    expect(screen.getAllByTestId('tool-row')).toHaveLength(1);
    expect(screen.getByTestId('stderr-tail').textContent).toBe('ready');
  });

  it('refetches when the list changes, and shows "not found" once it is gone from it', async () => {
    const fake = createFakeApi({ details: [makeDetail({ id: 'notes', name: 'Notes' })] });
    renderScreen(<InstanceDetailScreen id="notes" />, { api: fake.api });
    await screen.findByRole('heading', { level: 1, name: 'Notes' });

    fake.setDetail(makeDetail({ id: 'notes', name: 'My notes' }));
    act(() => fake.emitInstances([makeInstance({ id: 'notes', name: 'My notes' })]));
    expect(await screen.findByRole('heading', { level: 1, name: 'My notes' })).toBeTruthy();

    act(() => fake.emitInstances([makeInstance({ id: 'other' })]));
    expect(screen.getByTestId('instance-not-found')).toBeTruthy();
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Service not found');
  });

  it('polls every few seconds while the window is visible, for CPU and memory', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    const fake = createFakeApi({ details: [notes] });
    renderScreen(<InstanceDetailScreen id="notes" />, { api: fake.api });
    await screen.findByTestId('panel-process');
    expect(fake.api.getInstance).toHaveBeenCalledTimes(1);

    fake.setDetail({ ...notes, stats: { cpuPercent: 40, rssBytes: 80 * MB, processCount: 3 } });
    act(() => {
      vi.advanceTimersByTime(POLL_MS);
    });
    expect(await screen.findByText('80 MB')).toBeTruthy();
    expect(fake.api.getInstance).toHaveBeenCalledTimes(2);

    vi.spyOn(document, 'visibilityState', 'get').mockReturnValue('hidden');
    act(() => {
      vi.advanceTimersByTime(POLL_MS * 3);
    });
    expect(fake.api.getInstance).toHaveBeenCalledTimes(2);
  });

  it('counts down to the next retry while backing off', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval', 'Date'] });
    vi.setSystemTime(new Date('2025-03-01T10:00:00.000Z'));
    const { api } = createFakeApi({
      details: [
        makeDetail({
          id: 'notes',
          name: 'Notes',
          state: 'backoff',
          stateReason: 'It crashed 3 times.',
          nextRetryAt: '2025-03-01T10:00:08.000Z',
        }),
      ],
    });
    renderScreen(<InstanceDetailScreen id="notes" />, { api });
    const countdown = await screen.findByTestId('retry-countdown');
    expect(countdown.textContent).toBe('Retrying in 8 s');
    // The ticking interval is set up by an effect: let pending effects run before the clock moves.
    await act(async () => undefined);
    act(() => {
      vi.advanceTimersByTime(1000);
    });
    expect(countdown.textContent).toBe('Retrying in 7 s');
  });

  it('says when there is no such service, with a link back', async () => {
    const { api } = createFakeApi({ instances: [makeInstance({ id: 'other' })] });
    renderScreen(<InstanceDetailScreen id="ghost" />, { api });
    const notFound = await screen.findByTestId('instance-not-found');
    expect(notFound.textContent).toContain('ghost');
    expect(within(notFound).getByRole('link').getAttribute('href')).toBe('#/services');
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Service not found');
  });

  it('does not ask the core about an id that cannot exist', () => {
    const { api } = createFakeApi();
    renderScreen(<InstanceDetailScreen id="Not An Id!" />, { api });
    expect(screen.getByTestId('instance-not-found')).toBeTruthy();
    expect(api.getInstance).not.toHaveBeenCalled();
  });

  it('tells "not found" from other failures when the error lost its code', async () => {
    // Electron's contextBridge passes only the message of a rejected promise.
    const fake = createFakeApi({ instances: [makeInstance({ id: 'notes', name: 'Notes' })] });
    fake.api.getInstance.mockRejectedValueOnce(new Error('Boom'));
    renderScreen(<InstanceDetailScreen id="notes" />, { api: fake.api });
    const error = await screen.findByTestId('error-state');
    expect(error.textContent).toContain('Boom');

    fireEvent.click(within(error).getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Notes' })).toBeTruthy();

    fake.api.getInstance.mockRejectedValueOnce(new Error('There is no service called "notes".'));
    fake.api.listInstances.mockResolvedValueOnce([]);
    act(() => fake.emitInstanceState('notes', { state: 'stopped' }));
    expect(await screen.findByTestId('instance-not-found')).toBeTruthy();
  });

  it('shows a load error with a retry', async () => {
    const { api } = createFakeApi({ details: [makeDetail({ id: 'notes', name: 'Notes' })] });
    api.getInstance.mockRejectedValueOnce(new ApiError({ code: 'internal', message: 'The core stopped.' }));
    renderScreen(<InstanceDetailScreen id="notes" />, { api });
    const error = await screen.findByTestId('error-state');
    expect(error.textContent).toContain('The core stopped.');
    fireEvent.click(within(error).getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Notes' })).toBeTruthy();
  });

  it('waits for the connection and refetches after a reconnect', async () => {
    const fake = createFakeApi({ details: [makeDetail({ id: 'notes', name: 'Notes' })] });
    const connection = createConnectionStore('connecting');
    renderScreen(<InstanceDetailScreen id="notes" />, { api: fake.api, connection });
    expect(screen.getByTestId('loading-state')).toBeTruthy();
    expect(fake.api.getInstance).not.toHaveBeenCalled();

    act(() => connection.set('open'));
    await screen.findByRole('heading', { level: 1, name: 'Notes' });
    fake.setDetail(makeDetail({ id: 'notes', name: 'Notes', state: 'failed' }));
    act(() => connection.set('reconnecting'));
    act(() => connection.set('open'));
    await waitFor(() => expect(status().getByTestId('status-badge').textContent).toBe('Failed'));
    expect(fake.api.getInstance).toHaveBeenCalledTimes(2);
  });
});
