// @vitest-environment happy-dom
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../../../electron/shared/api';
import { createConnectionStore } from '../../api/connection-store';
import { createFakeApi, makeInstance, makeToolCall, makeToolCalls } from '../../test/fake-api';
import { liveUpdate } from '../../test/frames';
import { renderScreen } from '../../test/render';
import { LogsScreen } from '../logs-screen';
import { SEARCH_DEBOUNCE_MS } from './use-call-filters';
import { FALLBACK_VIEWPORT, OVERSCAN, ROW_HEIGHT } from './virtual-window';

const rows = () => screen.queryAllByTestId('call-row');
const rowIds = () => rows().map((row) => Number(row.getAttribute('data-call-id')));
const scroller = () => screen.getByTestId('call-scroller');
const grid = () => screen.getByRole('grid', { name: 'Tool calls' });
const count = () => screen.getByTestId('call-count').textContent;
const lastQuery = (fake: ReturnType<typeof createFakeApi>) => fake.api.queryToolCalls.mock.lastCall?.[0];

function scrollTo(top: number) {
  const node = scroller();
  node.scrollTop = top;
  fireEvent.scroll(node);
}

async function renderLogs(init: Parameters<typeof createFakeApi>[0] = {}) {
  const fake = createFakeApi({
    instances: [makeInstance({ id: 'notes', name: 'Notes' }), makeInstance({ id: 'files', name: 'Files' })],
    ...init,
  });
  renderScreen(<LogsScreen />, { api: fake.api });
  return fake;
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('Logs screen', () => {
  it('lists every instance’s calls newest first, with a readable row for each', async () => {
    await renderLogs({
      toolCalls: [
        makeToolCall({ id: 1, instanceId: 'files', tool: 'read_file', durationMs: 1500, outcome: 'timeout' }),
        makeToolCall({
          id: 2,
          instanceId: 'notes',
          client: { name: 'Cursor', version: '0.48' },
          tool: 'search_notes',
          durationMs: 87,
          time: '2025-03-01T10:15:30.000Z',
        }),
        makeToolCall({ id: 3, instanceId: 'gone', tool: 'add_note', outcome: 'tool-error' }),
      ],
    });
    await waitFor(() => expect(rows()).toHaveLength(3));
    expect(rowIds()).toEqual([3, 2, 1]);
    expect(count()).toBe('3 calls');

    const cells = within(rows()[1]!).getAllByRole('gridcell');
    expect(cells.map((cell) => cell.textContent?.trim())).toEqual([
      expect.stringMatching(/:15:30/),
      'Notes',
      'Cursor',
      'search_notes',
      'OK',
      '87 ms',
    ]);
    expect(cells[0]!.querySelector('time')?.getAttribute('dateTime')).toBe('2025-03-01T10:15:30.000Z');
    // A removed instance still reads as its id; outcomes carry an icon and words, not just colour.
    expect(within(rows()[0]!).getAllByRole('gridcell')[1]!.textContent).toBe('gone');
    const badge = within(rows()[2]!).getByTestId('outcome-badge');
    expect(badge.textContent).toBe('Timed out');
    expect(badge.querySelector('svg')?.getAttribute('data-icon')).toBe('clock');
    expect(within(rows()[2]!).getByText('1.5 s')).toBeTruthy();
    expect(screen.getAllByRole('columnheader').map((h) => h.textContent)).toEqual([
      'Time',
      'Service',
      'Client',
      'Tool',
      'Outcome',
      'Duration',
    ]);
  });

  it('shows a count with thousands separators and asks for the newest page', async () => {
    const fake = await renderLogs({ toolCalls: makeToolCalls(1234) });
    await waitFor(() => expect(count()).toBe('1,234 calls'));
    expect(fake.api.queryToolCalls).toHaveBeenCalledTimes(1);
    expect(fake.api.queryToolCalls).toHaveBeenCalledWith({ limit: 200 });
    expect(rowIds()[0]).toBe(1234);
  });

  it('says what will appear when there are no calls at all', async () => {
    await renderLogs();
    const empty = await screen.findByTestId('logs-empty');
    expect(within(empty).getByRole('heading').textContent).toBe('No tool calls yet');
    expect(empty.textContent).toContain(
      'When an AI client uses a tool through MCP Tray, the call appears here live.',
    );
  });

  it('shows a spinner while loading, and an error with a retry', async () => {
    const fake = createFakeApi({ toolCalls: makeToolCalls(3) });
    let fail!: (error: unknown) => void;
    fake.api.queryToolCalls.mockImplementationOnce(() => new Promise((_, reject) => (fail = reject)));
    renderScreen(<LogsScreen />, { api: fake.api });
    expect(screen.getByTestId('loading-state').textContent).toBe('Loading tool calls…');

    await act(async () => fail(new ApiError({ code: 'internal', message: 'The log is unreadable.' })));
    const error = screen.getByTestId('error-state');
    expect(error.textContent).toContain('Couldn’t load tool calls.');
    expect(error.textContent).toContain('The log is unreadable.');

    fireEvent.click(within(error).getByRole('button', { name: 'Try again' }));
    await waitFor(() => expect(rows()).toHaveLength(3));
  });

  it('filters by service, outcome and client through the query', async () => {
    const fake = await renderLogs({ toolCalls: makeToolCalls(60) });
    await waitFor(() => expect(rows().length).toBeGreaterThan(0));

    const service = screen.getByLabelText('Service');
    expect(
      within(service)
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual(['All services', 'Notes', 'Files']);
    fireEvent.change(service, { target: { value: 'notes' } });
    await waitFor(() => expect(lastQuery(fake)).toEqual({ instanceId: 'notes', limit: 200 }));

    fireEvent.change(screen.getByLabelText('Outcome'), { target: { value: 'timeout' } });
    await waitFor(() =>
      expect(lastQuery(fake)).toEqual({ instanceId: 'notes', outcome: 'timeout', limit: 200 }),
    );

    // Client names come from the calls seen so far.
    const client = screen.getByLabelText('Client');
    expect(
      within(client)
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual(['All clients', 'Claude Desktop', 'Cursor', 'VS Code']);
    fireEvent.change(client, { target: { value: 'Cursor' } });
    await waitFor(() =>
      expect(lastQuery(fake)).toEqual({
        instanceId: 'notes',
        outcome: 'timeout',
        client: 'Cursor',
        limit: 200,
      }),
    );
    await waitFor(() =>
      expect(
        rows().every((row) => row.textContent?.includes('Cursor') && row.textContent.includes('Timed out')),
      ).toBe(true),
    );
  });

  it('waits for a pause in typing before searching', async () => {
    const fake = await renderLogs({ toolCalls: makeToolCalls(30) });
    await waitFor(() => expect(rows().length).toBeGreaterThan(0));
    const search = screen.getByLabelText('Search');
    for (const text of ['t', 'te', 'ter', 'term 1']) fireEvent.change(search, { target: { value: text } });
    expect(fake.api.queryToolCalls).toHaveBeenCalledTimes(1);

    await new Promise((resolve) => setTimeout(resolve, SEARCH_DEBOUNCE_MS + 100));
    await waitFor(() => expect(fake.api.queryToolCalls).toHaveBeenCalledTimes(2));
    expect(lastQuery(fake)).toEqual({ text: 'term 1', limit: 200 });
    await waitFor(() => expect(count()).toBe('11 calls'));
    expect(screen.getByTestId('call-results-status').textContent).toBe('11 calls found');
  });

  it('says when nothing matches, and clears the filters', async () => {
    const fake = await renderLogs({ toolCalls: makeToolCalls(20) });
    await waitFor(() => expect(rows().length).toBeGreaterThan(0));
    fireEvent.change(screen.getByLabelText('Search'), { target: { value: 'no such thing' } });
    const empty = await screen.findByTestId('logs-no-matches');
    expect(within(empty).getByRole('heading').textContent).toBe('No calls match these filters');
    expect(count()).toBe('No calls');

    fireEvent.click(within(empty).getByRole('button', { name: 'Clear filters' }));
    await waitFor(() => expect(rows().length).toBeGreaterThan(0));
    expect(lastQuery(fake)).toEqual({ limit: 200 });
    expect((screen.getByLabelText('Search') as HTMLInputElement).value).toBe('');
    expect(document.activeElement).toBe(screen.getByLabelText('Search'));
  });

  it('fetches the next older page with beforeId when scrolled near the end', async () => {
    const fake = await renderLogs({ toolCalls: makeToolCalls(1000) });
    await waitFor(() => expect(rows().length).toBeGreaterThan(0));
    expect(fake.api.queryToolCalls).toHaveBeenCalledTimes(1);

    scrollTo(50 * ROW_HEIGHT);
    expect(fake.api.queryToolCalls).toHaveBeenCalledTimes(1);

    scrollTo(150 * ROW_HEIGHT);
    await waitFor(() => expect(fake.api.queryToolCalls).toHaveBeenCalledTimes(2));
    // The oldest loaded call is id 801 (ids 1000…801 on the first page).
    expect(lastQuery(fake)).toEqual({ beforeId: 801, limit: 200 });
    await waitFor(() => expect(grid().getAttribute('aria-rowcount')).toBe('1001'));

    scrollTo(390 * ROW_HEIGHT);
    await waitFor(() => expect(lastQuery(fake)).toEqual({ beforeId: 601, limit: 200 }));
    await waitFor(() => expect(grid().getAttribute('aria-rowcount')).toBe('1001'));
    // Row 390 is id 610 (newest first from 1000).
    expect(rowIds()).toContain(610);
  });

  it('offers a retry when an older page fails', async () => {
    const fake = await renderLogs({ toolCalls: makeToolCalls(500) });
    await waitFor(() => expect(rows().length).toBeGreaterThan(0));
    fake.api.queryToolCalls.mockRejectedValueOnce(new Error('Disk busy.'));
    scrollTo(180 * ROW_HEIGHT);
    const error = await screen.findByTestId('more-error');
    expect(error.textContent).toContain('Disk busy.');
    fireEvent.click(within(error).getByRole('button', { name: 'Try again' }));
    await waitFor(() => expect(screen.queryByTestId('more-error')).toBeNull());
    expect(lastQuery(fake)).toEqual({ beforeId: 301, limit: 200 });
  });

  it('keeps only a bounded number of rows in the DOM with 100,000 calls', async () => {
    await renderLogs({ toolCalls: makeToolCalls(100_000) });
    await waitFor(() => expect(count()).toBe('100,000 calls'));
    const bound = Math.ceil(FALLBACK_VIEWPORT / ROW_HEIGHT) + 1 + 2 * OVERSCAN;
    expect(rows().length).toBeGreaterThan(5);
    expect(rows().length).toBeLessThanOrEqual(bound);
    expect(grid().getAttribute('aria-rowcount')).toBe('100001');
  });

  it('prepends matching live calls at the top', async () => {
    const fake = await renderLogs({ toolCalls: makeToolCalls(5, () => ({ outcome: 'ok' })) });
    await waitFor(() => expect(rows()).toHaveLength(5));

    act(() => fake.emitToolCall(makeToolCall({ id: 6, tool: 'live_tool' })));
    await liveUpdate();
    expect(rowIds()[0]).toBe(6);
    expect(count()).toBe('6 calls');
    expect(screen.queryByTestId('new-calls-pill')).toBeNull();

    fireEvent.change(screen.getByLabelText('Outcome'), { target: { value: 'ok' } });
    await waitFor(() => expect(lastQuery(fake)).toEqual({ outcome: 'ok', limit: 200 }));
    await waitFor(() => expect(screen.getByRole('grid').getAttribute('aria-busy')).toBe('false'));
    act(() => fake.emitToolCall(makeToolCall({ id: 7, outcome: 'timeout' })));
    act(() => fake.emitToolCall(makeToolCall({ id: 8, outcome: 'ok' })));
    await liveUpdate();
    expect(rowIds().slice(0, 2)).toEqual([8, 6]);
    expect(count()).toBe('7 calls');
  });

  it('adds a burst of live calls in one go, not one render per call', async () => {
    const fake = await renderLogs({ toolCalls: makeToolCalls(5) });
    await waitFor(() => expect(rows()).toHaveLength(5));
    for (let id = 6; id <= 55; id++) act(() => fake.emitToolCall(makeToolCall({ id })));
    // Fifty events, no render yet: they wait for the next frame, then show together.
    expect(rowIds()[0]).toBe(5);
    await liveUpdate();
    expect(rowIds()[0]).toBe(55);
    expect(count()).toBe('55 calls');
  });

  it('keeps the scroll position when calls arrive while scrolled down, and offers a jump', async () => {
    const fake = await renderLogs({ toolCalls: makeToolCalls(150) });
    await waitFor(() => expect(rows().length).toBeGreaterThan(0));
    scrollTo(40 * ROW_HEIGHT);
    const firstShown = rowIds()[OVERSCAN];

    act(() => {
      for (const id of [151, 152, 153]) fake.emitToolCall(makeToolCall({ id }));
    });
    await liveUpdate();
    expect(scroller().scrollTop).toBe(43 * ROW_HEIGHT);
    expect(rowIds()[OVERSCAN]).toBe(firstShown);
    const pill = screen.getByTestId('new-calls-pill');
    expect(pill.textContent).toBe('3 new calls — jump to newest');

    act(() => fake.emitToolCall(makeToolCall({ id: 154 })));
    await liveUpdate();
    expect(pill.textContent).toBe('4 new calls — jump to newest');

    fireEvent.click(pill);
    expect(scroller().scrollTop).toBe(0);
    expect(rowIds()[0]).toBe(154);
    expect(screen.queryByTestId('new-calls-pill')).toBeNull();
    expect(document.activeElement).toBe(grid());
    // The newest call is the active row, ready for the arrow keys.
    expect(
      document
        .getElementById(grid().getAttribute('aria-activedescendant') ?? '')
        ?.getAttribute('data-call-id'),
    ).toBe('154');
  });

  it('catches up after a reconnect without losing the pages already loaded', async () => {
    const fake = createFakeApi({ toolCalls: makeToolCalls(300) });
    const connection = createConnectionStore('open');
    renderScreen(<LogsScreen />, { api: fake.api, connection });
    await waitFor(() => expect(rows().length).toBeGreaterThan(0));
    scrollTo(170 * ROW_HEIGHT);
    await waitFor(() => expect(grid().getAttribute('aria-rowcount')).toBe('301'));

    act(() => connection.set('reconnecting'));
    // Missed while disconnected: stored, but no event arrives.
    fake.addToolCalls([makeToolCall({ id: 301 }), makeToolCall({ id: 302 })]);
    act(() => connection.set('open'));
    await waitFor(() => expect(grid().getAttribute('aria-rowcount')).toBe('303'));
    expect(lastQuery(fake)).toEqual({ limit: 200 });
    expect(screen.getByTestId('new-calls-pill').textContent).toBe('2 new calls — jump to newest');
  });

  it('moves through rows with the keyboard and opens one with Enter', async () => {
    await renderLogs({ toolCalls: makeToolCalls(100) });
    await waitFor(() => expect(rows().length).toBeGreaterThan(0));
    const list = grid();
    expect(list.tabIndex).toBe(0);
    const active = () => document.getElementById(list.getAttribute('aria-activedescendant') ?? '');

    act(() => list.focus());
    expect(active()?.getAttribute('data-call-id')).toBe('100');
    fireEvent.keyDown(list, { key: 'ArrowDown' });
    fireEvent.keyDown(list, { key: 'ArrowDown' });
    expect(active()?.getAttribute('data-call-id')).toBe('98');
    expect(active()?.getAttribute('aria-selected')).toBe('true');
    fireEvent.keyDown(list, { key: 'ArrowUp' });
    expect(active()?.getAttribute('data-call-id')).toBe('99');

    fireEvent.keyDown(list, { key: 'End' });
    expect(active()?.getAttribute('data-call-id')).toBe('1');
    expect(scroller().scrollTop).toBeGreaterThan(80 * ROW_HEIGHT);
    fireEvent.keyDown(list, { key: 'Home' });
    expect(active()?.getAttribute('data-call-id')).toBe('100');
    expect(scroller().scrollTop).toBe(0);

    fireEvent.keyDown(list, { key: 'ArrowDown' });
    fireEvent.keyDown(list, { key: 'Enter' });
    const detail = screen.getByTestId('call-detail');
    expect(within(detail).getByRole('heading', { level: 2 }).textContent).toBe(makeToolCalls(99)[98]!.tool);
    expect(document.activeElement).toBe(within(detail).getByRole('button', { name: 'Close' }));

    fireEvent.keyDown(detail, { key: 'Escape' });
    expect(screen.queryByTestId('call-detail')).toBeNull();
    expect(document.activeElement).toBe(list);
  });

  it('opens the detail of a clicked row', async () => {
    await renderLogs({ toolCalls: [makeToolCall({ id: 1, tool: 'add_note' })] });
    await waitFor(() => expect(rows()).toHaveLength(1));
    fireEvent.click(rows()[0]!);
    const detail = screen.getByTestId('call-detail');
    expect((detail as HTMLDialogElement).open).toBe(true);
    expect(detail.textContent).toContain('add_note');
    fireEvent.click(within(detail).getByRole('button', { name: 'Close' }));
    expect(screen.queryByTestId('call-detail')).toBeNull();
  });

  it('unsubscribes from live calls when it goes away', async () => {
    const fake = createFakeApi({ toolCalls: makeToolCalls(2) });
    const { unmount } = renderScreen(<LogsScreen />, { api: fake.api });
    await waitFor(() => expect(rows()).toHaveLength(2));
    expect(fake.toolCallListenerCount()).toBe(1);
    unmount();
    expect(fake.toolCallListenerCount()).toBe(0);
  });
});
