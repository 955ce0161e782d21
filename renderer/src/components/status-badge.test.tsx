// @vitest-environment happy-dom
import { cleanup, render } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { InstanceState } from '../../../electron/shared/contract';
import { StatusBadge } from './status-badge';

afterEach(cleanup);

describe('StatusBadge', () => {
  it('gives every state its own words and icon shape, not just a colour', () => {
    const seen = new Map<string, string>();
    for (const state of InstanceState.options) {
      const { getByTestId, unmount } = render(<StatusBadge state={state} />);
      const badge = getByTestId('status-badge');
      const icon = badge.querySelector('svg')?.getAttribute('data-icon') ?? '';
      expect(badge.textContent, state).not.toBe('');
      expect(badge.className).toContain(`badge--${state}`);
      seen.set(badge.textContent ?? '', icon);
      unmount();
    }
    expect(seen.size).toBe(InstanceState.options.length);
    expect(new Set(seen.values()).size).toBe(InstanceState.options.length);
  });
});
