import path from 'node:path';
import type { ChaosCase } from '../harness';
import {
  FIXTURES,
  alive,
  connectClient,
  loggedPid,
  result,
  runningPids,
  seed,
  serve,
  until,
} from '../harness';

/** SIGKILL of the core with running servers, a stubborn grandchild and a double-forked daemon. */
export const coreKill: ChaosCase = {
  name: 'SIGKILL of the core with running servers',
  budgetMs: 90_000,
  async run(ctx) {
    const runs = 3;
    let survived = 0;
    let orphans = 0;
    for (let i = 0; i < runs; i++) {
      const { home, dataDir } = ctx.home();
      seed(dataDir, [
        { id: 'stubborn', env: { FIXTURE_IGNORE_SIGTERM: '1', FIXTURE_GRANDCHILD: '1' } },
        { id: 'daemonizer', env: { FIXTURE_DAEMON: '1' } },
        { id: 'plain' },
      ]);
      const served = await serve(ctx, home, dataDir);
      const pids = [...(await runningPids(served, 3)).values()];
      pids.push(
        await loggedPid(dataDir, 'stubborn', 'grandchild'),
        await loggedPid(dataDir, 'daemonizer', 'daemon'),
      );
      served.child.kill('SIGKILL');
      const end = Date.now() + 5000;
      while (Date.now() < end && pids.some(alive)) await new Promise((r) => setTimeout(r, 100));
      const left = pids.filter(alive);
      for (const pid of left) process.kill(pid, 'SIGKILL');
      orphans += left.length;
      if (left.length === 0) survived++;
    }
    return result(
      runs,
      survived,
      orphans,
      `${orphans} processes left 5 s after the kill (servers, setsid grandchildren, daemons)`,
    );
  },
};

/** A server killed in the middle of a call: a clear error, and the next call works. */
export const killMidCall: ChaosCase = {
  name: 'server killed mid-call',
  budgetMs: 90_000,
  async run(ctx) {
    const { home, dataDir } = ctx.home();
    seed(dataDir, [{ id: 'slow', env: { FIXTURE_SLOW: '1' } }]);
    const served = await serve(ctx, home, dataDir);
    const client = await connectClient(served, 'slow');
    ctx.onCleanup(() => void client.close());
    const runs = 3;
    let survived = 0;
    const notes: string[] = [];
    for (let i = 0; i < runs; i++) {
      const pid = (await runningPids(served, 1)).get('slow')!;
      const call = client.callTool({ name: 'sleep', arguments: { ms: 10_000 } }).then(
        (r) => ({ ok: !r.isError, text: JSON.stringify(r.content) }),
        (e: unknown) => ({ ok: false, text: String(e) }),
      );
      await new Promise((r) => setTimeout(r, 300));
      process.kill(pid, 'SIGKILL');
      const outcome = await call;
      await until(async () => (await runningPids(served, 1)).get('slow') !== pid, 'a new server', 30_000);
      const next = await client.callTool({ name: 'echo', arguments: { message: `after ${i}` } });
      const ok = !outcome.ok && JSON.stringify(next.content).includes(`after ${i}`);
      if (ok) survived++;
      if (i === 0) notes.push(`error: ${outcome.text.slice(0, 80)}`);
    }
    return result(runs, survived, runs - survived, notes.join('; '));
  },
};

/** Servers that never answer initialize, or crash at once: `failed` in bounded time, no tight loop. */
export const badStarts: ChaosCase = {
  name: 'never initializes / crashes at once',
  budgetMs: 90_000,
  async run(ctx) {
    const { home, dataDir } = ctx.home();
    seed(dataDir, [
      { id: 'hang', args: [path.join(FIXTURES, 'hang-on-initialize.mjs')], startTimeoutMs: 1000 },
      { id: 'crash', args: [path.join(FIXTURES, 'crash-at-start.mjs')] },
    ]);
    const served = await serve(ctx, home, dataDir);
    const { api } = await served.control();
    await until(
      async () => (await api.listInstances()).filter((i) => i.state === 'failed').length === 2,
      'both failed',
      60_000,
    );
    // From the first start to `failed`, by the instance's own timeline.
    const times: Record<string, number> = {};
    const restarts: number[] = [];
    for (const id of ['hang', 'crash']) {
      const detail = await api.getInstance({ id });
      const first = detail.history.find((t) => t.state === 'starting')!;
      const failed = detail.history.find((t) => t.state === 'failed')!;
      times[id] = Date.parse(failed.at) - Date.parse(first.at);
      restarts.push(detail.restarts);
    }
    const inTime = (times.crash ?? Infinity) <= 20_000 && (times.hang ?? Infinity) <= 30_000;
    const noLoop = restarts.every((n) => n <= 6);
    const held = (inTime ? 1 : 0) + (noLoop ? 1 : 0);
    return result(
      2,
      held,
      2 - held,
      `failed after: crash ${Math.round(times.crash! / 1000)} s, hang (1 s start timeout) ${Math.round(times.hang! / 1000)} s; restarts ${restarts.join('/')}`,
    );
  },
};
