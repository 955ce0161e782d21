import { describe, expect, it } from 'vitest';
import { ApiError, createApi, createExposedApi, exposedTransport } from '../../shared/api';
import type { Transport } from '../../shared/api';
import { requestNames } from '../../shared/contract';
import { tempDir } from '../../../test/core/support/temp-dirs';
import { createTestCore } from '../../../test/core/support/test-core';

function loopback(dataDir: string) {
  const core = createTestCore(dataDir);
  const transport: Transport = {
    request: (name, input) => core.dispatcher.dispatch(name, input),
    subscribe: (name, listener) => core.bus.on(name, listener),
  };
  return { core, api: createApi(transport) };
}

describe('dispatcher and derived api', () => {
  it('derives one method per request and answers from the core', async () => {
    const { api } = loopback(tempDir());
    for (const name of requestNames) expect(typeof api[name]).toBe('function');
    expect(await api.listInstances()).toEqual([]);
    const info = await api.getAppInfo();
    expect(info.name).toBe('MCP Tray');
    expect(info.host).toBe('headless');
  });

  it('rejects input that does not match the contract, with the reason', async () => {
    const { core, api } = loopback(tempDir());
    const envelope = await core.dispatcher.dispatch('listInstances', { unexpected: 1 });
    expect(envelope).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    if (!envelope.ok) expect(envelope.error.message).toContain('listInstances');
    // @ts-expect-error -- the typed api refuses it at compile time too
    await expect(api.listInstances({ unexpected: 1 })).rejects.toBeInstanceOf(ApiError);
  });

  it('refuses unknown requests and prototype keys', async () => {
    const { core } = loopback(tempDir());
    for (const name of ['nope', 'constructor', '__proto__', 'toString']) {
      expect(await core.dispatcher.dispatch(name, {})).toMatchObject({
        ok: false,
        error: { code: 'unknown-request' },
      });
    }
  });

  it('delivers events through the derived onX methods', async () => {
    const { core, api } = loopback(tempDir());
    const seen: number[] = [];
    const off = api.onInstancesChanged(({ instances }) => seen.push(instances.length));
    core.services.instances.publish();
    off();
    core.services.instances.publish();
    expect(seen).toEqual([0]);
    await Promise.resolve();
  });
});

describe('the Electron bridge shape', () => {
  it('keeps error codes across the exposed envelope API', async () => {
    const core = createTestCore(tempDir());
    const direct: Transport = {
      request: (name, input) => core.dispatcher.dispatch(name, input),
      subscribe: (name, listener) => core.bus.on(name, listener),
    };
    // What the preload exposes, and what the renderer rebuilds from it.
    const api = createApi(exposedTransport(createExposedApi(direct)));
    const error = await api.getInstance({ id: 'nope' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).code).toBe('not-found');
  });
});
