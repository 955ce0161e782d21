import { describe, expect, it } from 'vitest';
import type { Transport } from './api';
import type { EventName } from './contract';
import { withStickyEvents } from './sticky-events';

function fakeTransport() {
  const listeners = new Map<EventName, Set<(payload: unknown) => void>>();
  const transport: Transport = {
    request: () => Promise.resolve({ ok: true, value: 'answer' }),
    subscribe: (name, listener) => {
      let set = listeners.get(name);
      if (!set) listeners.set(name, (set = new Set()));
      set.add(listener);
      return () => set.delete(listener);
    },
  };
  const emit = (name: EventName, payload: unknown) => listeners.get(name)?.forEach((l) => l(payload));
  return { transport, emit, count: (name: EventName) => listeners.get(name)?.size ?? 0 };
}

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));
const link = (integrationId: string) => ({ request: { kind: 'catalog', integrationId } });

describe('withStickyEvents', () => {
  it('keeps the latest sticky event until the first listener subscribes, then delivers it once', async () => {
    const { transport, emit } = fakeTransport();
    const sticky = withStickyEvents(transport, ['installRequested']);
    emit('installRequested', link('old'));
    emit('installRequested', link('new'));
    const first: unknown[] = [];
    sticky.subscribe('installRequested', (p) => first.push(p));
    expect(first).toEqual([]);
    await flush();
    expect(first).toEqual([link('new')]);
    const second: unknown[] = [];
    sticky.subscribe('installRequested', (p) => second.push(p));
    await flush();
    expect(second).toEqual([]);
    emit('installRequested', link('live'));
    expect(first).toEqual([link('new'), link('live')]);
    expect(second).toEqual([link('live')]);
  });

  it('holds again once every listener has gone, and keeps the event for the next one if a listener left at once', async () => {
    const { transport, emit } = fakeTransport();
    const sticky = withStickyEvents(transport, ['installRequested']);
    const off = sticky.subscribe('installRequested', () => undefined);
    off();
    emit('installRequested', link('a'));
    const quitter: unknown[] = [];
    sticky.subscribe('installRequested', (p) => quitter.push(p))();
    await flush();
    expect(quitter).toEqual([]);
    const stayer: unknown[] = [];
    sticky.subscribe('installRequested', (p) => stayer.push(p));
    await flush();
    expect(stayer).toEqual([link('a')]);
  });

  it('passes other events and requests straight through', async () => {
    const { transport, emit, count } = fakeTransport();
    const sticky = withStickyEvents(transport, ['installRequested']);
    const seen: unknown[] = [];
    emit('noticesChanged', { notices: [] });
    const off = sticky.subscribe('noticesChanged', (p) => seen.push(p));
    emit('noticesChanged', { notices: ['x'] });
    expect(seen).toEqual([{ notices: ['x'] }]);
    off();
    expect(count('noticesChanged')).toBe(0);
    expect(await sticky.request('listInstances', {})).toEqual({ ok: true, value: 'answer' });
  });
});
