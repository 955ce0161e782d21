import type { PermissionLevel } from '../../shared/permissions-contract';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { afterEach, describe, expect, it } from 'vitest';
import type { InstanceState, StateTransition } from '../../shared/contract';
import type { Core } from '../core';
import { tempDir } from '../../../test/core/support/temp-dirs';
import { brokerClient } from '../../../test/core/support/broker-client';
import { createTestCore } from '../../../test/core/support/test-core';
import type { SupervisorTuning } from './supervisor';

const FIXTURES = path.join(import.meta.dirname, 'fixtures');
const EVERYTHING = createRequire(import.meta.url).resolve(
  '@modelcontextprotocol/server-everything/dist/index.js',
);

const FAST: Partial<SupervisorTuning> = {
  restartPolicy: {
    initialDelayMs: 100,
    maxDelayMs: 400,
    jitter: 0,
    resetAfterMs: 30_000,
    maxCrashes: 5,
    crashWindowMs: 60_000,
  },
  health: { intervalMs: 100, timeoutMs: 200, unhealthyAfter: 2, restartAfter: 3 },
  // Servers start inside the sandbox (bubblewrap, seccomp, a shell) and the suite shares two cores:
  // 1.5 s was too tight for that under load; a hung server still fails within this.
  initTimeoutMs: 4000,
  stopTiming: { stdinGraceMs: 300, termGraceMs: 500 },
  statsIntervalMs: 200,
};

const cores: Core[] = [];
afterEach(async () => {
  await Promise.all(cores.splice(0).map((core) => core.stop()));
});

