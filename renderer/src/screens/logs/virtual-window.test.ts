import { describe, expect, it } from 'vitest';
import { makeToolCalls } from '../../test/fake-api';
import { HEADER_HEIGHT, ROW_HEIGHT, indexOfId, scrollTopToReveal } from './virtual-window';

describe('virtual window', () => {
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
