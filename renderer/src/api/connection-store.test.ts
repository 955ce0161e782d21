import { describe, expect, it, vi } from 'vitest';
import { createConnectionStore } from './connection-store';

describe('createConnectionStore', () => {
  it('counts each time the connection opens and notifies on change only', () => {
    const store = createConnectionStore('connecting');
    const listener = vi.fn();
    store.subscribe(listener);
    expect(store.get()).toEqual({ state: 'connecting', epoch: 0 });
    store.set('open');
    store.set('open');
    store.set('reconnecting');
    store.set('open');
    expect(store.get()).toEqual({ state: 'open', epoch: 2 });
    expect(listener).toHaveBeenCalledTimes(3);
  });
});
