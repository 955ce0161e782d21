import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ToolCallRecord } from '../../shared/contract';
import type { Core } from '../core';
import { ToolCallLog } from '../calllog/tool-call-log';
import { systemClock } from '../platform/clock';
import { silentLogger } from '../platform/logger';
import { brokerClient } from '../../../test/core/support/broker-client';
import { seedSettings, until } from '../../../test/core/support/served-core';
import { tempDir } from '../../../test/core/support/temp-dirs';
import { createTestCore } from '../../../test/core/support/test-core';

const SERVER = path.join(import.meta.dirname, 'fixtures/request-id-server.mjs');
const cores: Core[] = [];
afterEach(async () => {
  for (const core of cores.splice(0)) await core.stop();
});

/** A real core with the request-id server running, and an MCP client attached to its broker. */
async function setup(disabledTools: string[] = []) {
  const dataDir = tempDir();
  seedSettings(dataDir, [{ id: 'ids', args: [SERVER] }]);
  const core = createTestCore(dataDir);
  cores.push(core);
  const recorded: ToolCallRecord[] = [];
  core.bus.on('toolCallRecorded', ({ record }) => recorded.push(record));
  await core.start();
  await until(() => core.services.instances.get('ids').state === 'running', 'ids running');
  for (const tool of disabledTools) {
    await core.dispatcher.dispatch('setToolEnabled', { id: 'ids', tool, enabled: false });
  }
  const client = await brokerClient(core, 'ids');
  return { core, client, recorded, dataDir };
}

const text = (result: unknown) => (result as { content: { text: string }[] }).content[0]!.text;

describe('the broker fast path', () => {
  it('relays a call under an id of its own (not the SDK client’s) and answers under the client’s', async () => {
    const { client } = await setup();
    const ids = await Promise.all(
      Array.from({ length: 5 }, () => client.callTool({ name: 'request_id', arguments: {} })),
    );
    const upstream = ids.map((r) => JSON.parse(text(r)) as number);
    // The SDK numbers its requests from 0 up; the relay's ids are negative and never repeat.
    upstream.forEach((id) => expect(id).toBeLessThan(0));
    expect(new Set(upstream).size).toBe(5);
  });

  it('shares the server connection with the SDK client: lists and calls interleave', async () => {
    const { client } = await setup();
    const work = await Promise.all([
      ...Array.from({ length: 20 }, (_, i) =>
        client.callTool({ name: 'echo', arguments: { message: `m${i}` } }),
      ),
      client.listTools(),
      client.ping(),
    ]);
    work.slice(0, 20).forEach((r, i) => expect(text(r)).toBe(`m${i}`));
    expect((work[20] as { tools: { name: string }[] }).tools.map((t) => t.name).sort()).toEqual([
      'count',
      'echo',
      'request_id',
    ]);
  });

  it('maps progress back to the client’s token, every notification before the answer', async () => {
    const { client } = await setup();
    const seen: number[] = [];
    const result = await client.callTool({ name: 'count', arguments: { steps: 4 } }, undefined, {
      onprogress: (p) => seen.push(p.progress),
    });
    expect(text(result)).toBe('counted 4');
    expect(seen).toEqual([1, 2, 3, 4]);
  });

  it('refuses a turned-off tool through the same gate, and logs the refusal', async () => {
    const { client, recorded } = await setup(['echo']);
    await expect(client.callTool({ name: 'echo', arguments: { message: 'x' } })).rejects.toThrow(
      /turned off in MCP Tray/,
    );
    const record = await until(() => recorded.find((r) => r.tool === 'echo'), 'the refusal logged');
    expect(record).toMatchObject({ outcome: 'protocol-error', durationMs: 0 });
  });

  it('answers before the call is logged, and the log still gets it', async () => {
    const { client, recorded } = await setup();
    await client.callTool({ name: 'echo', arguments: { message: 'reply first' } });
    // The reply reached the client within this turn of the event loop; the record comes after.
    expect(recorded).toEqual([]);
    const record = await until(() => recorded.find((r) => r.tool === 'echo'), 'the call logged');
    expect(record.arguments).toEqual({ message: 'reply first' });
  });

  it('loses no record when the core stops right after the answers', async () => {
    const { core, client, dataDir } = await setup();
    await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        client.callTool({ name: 'echo', arguments: { message: `s${i}` } }),
      ),
    );
    await core.stop();
    cores.splice(cores.indexOf(core), 1);
    const log = new ToolCallLog({
      dir: path.join(dataDir, 'calls'),
      clock: systemClock,
      logger: silentLogger,
    });
    log.open();
    const { records } = log.query({ instanceId: 'ids', limit: 200 });
    log.close();
    expect(records.map((r) => (r.arguments as { message: string }).message).sort()).toEqual(
      Array.from({ length: 50 }, (_, i) => `s${i}`).sort(),
    );
  });
});
