import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { createRequire } from 'node:module';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import {
  CreateMessageRequestSchema,
  ToolListChangedNotificationSchema,
} from '@modelcontextprotocol/sdk/types.js';
import { describe, expect, it } from 'vitest';
import { readInstallSecret } from '../control/install-secret';
import { controlSocketPath } from '../control/socket-path';
import { appPaths } from '../platform/paths';
import { tempDir } from '../../../test/core/support/temp-dirs';
import {
  CLI,
  FIXTURES,
  ROOT,
  alive,
  cliJson,
  seedSettings,
  serveCore,
  loggedCalls,
  until,
} from '../../../test/core/support/served-core';

const EVERYTHING = createRequire(import.meta.url).resolve(
  '@modelcontextprotocol/server-everything/dist/index.js',
);

type Status = { id: string; state: string; pid: number | null };

/** An MCP client that reaches the instance the way Claude Desktop would: by running the connector. */
async function connectClient(dataDir: string, id: string, name = 'test-client') {
  const transport = new StdioClientTransport({
    command: process.execPath,
    args: [CLI, 'connect', id, '--data-dir', dataDir],
    stderr: 'pipe',
  });
  let stderr = '';
  transport.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
  const client = new Client({ name, version: '1.2.3' }, { capabilities: {} });
  return { client, transport, stderr: () => stderr, connect: () => client.connect(transport) };
}

async function running(dataDir: string, id: string): Promise<Status> {
  return until(
    () => cliJson<Status[]>(dataDir, ['status']).find((s) => s.id === id && s.state === 'running'),
    `${id} running`,
  );
}

