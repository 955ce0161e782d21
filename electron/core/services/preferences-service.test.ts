import { describe, expect, it } from 'vitest';
import type { Preferences } from '../../shared/contract';
import { silentLogger } from '../platform/logger';
import { tempDir } from '../../../test/core/support/temp-dirs';
import { createTestCore } from '../../../test/core/support/test-core';

const DAY_MS = 24 * 60 * 60 * 1000;

describe('preferences', () => {
  it('answers the defaults, saves changes, and tells every window', async () => {
    const dataDir = tempDir();
    const core = createTestCore(dataDir);
    expect(await core.dispatcher.dispatch('getPreferences', {})).toEqual({
      ok: true,
      value: { theme: 'system', logRetentionDays: 30, driftPolicy: 'ask', launchAtLogin: false },
    });
    const seen: Preferences[] = [];
    core.bus.on('preferencesChanged', ({ preferences }) => seen.push(preferences));
    const envelope = await core.dispatcher.dispatch('setPreferences', { theme: 'dark', launchAtLogin: true });
    const expected = { theme: 'dark', logRetentionDays: 30, driftPolicy: 'ask', launchAtLogin: true };
    expect(envelope).toEqual({ ok: true, value: expected });
    expect(seen).toEqual([expected]);
    // Another core on the same folder (the next start) reads them back.
    expect(createTestCore(dataDir).services.preferences.get()).toEqual(expected);
  });

  it('refuses values out of range', async () => {
    const core = createTestCore(tempDir());
    expect(await core.dispatcher.dispatch('setPreferences', { logRetentionDays: 0 })).toMatchObject({
      ok: false,
      error: { code: 'invalid-input' },
    });
    expect(await core.dispatcher.dispatch('setPreferences', { theme: 'neon' })).toMatchObject({ ok: false });
  });

  it('a shorter log retention drops older tool calls at once', async () => {
    let now = Date.parse('2025-03-20T12:00:00Z');
    const core = createTestCore(tempDir(), { clock: { now: () => now }, logger: silentLogger });
    core.calls.open();
    const call = (daysAgo: number) =>
      core.calls.append({
        time: now - daysAgo * DAY_MS,
        instanceId: 'notes',
        client: { name: 'Claude Desktop', version: null },
        source: 'client',
        tool: 'echo',
        arguments: {},
        durationMs: 1,
        outcome: 'ok',
        error: null,
        result: null,
      });
    call(20);
    call(2);
    expect(core.calls.query({}).total).toBe(2);
    await core.dispatcher.dispatch('setPreferences', { logRetentionDays: 7 });
    now += 1;
    expect(core.calls.query({}).total).toBe(1);
    core.calls.close();
  });
});
