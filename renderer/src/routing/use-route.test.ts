// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { canonicalizeHash, navigate } from './use-route';

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

  it('keeps an instance detail and trims what follows it', () => {
    window.location.hash = '#/services/notes';
    canonicalizeHash();
    expect(window.location.hash).toBe('#/services/notes');
    window.location.hash = '#/services/notes/more';
    canonicalizeHash();
    expect(window.location.hash).toBe('#/services/notes');
  });
});

describe('navigate', () => {
  it('replaces the entry and still tells the route store', () => {
    const listener = vi.fn();
    window.addEventListener('hashchange', listener);
    window.location.hash = '#/services/notes';
    const length = window.history.length;
    navigate('#/services', { replace: true });
    expect(window.location.hash).toBe('#/services');
    expect(window.history.length).toBe(length);
    expect(listener).toHaveBeenCalled();
    window.removeEventListener('hashchange', listener);
  });
});