async function setup(tuning: Partial<SupervisorTuning> = FAST) {
  const dataDir = tempDir();
  const core = createTestCore(dataDir, { tuning });
  cores.push(core);
  await core.start();
  const transitions: Array<StateTransition & { id: string; ms: number }> = [];
  core.bus.on('instanceStateChanged', ({ id, transition }) =>
    transitions.push({ id, ...transition, ms: Date.now() }),
  );
  const states = (id: string) => transitions.filter((t) => t.id === id).map((t) => t.state);
  const waitFor = (id: string, state: InstanceState, timeoutMs = 15_000) =>
    new Promise<StateTransition>((resolve, reject) => {
      const found = () => transitions.find((t) => t.id === id && t.state === state);
      const hit = found();
      if (hit) return resolve(hit);
      const timer = setTimeout(
        () => reject(new Error(`${id} never reached ${state}; saw ${states(id).join(' → ')}`)),
        timeoutMs,
      );
      const off = core.bus.on('instanceStateChanged', (event) => {
        if (event.id === id && event.transition.state === state) {
          clearTimeout(timer);
          off();
          resolve(event.transition);
        }
      });
    });
  const add = (
    id: string,
    args: string[],
    env: Record<string, string> = {},
    secretEnv: Record<string, string> = {},
    sandbox?: PermissionLevel,
  ) => core.services.instances.addCustom({ id, command: process.execPath, args, env, secretEnv, sandbox });
  return { core, dataDir, transitions, states, waitFor, add };
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

async function gone(pid: number, timeoutMs = 10_000) {
  const deadline = Date.now() + timeoutMs;
  while (alive(pid) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
  return !alive(pid);
}

describe('supervisor with real processes', () => {
  it('runs server-everything: initialize, tool list, detail, and stops it', async () => {
    const { core, waitFor, states, add } = await setup();
    await add('everything', [EVERYTHING, 'stdio']);
    await waitFor('everything', 'running');
    const detail = core.services.instances.get('everything');
    expect(detail.tools.map((t) => t.name)).toContain('echo');
    expect(detail.serverInfo?.name).toMatch(/everything/i);
    expect(detail.pid).toBeGreaterThan(0);
    expect(states('everything')).toEqual(['starting', 'running']);
    const result = await core.supervisor.runner('everything')!.client!.callTool({
      name: 'echo',
      arguments: { message: 'hi' },
    });
    expect(JSON.stringify(result.content)).toContain('hi');
    const pid = detail.pid!;
    await core.services.instances.setEnabled('everything', false);
    expect(alive(pid)).toBe(false);
    expect(core.services.instances.get('everything').state).toBe('disabled');
  });

  it('backs off after crashes with doubling delays, then gives up as failed', async () => {
    const { waitFor, transitions, states, add } = await setup();
    await add('crashy', [path.join(FIXTURES, 'crash-at-start.mjs')]);
    const failed = await waitFor('crashy', 'failed');
    expect(failed.reason).toMatch(/GITHUB_TOKEN is not set/);
    expect(failed.reason).toMatch(/will not restart it until you press Restart/);
    // The countdown is the UI's, from nextRetryAt: the reason does not carry a second one.
    for (const t of transitions.filter((t) => t.state === 'backoff'))
      expect(t.reason).not.toMatch(/Restarting in/);
    expect(states('crashy')).toEqual([
      ...['starting', 'backoff', 'starting', 'backoff', 'starting', 'backoff', 'starting', 'backoff'],
      ...['starting', 'failed'],
    ]);
    // Time from each backoff to the next start: 100, 200, 400 (cap), 400 ms.
    const own = transitions.filter((t) => t.id === 'crashy');
    const waits = own.flatMap((t, i) => (t.state === 'backoff' ? [own[i + 1]!.ms - t.ms] : []));
    [100, 200, 400, 400].forEach((expected, i) => {
      expect(waits[i]).toBeGreaterThanOrEqual(expected - 10);
      expect(waits[i]).toBeLessThan(expected + 400);
    });
  });

  it("a failed start shows the line that says why, not the runtime's last words", async () => {
    const { waitFor, add } = await setup();
    await add('missing-pkg', [path.join(FIXTURES, 'crash-npm-404.mjs')]);
    const backoff = await waitFor('missing-pkg', 'backoff');
    expect(backoff.reason).toMatch(/E404|404 Not Found|is not in this registry/);
    expect(backoff.reason).not.toMatch(/complete log/);
  });

  it('a missing command is a clear failure, not a crash loop', async () => {
    const { core, waitFor, states } = await setup();
    await core.services.instances.addCustom({ id: 'uv-thing', command: 'uvx', args: ['some-server'] });
    const failed = await waitFor('uv-thing', 'failed');
    expect(failed.reason).toMatch(/"uvx" was not found/);
    expect(failed.reason).toMatch(/Install uv/);
    expect(states('uv-thing')).toEqual(['starting', 'failed']);
  });

  it('a server that hangs on initialize is stopped and retried', async () => {
    const { waitFor, add } = await setup();
    await add('hang', [path.join(FIXTURES, 'hang-on-initialize.mjs')]);
    const backoff = await waitFor('hang', 'backoff');
    expect(backoff.reason).toMatch(/did not answer initialize \(the MCP handshake\) within 4 s/i);
  });

  it('a per-service start timeout applies, and each timeout counts as a crash until it fails', async () => {
    const { core, waitFor, add, transitions } = await setup();
    await add('slow', [path.join(FIXTURES, 'hang-on-initialize.mjs')]);
    expect(await core.dispatcher.dispatch('setStartTimeout', { id: 'slow', timeoutMs: 1000 })).toEqual({
      ok: true,
      value: { startTimeoutMs: 1000 },
    });
    await core.services.instances.restart('slow');
    const failed = await waitFor('slow', 'failed', 30_000);
    expect(failed.reason).toMatch(/did not answer initialize.* more\. It .* 5 times/);
    const timeouts = transitions.filter((t) => t.id === 'slow' && t.state === 'backoff');
    expect(timeouts.length).toBeGreaterThanOrEqual(4);
    for (const t of timeouts) expect(t.reason).toMatch(/did not answer initialize .* within 1 s/);
    const starting = transitions.find((t) => t.id === 'slow' && t.state === 'starting');
    expect(starting?.reason).toMatch(/waiting for the server to answer/);
    expect(core.services.instances.get('slow').startTimeoutMs).toBe(1000);
  });

  it('restarts a server that crashes after running, and fetches its tools again', async () => {
    const { core, waitFor, states, add } = await setup();
    await add('flaky', [path.join(FIXTURES, 'fixture-server.mjs')], { FIXTURE_CRASH_AFTER_MS: '400' });
    await waitFor('flaky', 'running');
    const firstPid = core.services.instances.get('flaky').pid;
    const backoff = await waitFor('flaky', 'backoff');
    expect(backoff.reason).toMatch(/exited with code 3: fixture crashing on purpose/);
    await new Promise<void>((resolve) => {
      const off = core.bus.on('instanceStateChanged', ({ id, transition }) => {
        if (id === 'flaky' && transition.state === 'running') {
          off();
          resolve();
        }
      });
    });
    const detail = core.services.instances.get('flaky');
    expect(detail.pid).not.toBe(firstPid);
    expect(detail.tools.map((t) => t.name)).toEqual(['echo', 'read_env']);
    expect(detail.restarts).toBeGreaterThanOrEqual(1);
    expect(states('flaky').slice(0, 4)).toEqual(['starting', 'running', 'backoff', 'starting']);
  });

  it('a frozen server turns unhealthy on failed pings, then is restarted', async () => {
    const { waitFor, add } = await setup();
    await add('frozen', [path.join(FIXTURES, 'fixture-server.mjs')], { FIXTURE_FREEZE_AFTER_MS: '300' });
    await waitFor('frozen', 'running');
    const unhealthy = await waitFor('frozen', 'unhealthy');
    expect(unhealthy.reason).toMatch(/Not answering health checks/);
    const backoff = await waitFor('frozen', 'backoff');
    expect(backoff.reason).toMatch(/stopped answering/i);
  });

  it('stops a server that ignores SIGTERM, and its grandchild, leaving no process', async () => {
    const { core, dataDir, waitFor, add } = await setup();
    // Not sandboxed: the pid the grandchild reports must be a host pid. Inside the sandbox it is
    // its PID namespace's, and the kernel ends the whole namespace with the server (sandbox-e2e).
    await add(
      'stubborn',
      [path.join(FIXTURES, 'fixture-server.mjs')],
      { FIXTURE_IGNORE_SIGTERM: '1', FIXTURE_GRANDCHILD: '1' },
      {},
      'none',
    );
    await waitFor('stubborn', 'running');
    const detail = core.services.instances.get('stubborn');
    const grandchild = Number(/grandchild (\d+)/.exec(detail.stderrTail.join('\n'))![1]);
    expect(alive(grandchild)).toBe(true);
    await core.services.instances.remove('stubborn');
    expect(await gone(detail.pid!)).toBe(true);
    expect(await gone(grandchild)).toBe(true);
    expect(fs.existsSync(path.join(dataDir, 'settings.json'))).toBe(true);
  });

  it('survives stdout garbage: counts it, and calls still work', async () => {
    const { core, waitFor, add } = await setup();
    await add('noisy', [path.join(FIXTURES, 'fixture-server.mjs')], { FIXTURE_GARBAGE: '1' });
    await waitFor('noisy', 'running');
    const client = core.supervisor.runner('noisy')!.client!;
    const result = await client.callTool({ name: 'echo', arguments: { message: 'still fine' } });
    expect(JSON.stringify(result.content)).toContain('still fine');
    expect(core.services.instances.get('noisy').garbageLines).toBe(3);
  });

  it('keeps 50 MB of stderr in a bounded 0600 log and the last lines for the UI', async () => {
    const { core, dataDir, waitFor, add } = await setup();
    await add('chatty', [path.join(FIXTURES, 'fixture-server.mjs')], { FIXTURE_STDERR_MB: '50' });
    await waitFor('chatty', 'running');
    const deadline = Date.now() + 20_000;
    while (
      !core.services.instances.get('chatty').stderrTail.includes('stderr flood done') &&
      Date.now() < deadline
    ) {
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(core.services.instances.get('chatty').stderrTail).toContain('stderr flood done');
    const logDir = path.join(dataDir, 'logs', 'instances');
    const files = fs.readdirSync(logDir).filter((f) => f.startsWith('chatty'));
    const total = files.reduce((sum, f) => sum + fs.statSync(path.join(logDir, f)).size, 0);
    expect(total).toBeLessThanOrEqual(3 * 1024 * 1024);
    for (const f of files) expect(fs.statSync(path.join(logDir, f)).mode & 0o777).toBe(0o600);
    expect(core.services.instances.get('chatty').state).toBe('running');
  });

  it('gives a server its secrets and allowlisted env only, and samples its CPU and memory', async () => {
    process.env.MCP_TRAY_SHOULD_NOT_LEAK = 'leak';
    const { core, waitFor, add } = await setup();
    await add(
      'envy',
      [path.join(FIXTURES, 'fixture-server.mjs')],
      { PLAIN: 'p' },
      { API_TOKEN: 's3cret-value' },
    );
    await waitFor('envy', 'running');
    const client = core.supervisor.runner('envy')!.client!;
    const read = async (name: string) =>
      JSON.stringify((await client.callTool({ name: 'read_env', arguments: { name } })).content);
    expect(await read('API_TOKEN')).toContain('s3cret-value');
    expect(await read('PLAIN')).toContain('"p"');
    expect(await read('MCP_TRAY_SHOULD_NOT_LEAK')).toContain('<unset>');
    expect(await read('HOME')).not.toContain('<unset>');
    const detail = core.services.instances.get('envy');
    expect(detail.secretEnvNames).toEqual(['API_TOKEN']);
    expect(JSON.stringify(detail)).not.toContain('s3cret-value');
    const deadline = Date.now() + 5000;
    while (!core.services.instances.get('envy').stats && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 50));
    }
    expect(core.services.instances.get('envy').stats?.rssBytes).toBeGreaterThan(10 * 1024 * 1024);
    // Each sample also goes into the history the sparklines draw.
    const history = core.services.instances.get('envy').statsHistory;
    expect(history.length).toBeGreaterThan(0);
    expect(history.at(-1)!.rssBytes).toBeGreaterThan(10 * 1024 * 1024);
    delete process.env.MCP_TRAY_SHOULD_NOT_LEAK;
  });

  it("keeps an instance's own secret values out of the tool-call log, whatever their shape", async () => {
    const { core, waitFor, add } = await setup();
    await add(
      'vault',
      [path.join(FIXTURES, 'fixture-server.mjs')],
      {},
      { MY_PASSWORD: 'SuperSecretValue123' },
    );
    await waitFor('vault', 'running');
    const client = await brokerClient(core, 'vault');
    const result = await client.callTool({ name: 'read_env', arguments: { name: 'MY_PASSWORD' } });
    expect(JSON.stringify(result.content)).toContain('SuperSecretValue123');
    await client.callTool({ name: 'echo', arguments: { message: 'SuperSecretValue123' } });
    await client.close();
    const page = core.calls.query({ limit: 10 });
    expect(page.records).toHaveLength(2);
    expect(JSON.stringify(page.records)).not.toContain('SuperSecretValue123');
  });

  it('a user Restart of a failed instance starts fresh, and overlapping restarts end with one process', async () => {
    const { core, waitFor, states, add } = await setup();
    await add('steady', [path.join(FIXTURES, 'fixture-server.mjs')]);
    await waitFor('steady', 'running');
    await Promise.all([core.services.instances.restart('steady'), core.services.instances.restart('steady')]);
    const detail = core.services.instances.get('steady');
    expect(detail.state).toBe('running');
    expect(states('steady')).not.toContain('backoff');
    expect(alive(detail.pid!)).toBe(true);
  });
});
