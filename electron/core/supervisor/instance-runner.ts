import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import type { TokenRejectedResult } from '../auth/token-channel';
import type { InstanceConfig } from '../settings/settings-schema';
import type { LaunchResolver, LaunchSpec } from '../integrations/launch-spec';
import { scrubSecrets } from '../calllog/scrub-secrets';
import { ChildStdioTransport } from './child-transport';
import { childEnv } from './child-env';
import type { CommandResolver } from './command-resolver';
import { hasExited, stopProcessGroup } from './process-group';
import type { Spawner, StopTiming } from './process-group';
import { RunnerBase } from './runner-base';
import type { RunnerBaseDeps } from './runner-base';
import type { Watchdog } from './watchdog';
import { failureLine } from './failure-line';
import type { SandboxService } from '../sandbox/sandbox-service';

export interface RunnerDeps extends RunnerBaseDeps {
  config: () => InstanceConfig;
  /** Answers the 401 channel: a fresh token value, or a rejection when a sign-in is needed. */
  tokenRejected: () => Promise<TokenRejectedResult>;
  launch: LaunchResolver;
  commands: CommandResolver;
  spawner: Spawner;
  watchdog: Watchdog;
  env: NodeJS.ProcessEnv;
  stopTiming: StopTiming;
  sandbox?: SandboxService | undefined;
}

/**
 * One instance's server process and its SDK client. Every child gets a generation number;
 * events from an older generation (a previous child) are ignored.
 */
export class InstanceRunner extends RunnerBase {
  private child: ChildProcessWithoutNullStreams | null = null;
  /** Who waits for the exit of the current child to be reported (see `whenGone`). */
  private readonly goneWaiters = new Set<() => void>();

  constructor(private readonly deps: RunnerDeps) {
    super(deps);
  }

  get pid(): number | null {
    return this.child && !hasExited(this.child) ? (this.child.pid ?? null) : null;
  }

  /** What this instance runs, without secrets. Throws a user-facing error when it can't tell. */
  describe(): LaunchSpec {
    return this.deps.launch.describe(this.deps.config());
  }

  /** Starts the server unless the instance is disabled. */
  async start(): Promise<void> {
    this.clearTimers();
    const config = this.deps.config();
    if (!config.enabled) {
      this.transition('disabled', 'Disabled by you');
      return;
    }
    const gen = ++this.generation;
    // The UI adds how long ago this began (the state's `since`): a server that never answers
    // `initialize` must not look like one that is merely slow.
    const waiting = 'waiting for the server to answer';
    this.transition(
      'starting',
      this.restarts > 0 ? `Restarting (restart ${this.restarts}): ${waiting}` : `Starting: ${waiting}`,
    );
    let spawned: ChildProcessWithoutNullStreams;
    try {
      await this.loadClient();
      const launch = await this.deps.launch.resolve(config);
      const command = await this.deps.commands.resolve(launch.command, launch.args, {
        cwd: launch.cwd ?? undefined,
        appNode: launch.appNode === true,
      });
      if (gen !== this.generation) return;
      if (!command.ok) {
        this.transition('failed', command.reason);
        return;
      }
      const searchPath = await this.deps.commands.searchPath();
      this.secretValues = Object.values(launch.secretEnv);
      // The sandbox wraps the resolved command; it throws (never runs it unconfined) when the
      // profile asks for a sandbox this machine cannot give.
      const run = this.deps.sandbox
        ? await this.deps.sandbox.launch(config, command.file, command.args, launch.cwd)
        : { file: command.file, args: command.args, env: {}, cwd: launch.cwd, release: () => undefined };
      if (gen !== this.generation) {
        run.release();
        return;
      }
      spawned = this.deps.spawner.spawn({
        file: run.file,
        args: run.args,
        // The runtime's own variables (ELECTRON_RUN_AS_NODE) last: the server cannot run without them.
        env: {
          ...childEnv(this.deps.env, searchPath, launch.env, launch.secretEnv),
          ...this.deps.watchdog.marker,
          ...run.env,
          ...command.env,
        },
        cwd: run.cwd,
        // Verbatim quoting is for cmd.exe; a wrapped command is a POSIX shell's argv.
        windowsVerbatimArguments: run.file === command.file ? command.windowsVerbatimArguments : false,
      });
      // The child's network allow list lives exactly as long as the child (whatever stops it).
      spawned.once('exit', run.release);
      spawned.once('error', run.release);
    } catch (error) {
      if (gen !== this.generation) return;
      const needsAuth = (error as { code?: string }).code === 'needs-auth';
      this.transition(needsAuth ? 'needs-auth' : 'failed', (error as Error).message);
      return;
    }
    if (gen !== this.generation) {
      void stopProcessGroup(spawned, this.deps.stopTiming);
      return;
    }
    this.attach(spawned, gen);
    await this.connect(spawned, gen);
  }

