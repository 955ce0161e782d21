// @vitest-environment happy-dom
import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { InstanceRow } from '../screens/instance-row';
import { createFakeApi, makeInstance } from '../test/fake-api';
import { renderScreen } from '../test/render';
import { formatStartedAgo } from './started-ago';

describe('StartedAgo', () => {
  it('says how long a start has waited, in seconds then minutes', () => {
    expect(formatStartedAgo(0, 12_400)).toBe('started 12 s ago');
    expect(formatStartedAgo(0, 125_000)).toBe('started 2 min ago');
    expect(formatStartedAgo(1000, 0)).toBe('started 0 s ago');
  });

  it('a starting service says it is waiting for the server, and since when', () => {
    const since = new Date(Date.now() - 12_000).toISOString();
    renderScreen(
      <ul>
        <InstanceRow
          instance={makeInstance({
            state: 'starting',
            stateReason: 'Waiting for the server to answer',
            stateSince: since,
          })}
        />
      </ul>,
      { api: createFakeApi().api },
    );
    expect(screen.getByText(/Waiting for the server to answer/).textContent).toMatch(
      /Waiting for the server to answer \(started 1[2-3] s ago\)/,
    );
  });

  it('a running service shows no such timer', () => {
    renderScreen(
      <ul>
        <InstanceRow instance={makeInstance({ state: 'running', stateReason: 'Answering again' })} />
      </ul>,
      { api: createFakeApi().api },
    );
    expect(screen.queryByTestId('started-ago')).toBeNull();
  });
});
