import { randomBytes } from 'node:crypto';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import WebSocket from 'ws';
import { readInstallSecret } from '../../../electron/core/control/install-secret';
import { controlSocketPath } from '../../../electron/core/control/socket-path';
import { appPaths } from '../../../electron/core/platform/paths';
import type { ChaosCase } from '../harness';
import { CLI, connectClient, result, runningPids, seed, serve } from '../harness';

const rssMb = (pid: number): number => {
  const match = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
  return match ? Number(match[1]) / 1024 : 0;
};

/** 20 clients × 200 concurrent calls with unique payloads: none lost, duplicated or misrouted. */
export const concurrency: ChaosCase = {
  name: '20 clients × 200 concurrent calls',
  budgetMs: 120_000,
  async run(ctx) {
    const { home, dataDir } = ctx.home();
    seed(dataDir, [{ id: 'echo' }]);
    const served = await serve(ctx, home, dataDir);
    await runningPids(served, 1);
    const clients = await Promise.all(
      Array.from({ length: 20 }, (_, c) => connectClient(served, 'echo', `client-${c}`)),
    );
    ctx.onCleanup(() => clients.forEach((c) => void c.close()));
    let lost = 0;
    let wrong = 0;
    await Promise.all(
      clients.map((client, c) =>
        Promise.all(
          Array.from({ length: 200 }, async (_, i) => {
            const message = `c${c}-i${i}-${randomBytes(4).toString('hex')}`;
            try {
              const r = await client.callTool({ name: 'echo', arguments: { message } });
              const text = (r.content as { text?: string }[])[0]?.text;
              if (text !== message) wrong++;
            } catch {
              lost++;
            }
          }),
        ),
      ),
    );
    const { api } = await served.control();
    // Logging happens after each reply is sent: give the last ones a moment.
    const total = async () => (await api.queryToolCalls({ instanceId: 'echo', limit: 1 })).total;
    const deadline = Date.now() + 10_000;
    while ((await total()) < 4000 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200));
    const logged = await total();
    const missing = Math.max(0, 4000 - logged);
    const held = 4000 - lost - wrong;
    return result(
      4000,
      held,
      lost + wrong + missing,
      `${wrong} misrouted, ${lost} failed, ${logged} in the call log`,
    );
  },
};

/** stdout floods (lines, one endless line) and a stderr flood for 20 s: bounded memory, still answering. */
export const flood: ChaosCase = {
  name: 'stdout/stderr flood for 20 s',
  budgetMs: 90_000,
  async run(ctx) {
    const { home, dataDir } = ctx.home();
    const kinds = ['lines', 'nolines', 'stderr'];
    seed(
      dataDir,
      kinds.map((k) => ({ id: `flood-${k}`, env: { FIXTURE_FLOOD: `${k}:20` } })),
    );
    const served = await serve(ctx, home, dataDir);
    await runningPids(served, 3);
    let peak = 0;
    const end = Date.now() + 21_000;
    while (Date.now() < end) {
      peak = Math.max(peak, rssMb(served.child.pid!));
      await new Promise((r) => setTimeout(r, 250));
    }
    let answered = 0;
    // A server whose replies were stuck behind an endless line failed its pings and restarted.
    await runningPids(served, 3);
    for (const kind of kinds) {
      const client = await connectClient(served, `flood-${kind}`);
      ctx.onCleanup(() => void client.close());
      const r = await client.callTool({ name: 'echo', arguments: { message: 'still here' } });
      if ((r.content as { text?: string }[])[0]?.text === 'still here') answered++;
    }
    const bounded = peak < 250;
    return result(
      kinds.length,
      bounded ? answered : 0,
      kinds.length - answered,
      `core RSS peak ${Math.round(peak)} MB (limit 250)`,
    );
  },
};

