import { describe, expect, it } from 'vitest';
import { createHandOver } from './hand-over';

describe('hand-over', () => {
  it('holds one request until the id it names clears it', () => {
    const handOver = createHandOver();
    expect(handOver.has('notes')).toBe(false);
    handOver.request('notes');
    expect(handOver.has('notes')).toBe(true);
    // Asking does not consume it; another id's clear leaves it.
    expect(handOver.has('notes')).toBe(true);
    handOver.clear('files');
    expect(handOver.has('notes')).toBe(true);
    handOver.clear('notes');
    expect(handOver.has('notes')).toBe(false);
  });

  it('keeps only the newest request, and each hand-over its own', () => {
    const signIn = createHandOver();
    const review = createHandOver();
    signIn.request('notes');
    signIn.request('files');
    expect(signIn.has('notes')).toBe(false);
    expect(signIn.has('files')).toBe(true);
    expect(review.has('files')).toBe(false);
  });
});
