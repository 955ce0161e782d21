// @vitest-environment happy-dom
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../../electron/shared/api';
import { createFakeApi, makeDetail, makeTool } from '../../test/fake-api';
import { renderScreen } from '../../test/render';
import { InstanceDetailScreen } from './instance-detail-screen';
import { timelineSegments, timelineSummary } from './state-timeline';

const MB = 1024 * 1024;

const detail = makeDetail({
  id: 'gh',
  name: 'GitHub',
  tools: [
    makeTool({ name: 'list_issues' }),
    makeTool({ name: 'create_issue' }),
    makeTool({ name: 'delete_repo' }),
  ],
  envNames: ['GITHUB_API_URL'],
  secretEnvNames: ['GITHUB_TOKEN'],
});

async function openTab(name: string, details = [detail]) {
  const fake = createFakeApi({ details });
  renderScreen(<InstanceDetailScreen id={details[0]!.id} />, { api: fake.api });
  fireEvent.click(await screen.findByRole('tab', { name }));
  return fake;
}

const switchOf = (name: string) =>
  within(screen.getAllByTestId('tool-switch').find((s) => s.dataset.tool === name)!).getByRole('checkbox');

describe('Settings tab of a service', () => {
  it('turns a tool off for every AI client, and on again', async () => {
    const fake = await openTab('Settings');
    expect(screen.getByTestId('switches-summary').textContent).toContain('3 of 3');
    const box = switchOf('delete_repo') as HTMLInputElement;
    expect(box.checked).toBe(true);
    // Each switch is labelled by its tool's name.
    expect(screen.getByLabelText('delete_repo')).toBe(box);

    fireEvent.click(box);
    expect(box.checked).toBe(false);
    await waitFor(() => expect(screen.getByTestId('switches-summary').textContent).toContain('2 of 3'));
    expect(fake.api.setToolEnabled).toHaveBeenCalledWith({ id: 'gh', tool: 'delete_repo', enabled: false });
    await waitFor(() => expect(fake.api.getInstance).toHaveBeenCalledTimes(2));
    fireEvent.click(screen.getByRole('tab', { name: 'Tools 3' }));
    expect(screen.getByTestId('tools-summary').textContent).toContain('1 turned off');

    fireEvent.click(screen.getByRole('tab', { name: 'Settings' }));
    fireEvent.click(switchOf('delete_repo'));
    await waitFor(() => expect(screen.getByTestId('switches-summary').textContent).toContain('3 of 3'));
    expect(fake.api.setToolEnabled).toHaveBeenLastCalledWith({
      id: 'gh',
      tool: 'delete_repo',
      enabled: true,
    });
  });

  it('puts a switch back and says why when the core refuses', async () => {
    const fake = await openTab('Settings');
    fake.api.setToolEnabled.mockRejectedValueOnce(
      new ApiError({ code: 'not-found', message: 'It is gone.' }),
    );
    fireEvent.click(switchOf('list_issues'));
    expect((await screen.findByTestId('switch-error')).textContent).toBe('It is gone.');
    expect((switchOf('list_issues') as HTMLInputElement).checked).toBe(true);
  });

  it('sets the request timeout, checks it, and goes back to the default', async () => {
    const fake = await openTab('Settings');
    const input = screen.getByTestId('timeout-input') as HTMLInputElement;
    expect(input.value).toBe('60');
    expect(screen.getByLabelText('Request timeout (seconds)')).toBe(input);
    fireEvent.change(input, { target: { value: '0' } });
    fireEvent.click(screen.getByTestId('timeout-save'));
    expect(screen.getByRole('alert').textContent).toBe('Enter whole seconds from 1 to 3600.');
    expect(input.getAttribute('aria-invalid')).toBe('true');
    fireEvent.change(input, { target: { value: '120' } });
    fireEvent.click(screen.getByTestId('timeout-save'));
    await waitFor(() =>
      expect(fake.api.setRequestTimeout).toHaveBeenCalledWith({ id: 'gh', timeoutMs: 120_000 }),
    );
    fireEvent.click(await screen.findByTestId('timeout-default'));
    await waitFor(() =>
      expect(fake.api.setRequestTimeout).toHaveBeenLastCalledWith({ id: 'gh', timeoutMs: null }),
    );
    await waitFor(() => expect(input.value).toBe('60'));
    expect(screen.getByTestId('restart-policy').textContent).toContain('After 5 crashes within a minute');
  });

  it('lists the variable names, never values, secret ones marked', async () => {
    await openTab('Settings');
    const names = within(screen.getByTestId('panel-settings')).getByTestId('env-names');
    expect(names.textContent).toContain('GITHUB_API_URL');
    expect(within(names).getByTestId('secret-env-name').textContent).toBe(
      'GITHUB_TOKENstored in the keychain',
    );
  });
});

