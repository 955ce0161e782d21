import path from 'node:path';
import { ToolListChangedNotificationSchema } from '@modelcontextprotocol/sdk/types.js';
import { afterEach, describe, expect, it } from 'vitest';
import { createApi } from '../../shared/api';
import type { Transport } from '../../shared/api';
import type { EventPayload, ToolCallRecord } from '../../shared/contract';
import type { Core } from '../core';
import { brokerClient } from '../../../test/core/support/broker-client';
import { FIXTURES, seedSettings, until } from '../../../test/core/support/served-core';
import { tempDir } from '../../../test/core/support/temp-dirs';
import { createTestCore } from '../../../test/core/support/test-core';

const cores: Core[] = [];
afterEach(async () => {
  for (const core of cores.splice(0)) await core.stop();
});

/** A real core with one fixture server (tools `echo` and `read_env`), and the typed API over it. */
async function setup() {
  const dataDir = tempDir();
  seedSettings(dataDir, [{ id: 'notes', args: [path.join(FIXTURES, 'fixture-server.mjs')] }]);
  const core = createTestCore(dataDir);
  cores.push(core);
  const transport: Transport = {
    request: (name, input) => core.dispatcher.dispatch(name, input),
    subscribe: (name, listener) => core.bus.on(name, listener),
  };
  const api = createApi(transport);
  const recorded: ToolCallRecord[] = [];
  api.onToolCallRecorded(({ record }) => recorded.push(record));
  await core.start();
  await until(() => core.services.instances.get('notes').state === 'running', 'notes running');
  return { core, api, recorded };
}

describe('tools: try it, per-tool switches, connected clients', () => {
  it('"try it" calls the tool through the broker and logs it as made from MCP Tray', async () => {
    const { api, recorded } = await setup();
    const result = await api.callTool({
      id: 'notes',
      tool: 'echo',
      arguments: { message: 'hi from the app' },
    });
    expect(result).toMatchObject({
      isError: false,
      content: [{ kind: 'text', text: 'hi from the app', truncated: false }],
      structured: null,
    });
    const record = await until(() => recorded.find((r) => r.tool === 'echo'), 'the call to be logged');
    expect(record).toMatchObject({ source: 'mcp-tray', client: { name: 'MCP Tray' }, outcome: 'ok' });
    // The app's own session is not a connected AI client.
    expect((await api.listInstances())[0]!.clients).toEqual([]);
  });

  it("a failing call comes back in words: the tool's error, or the broker's", async () => {
    const { api } = await setup();
    const unknown = await api.callTool({ id: 'notes', tool: 'no_such_tool', arguments: {} });
    expect(unknown.isError).toBe(true);
    expect(JSON.stringify(unknown.content)).toContain('no_such_tool not found');
    await expect(api.callTool({ id: 'nope', tool: 'echo' })).rejects.toMatchObject({ code: 'not-found' });
  });

  it('a tool turned off is hidden from every client, refused, and clients are told to re-list', async () => {
    const { core, api, recorded } = await setup();
    const client = await brokerClient(core, 'notes');
    let changed = 0;
    client.setNotificationHandler(ToolListChangedNotificationSchema, () => {
      changed++;
    });
    expect((await client.listTools()).tools.map((t) => t.name).sort()).toEqual(['echo', 'read_env']);

    const events: EventPayload<'instancesChanged'>[] = [];
    api.onInstancesChanged((e) => events.push(e));
    expect(await api.setToolEnabled({ id: 'notes', tool: 'read_env', enabled: false })).toEqual({
      disabledTools: ['read_env'],
    });
    await until(() => changed === 1, 'tools/list_changed');
    expect(events.length).toBeGreaterThan(0);
    expect((await client.listTools()).tools.map((t) => t.name)).toEqual(['echo']);
    await expect(client.callTool({ name: 'read_env', arguments: { name: 'HOME' } })).rejects.toThrow(
      /turned off in MCP Tray/,
    );
    const refused = await until(() => recorded.find((r) => r.tool === 'read_env'), 'the refusal logged');
    expect(refused).toMatchObject({ outcome: 'protocol-error', source: 'client' });
    await expect(
      api.callTool({ id: 'notes', tool: 'read_env', arguments: { name: 'HOME' } }),
    ).rejects.toThrow(/turned off/);

    const detail = await api.getInstance({ id: 'notes' });
    expect(detail.tools.find((t) => t.name === 'read_env')).toMatchObject({ enabled: false });
    expect(detail.tools.find((t) => t.name === 'echo')).toMatchObject({
      enabled: true,
      inputSchema: { type: 'object', properties: { message: { type: 'string' } } },
    });
    expect(detail.disabledTools).toEqual(['read_env']);

    await api.setToolEnabled({ id: 'notes', tool: 'read_env', enabled: true });
    await until(() => changed === 2, 'a second tools/list_changed');
    expect((await client.listTools()).tools).toHaveLength(2);
    await client.close();
  });

  it('lists the AI clients connected right now, each once', async () => {
    const { core, api } = await setup();
    const one = await brokerClient(core, 'notes');
    const two = await brokerClient(core, 'notes');
    await until(async () => (await api.listInstances())[0]!.clients.length === 1, 'the client listed');
    expect((await api.listInstances())[0]!.clients).toEqual(['in-process']);
    await one.close();
    await two.close();
    await until(async () => (await api.listInstances())[0]!.clients.length === 0, 'no clients left');
  });

  it('sets the request timeout, and back to the default', async () => {
    const { api } = await setup();
    expect(await api.setRequestTimeout({ id: 'notes', timeoutMs: 5000 })).toEqual({ requestTimeoutMs: 5000 });
    expect(await api.getInstance({ id: 'notes' })).toMatchObject({
      requestTimeoutMs: 5000,
      requestTimeoutIsDefault: false,
    });
    await api.setRequestTimeout({ id: 'notes', timeoutMs: null });
    expect(await api.getInstance({ id: 'notes' })).toMatchObject({
      requestTimeoutMs: 60_000,
      requestTimeoutIsDefault: true,
    });
  });
});
