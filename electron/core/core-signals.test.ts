import { describe, expect, it } from 'vitest';
import { CoreSignals } from './core-signals';

describe('CoreSignals', () => {
  it('emit runs the listeners in order and resolves only once the last one has finished', async () => {
    const signals = new CoreSignals();
    const seen: string[] = [];
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    signals.on('restartRequested', async ({ id }) => {
      await gate;
      seen.push(`first ${id}`);
    });
    signals.on('restartRequested', ({ id }) => void seen.push(`second ${id}`));
    let done = false;
    const emitted = signals.emit('restartRequested', { id: 'a', whenIdle: false }).then(() => (done = true));
    await Promise.resolve();
    expect(done).toBe(false);
    expect(seen).toEqual([]);
    release();
    await emitted;
    expect(seen).toEqual(['first a', 'second a']);
  });

  it('emit rejects with a listener failure; notify hands it to onError instead', async () => {
    const signals = new CoreSignals();
    signals.on('needsAuthRequested', () => Promise.reject(new Error('no runner')));
    await expect(
      signals.emit('needsAuthRequested', { id: 'a', reason: 'r', whenIdle: true }),
    ).rejects.toThrow('no runner');
    const failed = new Promise<unknown>((resolve) =>
      signals.notify('needsAuthRequested', { id: 'a', reason: 'r', whenIdle: true }, resolve),
    );
    expect(String(await failed)).toContain('no runner');
  });

  it('a signal nobody listens to resolves (an instance list not wired yet has nothing to publish)', async () => {
    await expect(new CoreSignals().emit('instancesTouched', undefined)).resolves.toBeUndefined();
  });
});
