import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import type { TokenRejectedResult } from '../auth/token-channel';
import { TokenRejectedRequest } from '../auth/token-channel';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import {
  CreateMessageRequestSchema,
  ElicitRequestSchema,
  ListRootsRequestSchema,
  LoggingMessageNotificationSchema,
  PromptListChangedNotificationSchema,
  ResourceListChangedNotificationSchema,
  ResourceUpdatedNotificationSchema,
  ToolListChangedNotificationSchema,
} from '@modelcontextprotocol/sdk/types.js';
import type { Notification, Request, Result, Tool } from '@modelcontextprotocol/sdk/types.js';
import type { InstanceState, ProcessStats, StateTransition, StatsSample } from '../../shared/contract';
import type { InstanceConfig } from '../settings/settings-schema';
import type { Clock } from '../platform/clock';
import type { Logger } from '../platform/logger';
import type { LaunchResolver, LaunchSpec } from '../integrations/launch-spec';
import { scrubSecrets } from '../calllog/scrub-secrets';
import { CrashTracker } from './backoff';
import type { RestartPolicy } from './backoff';
import { ChildStdioTransport } from './child-transport';
import { childEnv } from './child-env';
import type { CommandResolver } from './command-resolver';
import { hasExited, stopProcessGroup } from './process-group';
import type { Spawner, StopTiming } from './process-group';
import type { RotatingLog } from './rotating-log';
import type { Watchdog } from './watchdog';

/** Health checking: MCP `ping` on an interval; only ping failures restart a server. */
export interface HealthPolicy {
  intervalMs: number;
  timeoutMs: number;
  /** Consecutive failed pings before the instance is `unhealthy`. */
  unhealthyAfter: number;
  /** Consecutive failed pings before it is restarted. */
  restartAfter: number;
}

export const DEFAULT_HEALTH_POLICY: HealthPolicy = {
  intervalMs: 15_000,
  timeoutMs: 5_000,
  unhealthyAfter: 2,
  restartAfter: 3,
};

/** Where the server's own notifications and requests go (the broker's sessions). */
export interface UpstreamHooks {
  onNotification(notification: Notification): void;
  /** A server-to-client request (sampling, elicitation, roots). */
  onRequest(request: Request, signal: AbortSignal): Promise<Result>;
}

export const NO_UPSTREAM_HOOKS: UpstreamHooks = {
  onNotification: () => undefined,
  onRequest: () => Promise.reject(new Error('No AI client is connected to answer this request.')),
};

export interface RunnerDeps {
  config: () => InstanceConfig;
  /** Answers the 401 channel: a fresh token value, or a rejection when a sign-in is needed. */
  tokenRejected: () => Promise<TokenRejectedResult>;
  launch: LaunchResolver;
  commands: CommandResolver;
  spawner: Spawner;
  watchdog: Watchdog;
  stderr: RotatingLog;
  clock: Clock;
  logger: Logger;
  env: NodeJS.ProcessEnv;
  restartPolicy: RestartPolicy;
  health: HealthPolicy;
  initTimeoutMs: number;
  stopTiming: StopTiming;
  clientInfo: { name: string; version: string };
  onChange: (transition: StateTransition | null) => void;
  upstream: UpstreamHooks;
}

const HISTORY_LIMIT = 50;

/**
 * One instance's server process and its SDK client. Every child gets a generation number;
 * events from an older generation (a previous child) are ignored.
 */
export class InstanceRunner {
  state: InstanceState = 'stopped';
  reason: string | null = null;
  since: number;
  nextRetryAt: number | null = null;
  readonly history: StateTransition[] = [];
  tools: Tool[] = [];
  resourceCount = 0;
  promptCount = 0;
  serverInfo: { name: string; version: string } | null = null;
  stats: ProcessStats | null = null;
  /** Recent samples for the sparklines; kept across restarts so a crash shows in them. */
  readonly statsHistory: StatsSample[] = [];
  restarts = 0;
  garbageLines = 0;
  client: Client | null = null;
  /** Secret values the current server was given: scrubbed from its stderr and from logged calls. */
  secretValues: string[] = [];

  private child: ChildProcessWithoutNullStreams | null = null;
  private generation = 0;
  private ended = -1;
  private readySince: number | null = null;
  private retryTimer: NodeJS.Timeout | null = null;
  private healthTimer: NodeJS.Timeout | null = null;
  private failedPings = 0;
  private readonly crashes: CrashTracker;