describe('broker and connector, end to end with real processes', () => {
  it('relays initialize, tools, resources, prompts, progress and cancellation, and logs every call', async () => {
    const dataDir = path.join(tempDir(), 'data');
    seedSettings(dataDir, [{ id: 'everything', args: [EVERYTHING, 'stdio'] }]);
    await serveCore(dataDir);
    await running(dataDir, 'everything');
    const { client, connect } = await connectClient(dataDir, 'everything', 'Claude Desktop');
    await connect();
    expect(client.getServerVersion()?.name).toMatch(/everything/i);

    const tools = await client.listTools();
    expect(tools.tools.map((t) => t.name)).toContain('echo');
    const echo = await client.callTool({ name: 'echo', arguments: { message: 'hello broker' } });
    expect(JSON.stringify(echo.content)).toContain('hello broker');

    const resource = await client.readResource({ uri: 'demo://resource/static/document/architecture.md' });
    expect(resource.contents[0]?.uri).toBe('demo://resource/static/document/architecture.md');
    const prompt = await client.getPrompt({ name: 'simple-prompt' });
    expect(prompt.messages.length).toBeGreaterThan(0);

    const progress: number[] = [];
    await client.callTool(
      { name: 'trigger-long-running-operation', arguments: { duration: 1, steps: 3 } },
      undefined,
      { onprogress: (p) => progress.push(p.progress) },
    );
    expect(progress).toEqual([1, 2, 3]);

    const abort = new AbortController();
    const cancelled = client.callTool(
      { name: 'trigger-long-running-operation', arguments: { duration: 10, steps: 5 } },
      undefined,
      { signal: abort.signal },
    );
    setTimeout(() => abort.abort('user changed their mind'), 300);
    await expect(cancelled).rejects.toThrow();

    await client.close();
    const records = await until(() => {
      const list = loggedCalls(dataDir);
      return list.length >= 3 && list;
    }, 'three logged tool calls');
    const byTool = (tool: string) => records.filter((r) => r.tool === tool);
    expect(byTool('echo')[0]).toMatchObject({
      instanceId: 'everything',
      client: { name: 'Claude Desktop', version: '1.2.3' },
      outcome: 'ok',
      arguments: { message: 'hello broker' },
      source: 'client',
    });
    expect(
      byTool('trigger-long-running-operation')
        .map((r) => r.outcome)
        .sort(),
    ).toEqual(['cancelled', 'ok']);
  });

  it('keeps two clients apart when their calls interleave', async () => {
    const dataDir = path.join(tempDir(), 'data');
    seedSettings(dataDir, [{ id: 'everything', args: [EVERYTHING, 'stdio'] }]);
    await serveCore(dataDir);
    await running(dataDir, 'everything');
    const a = await connectClient(dataDir, 'everything', 'Cursor');
    const b = await connectClient(dataDir, 'everything', 'Claude Desktop');
    await Promise.all([a.connect(), b.connect()]);
    const sums = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        (i % 2 ? a : b).client.callTool({ name: 'get-sum', arguments: { a: i, b: 1000 } }),
      ),
    );
    sums.forEach((result, i) => expect(JSON.stringify(result.content)).toContain(String(i + 1000)));
    await Promise.all([a.client.close(), b.client.close()]);
    const records = await until(
      () => loggedCalls(dataDir).length === 20 && loggedCalls(dataDir),
      '20 records',
    );
    const clientOf = (i: number) => records.find((r) => (r.arguments as { a: number }).a === i)!.client.name;
    expect(clientOf(1)).toBe('Cursor');
    expect(clientOf(2)).toBe('Claude Desktop');
  });

  it('a server killed mid-call: that call fails clearly, the session survives, later calls work', async () => {
    const dataDir = path.join(tempDir(), 'data');
    seedSettings(dataDir, [{ id: 'everything', args: [EVERYTHING, 'stdio'] }]);
    await serveCore(dataDir);
    const { pid } = await running(dataDir, 'everything');
    const { client, connect } = await connectClient(dataDir, 'everything');
    await connect();
    let listChanged = 0;
    client.setNotificationHandler(ToolListChangedNotificationSchema, () => void listChanged++);
    const slow = client.callTool({
      name: 'trigger-long-running-operation',
      arguments: { duration: 10, steps: 2 },
    });
    await new Promise((r) => setTimeout(r, 300));
    process.kill(pid!, 'SIGKILL');
    // The client's SDK adds "MCP error <code>: " once; the broker sends the words without it.
    await expect(slow).rejects.toThrow(
      /^MCP error -32603: The service "[^"]+" restarted while handling this request/,
    );
    const again = await client.callTool({ name: 'echo', arguments: { message: 'after restart' } });
    expect(JSON.stringify(again.content)).toContain('after restart');
    await until(() => listChanged > 0, 'tools/list_changed after the restart');
    await client.close();
  });

  it('when the core dies the connector exits with a message, and the client sees the close', async () => {
    const dataDir = path.join(tempDir(), 'data');
    seedSettings(dataDir, [{ id: 'fixture', args: [path.join(FIXTURES, 'fixture-server.mjs')] }]);
    const core = await serveCore(dataDir);
    await running(dataDir, 'fixture');
    const { client, connect, stderr } = await connectClient(dataDir, 'fixture');
    await connect();
    const closed = new Promise<void>((resolve) => (client.onclose = () => resolve()));
    core.kill('SIGKILL');
    await closed;
    expect(stderr()).toContain('MCP Tray closed the connection');
  });

  it('an unknown or disabled instance gets a JSON-RPC error on initialize and a line on stderr', async () => {
    const dataDir = path.join(tempDir(), 'data');
    seedSettings(dataDir, [{ id: 'off', args: [path.join(FIXTURES, 'fixture-server.mjs')], enabled: false }]);
    await serveCore(dataDir);
    const off = await connectClient(dataDir, 'off');
    await expect(off.connect()).rejects.toThrow(
      /"off" is turned off in MCP Tray\. Open MCP Tray and enable it/,
    );
    expect(off.stderr()).toContain('turned off');
    const unknown = await connectClient(dataDir, 'nope');
    await expect(unknown.connect()).rejects.toThrow(/no service called "nope"/);
  });

  it('starts the core in the background when it is not running, then relays', async () => {
    const dataDir = path.join(tempDir(), 'data');
    seedSettings(dataDir, [{ id: 'fixture', args: [path.join(FIXTURES, 'fixture-server.mjs')] }]);
    // A first run creates the install secret, as installing the app would.
    const first = await serveCore(dataDir);
    await new Promise((resolve) => {
      first.once('exit', resolve);
      first.kill('SIGTERM');
    });
    const { client, connect, stderr } = await connectClient(dataDir, 'fixture');
    await connect();
    const result = await client.callTool({ name: 'echo', arguments: { message: 'woke it up' } });
    expect(JSON.stringify(result.content)).toContain('woke it up');
    expect(stderr()).toContain('starting it in the background');
    await client.close();
    const info = JSON.parse(fs.readFileSync(path.join(dataDir, 'run', 'host.json'), 'utf8')) as {
      pid: number;
    };
    process.kill(info.pid, 'SIGTERM');
    await until(() => !alive(info.pid), 'the started core to stop');
  });

  it('drops bad secrets, garbage and oversized frames without harming the core', async () => {
    const dataDir = path.join(tempDir(), 'data');
    seedSettings(dataDir, [{ id: 'fixture', args: [path.join(FIXTURES, 'fixture-server.mjs')] }]);
    await serveCore(dataDir);
    await running(dataDir, 'fixture');
    const paths = appPaths(dataDir);
    const socketPath = controlSocketPath(paths.dataDir, paths.runDir).path;
    const secret = readInstallSecret(dataDir)!;
    const hello = (s: string) =>
      JSON.stringify({ type: 'hello', secret: s, purpose: 'connect', instance: 'fixture' }) + '\n';
    // Sends the first line, and the rest once the core has answered it.
    const session = (lines: (string | Buffer)[]) =>
      new Promise<string>((resolve) => {
        const [first, ...rest] = lines;
        const socket = net.connect(socketPath, () => socket.write(first!));
        let text = '';
        socket.on('data', (d) => {
          if (!text) rest.forEach((l) => socket.write(l));
          text += d.toString();
        });
        socket.on('close', () => resolve(text));
        socket.on('error', () => undefined);
      });
    expect(await session([hello('f'.repeat(64))])).toBe('');
    expect(await session(['\x00\x01garbage\n', hello(secret)])).toBe('');
    const garbageAfter = await session([hello(secret), 'this is not json-rpc\n']);
    expect(garbageAfter).toContain('"welcome"');
    const huge = await session([hello(secret), Buffer.alloc(11 * 1024 * 1024, 'a'), '\n']);
    expect(huge).toContain('"welcome"');
    expect(cliJson<Status[]>(dataDir, ['status'])[0]!.state).toBe('running');
    const { client, connect } = await connectClient(dataDir, 'fixture');
    await connect();
    expect((await client.listTools()).tools).toHaveLength(2);
    await client.close();
  });

  it('routes a server sampling request to the client whose call caused it', async () => {
    const dataDir = path.join(tempDir(), 'data');
    seedSettings(dataDir, [{ id: 'everything', args: [EVERYTHING, 'stdio'] }]);
    await serveCore(dataDir);
    await running(dataDir, 'everything');
    const idle = await connectClient(dataDir, 'everything', 'Idle client');
    idle.client.registerCapabilities({ sampling: {} });
    const asking = await connectClient(dataDir, 'everything', 'Asking client');
    asking.client.registerCapabilities({ sampling: {} });
    const sampled: string[] = [];
    for (const [name, c] of [
      ['idle', idle],
      ['asking', asking],
    ] as const) {
      c.client.setRequestHandler(CreateMessageRequestSchema, async () => {
        sampled.push(name);
        return {
          model: 'test-model',
          role: 'assistant',
          content: { type: 'text', text: `answer from ${name}` },
        };
      });
    }
    await Promise.all([idle.connect(), asking.connect()]);
    const result = await asking.client.callTool({
      name: 'trigger-sampling-request',
      arguments: { prompt: 'hello?', maxTokens: 10 },
    });
    expect(JSON.stringify(result.content)).toContain('answer from asking');
    expect(sampled).toEqual(['asking']);
    await Promise.all([idle.client.close(), asking.client.close()]);
  });

  it('answers with a timeout error when the server is too slow, and logs it', async () => {
    const dataDir = path.join(tempDir(), 'data');
    seedSettings(dataDir, [{ id: 'everything', args: [EVERYTHING, 'stdio'], requestTimeoutMs: 500 }]);
    await serveCore(dataDir);
    await running(dataDir, 'everything');
    const { client, connect } = await connectClient(dataDir, 'everything');
    await connect();
    const slow = client.callTool({
      name: 'trigger-long-running-operation',
      arguments: { duration: 5, steps: 5 },
    });
    await expect(slow).rejects.toThrow(/timed out/i);
    const echo = await client.callTool({ name: 'echo', arguments: { message: 'still here' } });
    expect(JSON.stringify(echo.content)).toContain('still here');
    await client.close();
    const record = await until(
      () => loggedCalls(dataDir).find((r) => r.outcome === 'timeout'),
      'the timeout record',
    );
    expect(record.tool).toBe('trigger-long-running-operation');
  });

  it('never writes a token-shaped argument to disk', async () => {
    const dataDir = path.join(tempDir(), 'data');
    seedSettings(dataDir, [{ id: 'fixture', args: [path.join(FIXTURES, 'fixture-server.mjs')] }]);
    await serveCore(dataDir);
    await running(dataDir, 'fixture');
    const { client, connect } = await connectClient(dataDir, 'fixture');
    await connect();
    const token = 'ghp_' + 'A1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q7r8';
    await client.callTool({ name: 'echo', arguments: { message: `use ${token} please`, token } });
    await client.close();
    await until(() => loggedCalls(dataDir).length === 1, 'the logged call');
    const files = fs.readdirSync(dataDir, { recursive: true, encoding: 'utf8' });
    for (const file of files) {
      const full = path.join(dataDir, file);
      if (!fs.statSync(full).isFile() || full.endsWith('.sock')) continue;
      expect(fs.readFileSync(full, 'latin1')).not.toContain(token);
    }
    expect(JSON.stringify(loggedCalls(dataDir)[0]!.arguments)).toContain('[redacted]');
  });
});