/** Random bytes, bad ids, oversized lines and `__proto__` into `connect` and the control socket. */
export const fuzz: ChaosCase = {
  name: 'fuzzed frames into connect and the control socket',
  budgetMs: 120_000,
  async run(ctx) {
    const { home, dataDir } = ctx.home();
    seed(dataDir, [{ id: 'target' }]);
    const served = await serve(ctx, home, dataDir);
    await runningPids(served, 1);
    const frames = (i: number): Buffer[] => {
      const init = JSON.stringify({
        jsonrpc: '2.0',
        id: 1,
        method: 'initialize',
        params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'f', version: '1' } },
      });
      const pick = [
        () => randomBytes(1 + (i % 4096)),
        () => Buffer.from(`${init}\n{"jsonrpc":"2.0","id":{"__proto__":{"x":1}},"method":"tools/list"}\n`),
        () =>
          Buffer.from(
            `${init}\n{"__proto__":{"polluted":true},"jsonrpc":"2.0","id":2,"method":"tools/call","params":{"name":"echo","arguments":{"__proto__":{"a":1},"message":"p"}}}\n`,
          ),
        () => Buffer.from(`${init}\n${'['.repeat(100_000)}\n`),
        () => Buffer.from(`${init}\n{"jsonrpc":"2.0","id":${'9'.repeat(400)},"method":"ping"}\n`),
        () =>
          Buffer.concat([Buffer.from(init + '\n'), Buffer.alloc(12 * 1024 * 1024, 0x61), Buffer.from('\n')]),
        () => Buffer.from('\n\n\r\n{}\n[]\nnull\n"x"\n'),
      ];
      return [pick[i % pick.length]!()];
    };
    const runs = 150;
    for (let i = 0; i < runs; i++) {
      const child = spawn(process.execPath, [CLI, 'connect', 'target', '--data-dir', dataDir], {
        env: served.env,
        stdio: ['pipe', 'ignore', 'ignore'],
      });
      child.stdin.on('error', () => undefined);
      for (const frame of frames(i)) child.stdin.write(frame);
      child.stdin.end();
      await new Promise<void>((resolve) => {
        const timer = setTimeout(() => {
          child.kill('SIGKILL');
          resolve();
        }, 3000);
        child.once('exit', () => {
          clearTimeout(timer);
          resolve();
        });
      });
      if (served.child.exitCode !== null) break;
    }
    // The control socket: garbage before the handshake, and bad frames after a good one.
    const paths = appPaths(dataDir);
    const secret = readInstallSecret(paths.dataDir)!;
    const socketPath = controlSocketPath(paths.dataDir, paths.runDir).path;
    for (let i = 0; i < 30; i++) {
      const socket = net.connect(socketPath);
      socket.on('error', () => undefined);
      await new Promise((r) => socket.once('connect', r));
      if (i % 2) socket.write(JSON.stringify({ type: 'hello', secret, purpose: 'control' }) + '\n');
      socket.write(frames(i)[0]!);
      socket.write(
        `{"type":"request","id":1,"name":"__proto__","input":{}}\n{"type":"request","id":2,"name":"getAppInfo","input":{"__proto__":{"x":1}}}\n`,
      );
      await new Promise((r) => setTimeout(r, 50));
      socket.destroy();
    }
    const client = await connectClient(served, 'target');
    ctx.onCleanup(() => void client.close());
    const r = await client.callTool({ name: 'echo', arguments: { message: 'ok' } });
    const alive = served.child.exitCode === null && (r.content as { text?: string }[])[0]?.text === 'ok';
    return result(
      runs + 30,
      alive ? runs + 30 : 0,
      alive ? 0 : 1,
      alive ? 'core up, calls work after the fuzz' : 'the core went down',
    );
  },
};

/** Oversized, malformed, wrong-Origin and token-less WebSocket traffic: a legit session stays. */
export const wsAbuse: ChaosCase = {
  name: 'WebSocket abuse',
  budgetMs: 60_000,
  async run(ctx) {
    const { home, dataDir } = ctx.home();
    const served = await serve(ctx, home, dataDir);
    const token = new URL(served.url).searchParams.get('token')!;
    const url = `ws://127.0.0.1:${served.port}/api`;
    const origin = `http://127.0.0.1:${served.port}`;
    const open = (u: string, headers: Record<string, string>) =>
      new Promise<WebSocket | number>((resolve) => {
        const ws = new WebSocket(u, { headers });
        ws.on('open', () => resolve(ws));
        ws.on('unexpected-response', (_q, res) => resolve(res.statusCode ?? 0));
        ws.on('error', () => resolve(-1));
      });
    const legit = (await open(`${url}?token=${token}`, { origin })) as WebSocket;
    // The legit connection also gets the core's events (stats, status): wait for the reply
    // frame itself rather than taking whatever message comes first.
    const ask = (ws: WebSocket, id: number) =>
      new Promise<boolean>((resolve) => {
        const done = (answered: boolean) => {
          clearTimeout(timer);
          ws.off('message', onMessage);
          resolve(answered);
        };
        const onMessage = (data: WebSocket.RawData) => {
          const frame = JSON.parse(String(data)) as { type?: string; id?: number };
          if (frame.type === 'response' && frame.id === id) done(true);
        };
        const timer = setTimeout(() => done(false), 10_000);
        ws.on('message', onMessage);
        ws.send(JSON.stringify({ type: 'request', id, name: 'getAppInfo', input: {} }));
      });
    let held = 0;
    const attacks: (() => Promise<void>)[] = [
      async () => {
        const ws = (await open(`${url}?token=${token}`, { origin })) as WebSocket;
        ws.on('error', () => undefined);
        ws.send('x'.repeat(29 * 1024 * 1024));
        await new Promise((r) => ws.once('close', r));
      },
      async () => {
        const ws = (await open(`${url}?token=${token}`, { origin })) as WebSocket;
        ws.on('error', () => undefined);
        ws.send('{not json');
        ws.send(Buffer.from([1, 2, 3]));
        await new Promise((r) => ws.once('close', r));
      },
      async () => void (await open(`${url}?token=${token}`, { origin: 'http://evil.example' })),
      async () => void (await open(url, { origin })),
    ];
    let id = 1;
    for (const attack of attacks) {
      await attack();
      if (served.child.exitCode === null && (await ask(legit, id++))) held++;
    }
    legit.close();
    return result(
      attacks.length,
      held,
      attacks.length - held,
      'oversized, malformed, wrong Origin, no token',
    );
  },
};