  constructor(private readonly deps: RunnerDeps) {
    this.since = deps.clock.now();
    this.crashes = new CrashTracker(deps.restartPolicy);
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
    this.transition('starting', this.restarts > 0 ? `Restarting (restart ${this.restarts})` : 'Starting');
    let spawned: ChildProcessWithoutNullStreams;
    try {
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
      spawned = this.deps.spawner.spawn({
        file: command.file,
        args: command.args,
        // The runtime's own variables (ELECTRON_RUN_AS_NODE) last: the server cannot run without them.
        env: { ...childEnv(this.deps.env, searchPath, launch.env, launch.secretEnv), ...command.env },
        cwd: launch.cwd,
        windowsVerbatimArguments: command.windowsVerbatimArguments,
      });
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

  /** The sign-in was refused or removed: stop the server and wait for the user to sign in. */
  async needsAuth(reason: string): Promise<void> {
    await this.stop(null);
    this.transition('needs-auth', reason);
  }

  /** The user's Restart: forget the crash history and start again. */
  async restart(): Promise<void> {
    this.crashes.reset();
    await this.stop(null);
    this.restarts++;
    await this.start();
  }

  /** The last lines the server wrote to stderr. */
  stderrTail(lines: number): string[] {
    return this.deps.stderr.tail(lines);
  }

  /** Releases files; call after a final stop. */
  dispose(): void {
    this.clearTimers();
    this.deps.stderr.close();
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
      this.onGone(gen, signal ? `was stopped by ${signal}` : `exited with code ${code}`);
    });
  }

  private async connect(child: ChildProcessWithoutNullStreams, gen: number): Promise<void> {
    const transport = new ChildStdioTransport(child, (noise) => {
      this.garbageLines++;
      this.deps.logger.debug('ignored stdout noise', { kind: noise.kind, sample: noise.sample });
    });
    // We can answer these for the server by asking a connected client (the broker routes them).
    const client = new Client(this.deps.clientInfo, {
      capabilities: { sampling: {}, elicitation: {}, roots: { listChanged: true } },
    });
    this.wireUpstream(client);
    const superseded = async () => {
      // A stop or restart came while this child was starting: it is no longer ours to keep.
      await client.close().catch(() => undefined);
      await stopProcessGroup(child, this.deps.stopTiming);
    };
    try {
      await client.connect(transport, { timeout: this.deps.initTimeoutMs });
    } catch (error) {
      if (gen !== this.generation) return superseded();
      if (this.ended === gen) return;
      const message = /timed out/i.test(String(error))
        ? `did not finish starting within ${Math.round(this.deps.initTimeoutMs / 1000)} s`
        : `failed while starting: ${(error as Error).message}`;
      this.ended = gen;
      await stopProcessGroup(child, this.deps.stopTiming);
      this.onCrash(gen, message);
      return;
    }
    if (gen !== this.generation) return superseded();
    this.client = client;
    this.serverInfo = client.getServerVersion() ?? null;
    await this.refreshLists(client);
    if (gen !== this.generation) return superseded();
    if (this.ended === gen) return;
    this.readySince = this.deps.clock.now();
    this.transition('running', null);
    this.startHealth(client, gen);
  }

  private wireUpstream(client: Client): void {
    const { upstream } = this.deps;
    for (const schema of [
      ToolListChangedNotificationSchema,
      ResourceListChangedNotificationSchema,
      PromptListChangedNotificationSchema,
    ]) {
      client.setNotificationHandler(schema, async (notification) => {
        await this.refreshLists(client);
        upstream.onNotification(notification);
      });
    }
    for (const schema of [ResourceUpdatedNotificationSchema, LoggingMessageNotificationSchema]) {
      client.setNotificationHandler(schema, (notification) => upstream.onNotification(notification));
    }
    // Our own servers ask for a fresh token here when theirs is rejected (the 401 channel).
    client.setRequestHandler(TokenRejectedRequest, () => this.deps.tokenRejected());
    for (const schema of [CreateMessageRequestSchema, ElicitRequestSchema, ListRootsRequestSchema]) {
      client.setRequestHandler(
        schema,
        (request, extra) => upstream.onRequest(request, extra.signal) as never,
      );
    }
  }

