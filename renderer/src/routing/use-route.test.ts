// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { canonicalizeHash } from './use-route';

afterEach(() => {
  window.location.hash = '';
});

describe('canonicalizeHash', () => {
  it('puts the shown route in the address bar', () => {
    canonicalizeHash();
    expect(window.location.hash).toBe('#/services');
    window.location.hash = '#/settings/extra';
    canonicalizeHash();
    expect(window.location.hash).toBe('#/settings');
    window.location.hash = '#/logs';
    canonicalizeHash();
    expect(window.location.hash).toBe('#/logs');
  });
});