  /** Stops the server (stdin, SIGTERM, SIGKILL) and settles in `finalState`. */
  async stop(finalState: 'stopped' | 'disabled' | null = 'stopped'): Promise<void> {
    this.generation++;
    this.clearTimers();
    const child = this.child;
    const client = this.client;
    this.child = null;
    this.client = null;
    this.readySince = null;
    if (client) await client.close().catch(() => undefined);
    if (child) {
      await stopProcessGroup(child, this.deps.stopTiming);
      if (child.pid !== undefined) this.deps.watchdog.unwatch(child.pid);
    }
    this.stats = null;
    if (finalState) this.transition(finalState, finalState === 'disabled' ? 'Disabled by you' : 'Stopped');
  }

  protected async dropConnection(): Promise<void> {
    const child = this.child;
    if (child) await stopProcessGroup(child, this.deps.stopTiming);
  }

  private attach(child: ChildProcessWithoutNullStreams, gen: number): void {
    this.child = child;
    child.once('spawn', () => {
      if (child.pid !== undefined) this.deps.watchdog.watch(child.pid);
    });
    child.stderr.on('data', (chunk: Buffer) =>
      this.deps.stderr.write(
        this.secretValues.length ? scrubSecrets(chunk.toString('utf8'), this.secretValues) : chunk,
      ),
    );
    child.once('error', (error) => this.onGone(gen, `could not start: ${error.message}`));
    child.once('exit', (code, signal) => {
      if (child.pid !== undefined) this.deps.watchdog.unwatch(child.pid);
      const gone = () => this.onGone(gen, signal ? `was stopped by ${signal}` : `exited with code ${code}`);
      // `exit` can come before the last of its error output: the reason is usually in there. A
      // descendant holding stderr open must not delay the crash, hence the short bound.
      if (child.stderr.readableEnded) return gone();
      const timer = setTimeout(gone, 250);
      child.stderr.once('end', () => {
        clearTimeout(timer);
        gone();
      });
    });
  }

  private async connect(child: ChildProcessWithoutNullStreams, gen: number): Promise<void> {
    // Our own servers ask for a fresh token through the client (the 401 channel).
    const client = await this.newClient(() => this.deps.tokenRejected());
    const transport = new ChildStdioTransport(child, (noise) => {
      this.garbageLines++;
      this.deps.logger.debug('ignored stdout noise', { kind: noise.kind, sample: noise.sample });
    });
    const superseded = async () => {
      // A stop or restart came while this child was starting: it is no longer ours to keep.
      await client.close().catch(() => undefined);
      await stopProcessGroup(child, this.deps.stopTiming);
    };
    const timeoutMs = this.deps.config().startTimeoutMs ?? this.deps.initTimeoutMs;
    try {
      await client.connect(transport, { timeout: timeoutMs });
    } catch (error) {
      if (gen !== this.generation) return superseded();
      const timedOut = /timed out/i.test(String(error));
      // The connection closed because the server is exiting: its exit (with the reason from its
      // error output) reports the crash, a moment later, once that output has been read.
      if (!timedOut) await this.whenGone(gen);
      if (this.ended === gen || gen !== this.generation) return;
      // A timeout counts as a crash (onCrash), so restarts back off as for any other.
      const message = timedOut
        ? `The server started but did not answer initialize (the MCP handshake) within ${Math.round(timeoutMs / 1000)} s. ` +
          'It may be waiting for input, or not be an MCP server; its error output may say more'
        : `failed while starting: ${(error as Error).message}`;
      this.ended = gen;
      await stopProcessGroup(child, this.deps.stopTiming);
      this.onCrash(gen, message);
      return;
    }
    if (!(await this.ready(client, gen))) return superseded();
  }

  /** Resolves once the child's exit has been reported (onGone), or after a bounded wait. */
  private whenGone(gen: number): Promise<void> {
    if (this.ended === gen) return Promise.resolve();
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.goneWaiters.delete(done);
        resolve();
      };
      // A server that closed its stdout but lives on is reported as a failed start instead.
      const timer = setTimeout(done, 1000);
      this.goneWaiters.add(done);
    });
  }

  private onGone(gen: number, how: string): void {
    if (gen !== this.generation || this.ended === gen) return;
    this.ended = gen;
    const why = failureLine(this.deps.stderr.tail(60));
    this.onCrash(gen, `The server ${how}${why ? `: ${why.slice(0, 300)}` : ''}`);
    for (const wake of [...this.goneWaiters]) wake();
  }
}