  private async refreshLists(client: Client): Promise<void> {
    const caps = client.getServerCapabilities() ?? {};
    const safely = async <T>(run: () => Promise<T>, fallback: T): Promise<T> => {
      try {
        return await run();
      } catch (error) {
        this.deps.logger.warn('listing failed', { error: String(error) });
        return fallback;
      }
    };
    this.tools = caps.tools ? await safely(async () => (await client.listTools()).tools, []) : [];
    this.resourceCount = caps.resources
      ? await safely(async () => (await client.listResources()).resources.length, 0)
      : 0;
    this.promptCount = caps.prompts
      ? await safely(async () => (await client.listPrompts()).prompts.length, 0)
      : 0;
    if (client === this.client) this.deps.onChange(null);
  }

  private startHealth(client: Client, gen: number): void {
    this.failedPings = 0;
    let inFlight = false;
    this.healthTimer = setInterval(() => {
      if (inFlight || gen !== this.generation) return;
      inFlight = true;
      client
        .ping({ timeout: this.deps.health.timeoutMs })
        .then(
          () => {
            this.failedPings = 0;
            if (this.state === 'unhealthy' && gen === this.generation)
              this.transition('running', 'Answering again');
          },
          () => this.onPingFailed(gen),
        )
        .finally(() => (inFlight = false));
    }, this.deps.health.intervalMs);
    this.healthTimer.unref();
  }

  private onPingFailed(gen: number): void {
    if (gen !== this.generation) return;
    this.failedPings++;
    const { unhealthyAfter, restartAfter } = this.deps.health;
    if (this.failedPings >= restartAfter) {
      const child = this.child;
      this.ended = gen;
      this.clearTimers();
      const kill = child ? stopProcessGroup(child, this.deps.stopTiming) : Promise.resolve('stdin');
      void kill.then(() => this.onCrash(gen, `stopped answering (${this.failedPings} health checks failed)`));
    } else if (this.failedPings >= unhealthyAfter && this.state === 'running') {
      this.transition('unhealthy', `Not answering health checks (${this.failedPings} in a row)`);
    }
  }

  private onGone(gen: number, how: string): void {
    if (gen !== this.generation || this.ended === gen) return;
    this.ended = gen;
    const lastLine = this.deps.stderr.tail(1)[0];
    this.onCrash(gen, `The server ${how}${lastLine ? `: ${lastLine.slice(0, 300)}` : ''}`);
  }

  private onCrash(gen: number, reason: string): void {
    if (gen !== this.generation) return;
    this.clearTimers();
    this.client = null;
    this.stats = null;
    const sentence = reason.charAt(0).toUpperCase() + reason.slice(1);
    const decision = this.crashes.onCrash(this.deps.clock.now(), this.readySince);
    this.readySince = null;
    if (decision.action === 'give-up') {
      const { maxCrashes, crashWindowMs } = this.deps.restartPolicy;
      const pattern =
        decision.why === 'never-started'
          ? `It failed to start ${maxCrashes} times in a row`
          : `It stopped ${maxCrashes} times within ${Math.round(crashWindowMs / 1000)} s`;
      this.transition(
        'failed',
        `${sentence}. ${pattern}, so MCP Tray will not restart it until you press Restart.`,
      );
      return;
    }
    this.nextRetryAt = this.deps.clock.now() + decision.delayMs;
    this.transition(
      'backoff',
      `${sentence}. Restarting in ${Math.max(1, Math.round(decision.delayMs / 1000))} s.`,
    );
    this.retryTimer = setTimeout(() => {
      if (gen !== this.generation) return;
      this.restarts++;
      void this.start();
    }, decision.delayMs);
  }

  private transition(state: InstanceState, reason: string | null): void {
    if (state !== 'backoff') this.nextRetryAt = null;
    this.state = state;
    this.reason = reason;
    this.since = this.deps.clock.now();
    const transition: StateTransition = { state, reason, at: new Date(this.since).toISOString() };
    this.history.push(transition);
    if (this.history.length > HISTORY_LIMIT) this.history.shift();
    this.deps.logger.info('state', { state, reason });
    this.deps.onChange(transition);
  }

  private clearTimers(): void {
    if (this.retryTimer) clearTimeout(this.retryTimer);
    if (this.healthTimer) clearInterval(this.healthTimer);
    this.retryTimer = null;
    this.healthTimer = null;
  }
}
