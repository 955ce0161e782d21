import { describe, expect, it } from 'vitest';
import { makeToolCalls } from '../../test/fake-api';
import {
  HEADER_HEIGHT,
  OVERSCAN,
  ROW_HEIGHT,
  indexOfId,
  rowWindow,
  scrollTopToReveal,
} from './virtual-window';

describe('virtual window', () => {
  it('renders the visible rows plus overscan, clamped to the list', () => {
    expect(rowWindow(0, 400, 100_000)).toEqual({ start: 0, end: 11 + OVERSCAN });
    const middle = rowWindow(50_000 * ROW_HEIGHT + 13, 400, 100_000);
    expect(middle).toEqual({ start: 50_000 - OVERSCAN, end: 50_000 + 11 + OVERSCAN });
    expect(rowWindow(99_999 * ROW_HEIGHT, 400, 100_000).end).toBe(100_000);
    expect(rowWindow(0, 400, 3)).toEqual({ start: 0, end: 3 });
  });

  it('scrolls just enough to show a row below the sticky header', () => {
    const viewport = HEADER_HEIGHT + 10 * ROW_HEIGHT;
    expect(scrollTopToReveal(5, 0, viewport)).toBe(0);
    expect(scrollTopToReveal(10, 0, viewport)).toBe(ROW_HEIGHT);
    expect(scrollTopToReveal(3, 20 * ROW_HEIGHT, viewport)).toBe(3 * ROW_HEIGHT);
  });

  it('finds a record by id in a newest-first list', () => {
    const records = makeToolCalls(1000).reverse();
    expect(indexOfId(records, 1000)).toBe(0);
    expect(indexOfId(records, 1)).toBe(999);
    expect(indexOfId(records, 400)).toBe(600);
    expect(indexOfId(records, 5000)).toBe(-1);
  });
});
