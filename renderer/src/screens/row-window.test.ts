import { describe, expect, it } from 'vitest';
import { rowWindow } from './row-window';

describe('row window', () => {
  it('renders the visible rows plus overscan, clamped to the list', () => {
    const rows = { rowHeight: 40, overscan: 10 };
    expect(rowWindow(0, 400, 100_000, rows)).toEqual({ start: 0, end: 11 + 10 });
    const middle = rowWindow(50_000 * 40 + 13, 400, 100_000, rows);
    expect(middle).toEqual({ start: 50_000 - 10, end: 50_000 + 11 + 10 });
    expect(rowWindow(99_999 * 40, 400, 100_000, rows).end).toBe(100_000);
    expect(rowWindow(0, 400, 3, rows)).toEqual({ start: 0, end: 3 });
  });

  it('follows the geometry it is given', () => {
    // Six rows of 88 px overscan: at row 150 of 300, rows 144 to 163 (7 visible in 528 px).
    expect(rowWindow(150 * 88, 528, 300, { rowHeight: 88, overscan: 6 })).toEqual({ start: 144, end: 163 });
    expect(rowWindow(0, 528, 300, { rowHeight: 88, overscan: 0 })).toEqual({ start: 0, end: 7 });
  });
});