describe('Process and Overview tabs', () => {
  it('draws CPU and memory over recent samples, with the figures in words', async () => {
    const at = (s: number) => new Date(Date.parse('2025-03-01T10:00:00Z') + s * 1000).toISOString();
    await openTab('Process', [
      makeDetail({
        id: 'gh',
        stats: { cpuPercent: 2, rssBytes: 60 * MB, processCount: 1 },
        statsHistory: [
          { at: at(0), cpuPercent: 1, rssBytes: 50 * MB },
          { at: at(150), cpuPercent: 12.5, rssBytes: 70 * MB },
          { at: at(300), cpuPercent: 2, rssBytes: 60 * MB },
        ],
      }),
    ]);
    expect(screen.getByTestId('cpu-trend-text').textContent).toBe('Now 2.0%, peak 13%');
    expect(screen.getByTestId('memory-trend-text').textContent).toBe('Now 60 MB, peak 70 MB');
    expect(screen.getByTestId('cpu-sparkline').getAttribute('aria-label')).toBe(
      'CPU over the last 5 minutes. Now 2.0%, peak 13%.',
    );
    expect(
      screen.getByTestId('cpu-sparkline').querySelector('polyline')!.getAttribute('points')!.split(' '),
    ).toHaveLength(3);
  });

  it('shows who is connected, and the state history as a timeline with its summary in words', async () => {
    await openTab('Overview', [
      makeDetail({
        id: 'gh',
        clients: ['Claude Desktop', 'Cursor'],
        history: [
          { state: 'starting', reason: null, at: '2025-03-01T10:00:00.000Z' },
          { state: 'running', reason: null, at: '2025-03-01T10:00:02.000Z' },
        ],
      }),
    ]);
    const overview = screen.getByTestId('panel-overview');
    expect(within(overview).getByText('Connected now').nextElementSibling?.textContent).toBe(
      'Claude Desktop, Cursor',
    );
    expect(within(overview).getByTestId('state-timeline')).toBeTruthy();
    expect(within(overview).getByTestId('timeline-summary').textContent).toMatch(
      /^Over .*: running over 99%/,
    );
  });

  it('sums the time in each state', () => {
    const segments = timelineSegments(
      [
        { state: 'running', reason: null, at: '2025-03-01T10:01:00.000Z' },
        { state: 'starting', reason: null, at: '2025-03-01T10:00:00.000Z' },
        { state: 'failed', reason: 'x', at: '2025-03-01T10:04:00.000Z' },
      ],
      Date.parse('2025-03-01T10:10:00.000Z'),
    );
    expect(segments.map((s) => s.state)).toEqual(['starting', 'running', 'failed']);
    expect(timelineSummary(segments)).toBe('Over 10 minutes: failed 60%, running 30%, starting 10%.');
  });

  it('never calls a brief state 0%, nor the rest 100% beside it', () => {
    // A server that fails at once: 20 ms starting, then 10 s failed.
    const segments = timelineSegments(
      [
        { state: 'starting', reason: null, at: '2025-03-01T10:00:00.000Z' },
        { state: 'failed', reason: 'x', at: '2025-03-01T10:00:00.020Z' },
      ],
      Date.parse('2025-03-01T10:00:10.020Z'),
    );
    expect(timelineSummary(segments)).toBe('Over 10 seconds: failed over 99%, starting under 1%.');
  });
});