const PEERS = path.join(ROOT, 'scripts/peers/node_modules');
const INSPECTOR = path.join(PEERS, '.bin/mcp-inspector');
// The Node running the tests (>= 22.12, see scripts/node22.sh) is the one Inspector needs.
const NODE22 = path.dirname(process.execPath);

// MCP Inspector's CLI needs Node 22: the test command installs it in scripts/peers.
describe.skipIf(!fs.existsSync(INSPECTOR))('a real third-party client: MCP Inspector CLI', () => {
  it('lists and calls tools through the connector', async () => {
    const dataDir = path.join(tempDir(), 'data');
    seedSettings(dataDir, [{ id: 'everything', args: [EVERYTHING, 'stdio'] }]);
    await serveCore(dataDir);
    await running(dataDir, 'everything');
    const inspect = (...args: string[]) =>
      spawnSync(
        INSPECTOR,
        ['--cli', process.execPath, CLI, 'connect', 'everything', '--data-dir', dataDir, ...args],
        {
          encoding: 'utf8',
          env: { ...process.env, PATH: `${NODE22}:${process.env.PATH}` },
          timeout: 60_000,
        },
      );
    const list = inspect('--method', 'tools/list');
    expect(list.status).toBe(0);
    expect(JSON.parse(list.stdout).tools.map((t: { name: string }) => t.name)).toContain('echo');
    const call = inspect(
      '--method',
      'tools/call',
      '--tool-name',
      'echo',
      '--tool-arg',
      'message=hi from inspector',
    );
    expect(call.status).toBe(0);
    expect(JSON.parse(call.stdout).content[0].text).toBe('Echo: hi from inspector');
    const records = await until(
      () => loggedCalls(dataDir).find((r) => r.tool === 'echo'),
      'the inspector call in the log',
    );
    expect(records.client.name).toMatch(/inspector/i);
  });
});
