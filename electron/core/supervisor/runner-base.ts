import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import type { Tool } from '@modelcontextprotocol/sdk/types.js';
import type { InstanceState, ProcessStats, StateTransition, StatsSample } from '../../shared/contract';
import type { TokenRejectedResult } from '../auth/token-channel';
import type { LaunchSpec } from '../integrations/launch-spec';
import type { Clock } from '../platform/clock';
import type { Logger } from '../platform/logger';
import { CrashTracker } from './backoff';
import type { RestartPolicy } from './backoff';
import type { RotatingLog } from './rotating-log';
import type { HealthPolicy, Runner, UpstreamHooks } from './runner';
import type * as UpstreamClient from './upstream-client';

export type { HealthPolicy, Runner, UpstreamHooks } from './runner';
export { DEFAULT_HEALTH_POLICY } from './runner';

/** What every runner needs, local or remote. */
export interface RunnerBaseDeps {
  stderr: RotatingLog;
  clock: Clock;
  logger: Logger;
  restartPolicy: RestartPolicy;
  health: HealthPolicy;
  initTimeoutMs: number;
  clientInfo: { name: string; version: string };
  onChange: (transition: StateTransition | null) => void;
  upstream: UpstreamHooks;
  /**
   * The server listed its tools (start, restart, `list_changed`), before clients are told:
   * tool pinning compares the list here. Not called when listing failed.
   */
  onTools?: (tools: Tool[]) => void;
}

const HISTORY_LIMIT = 50;

/**
 * The SDK's client and schemas, loaded with the first server started rather than with the core:
 * evaluating them was the largest part of the headless host's cold start (issue 16).
 */
const loadUpstreamClient = (): Promise<typeof UpstreamClient> => import('./upstream-client');

/**
 * The part of a runner that does not depend on how the server is reached: the state machine
 * and its history, the upstream client's wiring to the broker, tool lists, `ping` health and
 * restarts with backoff. Every connection attempt gets a generation number; events from an
 * older generation are ignored.
 */
export abstract class RunnerBase implements Runner {
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
  readonly statsHistory: StatsSample[] = [];
  restarts = 0;
  garbageLines = 0;
  client: Client | null = null;
  secretValues: string[] = [];

  protected generation = 0;
  /** The generation whose connection already ended (so its end is handled once). */
  protected ended = -1;
  protected readySince: number | null = null;
  private retryTimer: NodeJS.Timeout | null = null;
  private healthTimer: NodeJS.Timeout | null = null;
  private failedPings = 0;
  private readonly crashes: CrashTracker;

  constructor(private readonly base: RunnerBaseDeps) {
    this.since = base.clock.now();
    this.crashes = new CrashTracker(base.restartPolicy);
  }

  abstract get pid(): number | null;
  abstract describe(): LaunchSpec;
  abstract start(): Promise<void>;
  abstract stop(finalState?: 'stopped' | 'disabled' | null): Promise<void>;
  /** Ends the connection of `gen` after failed health checks (then it is restarted with backoff). */
  protected abstract dropConnection(gen: number): Promise<void>;

  async needsAuth(reason: string): Promise<void> {
    await this.stop(null);
    this.transition('needs-auth', reason);
  }

  async restart(): Promise<void> {
    this.crashes.reset();
    await this.stop(null);
    this.restarts++;
    await this.start();
  }

  stderrTail(lines: number): string[] {
    return this.base.stderr.tail(lines);
  }

  dispose(): void {
    this.clearTimers();
    this.base.stderr.close();
  }

  /**
   * An SDK client that can answer sampling, elicitation and roots for the server by asking a
   * connected AI client (the broker routes them). `tokenRejected` answers the 401 channel of
   * our own servers; remote servers get no such channel (it would hand them a token).
   */
  /**
   * Loads the SDK's client code now, so a failure to load it (a build replaced under a running
   * core) fails the start with its reason before anything is spawned or connected.
   */
  protected async loadClient(): Promise<void> {
    await loadUpstreamClient();
  }

  protected async newClient(tokenRejected?: () => Promise<TokenRejectedResult>): Promise<Client> {
    const { upstreamClient } = await loadUpstreamClient();
    return upstreamClient({
      info: this.base.clientInfo,
      upstream: this.base.upstream,
      refreshLists: (client) => this.refreshLists(client),
      ...(tokenRejected ? { tokenRejected } : {}),
    });
  }

  /**
   * The client of `gen` finished initializing: lists fetched, `running`, health checks on.
   * False when a stop or restart superseded it meanwhile (the caller closes it).
   */
  protected async ready(client: Client, gen: number): Promise<boolean> {
    if (gen !== this.generation) return false;
    this.client = client;
    this.serverInfo = client.getServerVersion() ?? null;
    await this.refreshLists(client);
    if (gen !== this.generation) return false;
    if (this.ended === gen) return true;
    this.readySince = this.base.clock.now();
    this.transition('running', null);
    this.startHealth(client, gen);
    return true;
  }

  protected async refreshLists(client: Client): Promise<void> {
    const caps = client.getServerCapabilities() ?? {};
    const safely = async <T>(run: () => Promise<T>, fallback: T): Promise<T> => {
      try {
        return await run();
      } catch (error) {
        this.base.logger.warn('listing failed', { error: String(error) });
        return fallback;
      }
    };
    const listed = caps.tools ? await safely(async () => (await client.listTools()).tools, null) : null;
    this.tools = listed ?? [];
    if (listed && client === this.client) this.base.onTools?.(listed);
    this.resourceCount = caps.resources
      ? await safely(async () => (await client.listResources()).resources.length, 0)
      : 0;
    this.promptCount = caps.prompts
      ? await safely(async () => (await client.listPrompts()).prompts.length, 0)
      : 0;
    if (client === this.client) this.base.onChange(null);
  }

  private startHealth(client: Client, gen: number): void {
    this.failedPings = 0;
    let inFlight = false;
    this.healthTimer = setInterval(() => {
      if (inFlight || gen !== this.generation) return;
      inFlight = true;
      client
        .ping({ timeout: this.base.health.timeoutMs })
        .then(
          () => {
            this.failedPings = 0;
            if (this.state === 'unhealthy' && gen === this.generation)
              this.transition('running', 'Answering again');
          },
          () => this.onPingFailed(gen),
        )
        .finally(() => (inFlight = false));
    }, this.base.health.intervalMs);
    this.healthTimer.unref();
  }

  private onPingFailed(gen: number): void {
    if (gen !== this.generation) return;
    this.failedPings++;
    const { unhealthyAfter, restartAfter } = this.base.health;
    if (this.failedPings >= restartAfter) {
      this.ended = gen;
      this.clearTimers();
      void this.dropConnection(gen).then(() =>
        this.onCrash(gen, `stopped answering (${this.failedPings} health checks failed)`),
      );
    } else if (this.failedPings >= unhealthyAfter && this.state === 'running') {
      this.transition('unhealthy', `Not answering health checks (${this.failedPings} in a row)`);
    }
  }

  /** The connection of `gen` ended unexpectedly: restart with backoff, or give up. */
  protected onCrash(gen: number, reason: string): void {
    if (gen !== this.generation) return;
    this.clearTimers();
    this.client = null;
    this.stats = null;
    // A server's own error line often ends with its full stop: never "file.." nor "file.. It stopped".
    const capitalised = reason.charAt(0).toUpperCase() + reason.slice(1);
    const sentence = /[.!?]$/.test(capitalised) ? capitalised.slice(0, -1) : capitalised;
    const decision = this.crashes.onCrash(this.base.clock.now(), this.readySince);
    this.readySince = null;
    if (decision.action === 'give-up') {
      const { maxCrashes, crashWindowMs } = this.base.restartPolicy;
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
    this.nextRetryAt = this.base.clock.now() + decision.delayMs;
    this.transition(
      'backoff',
      // The countdown comes from `nextRetryAt` (one per card, ticking); the reason says why only.
      `${sentence}.`,
    );
    this.retryTimer = setTimeout(() => {
      if (gen !== this.generation) return;
      this.restarts++;
      void this.start();
    }, decision.delayMs);
  }

  protected transition(state: InstanceState, reason: string | null): void {
    if (state !== 'backoff') this.nextRetryAt = null;
    this.state = state;
    this.reason = reason;
    this.since = this.base.clock.now();
    const transition: StateTransition = { state, reason, at: new Date(this.since).toISOString() };
    this.history.push(transition);
    if (this.history.length > HISTORY_LIMIT) this.history.shift();
    this.base.logger.info('state', { state, reason });
    this.base.onChange(transition);
  }

  protected clearTimers(): void {
    if (this.retryTimer) clearTimeout(this.retryTimer);
    if (this.healthTimer) clearInterval(this.healthTimer);
    this.retryTimer = null;
    this.healthTimer = null;
  }
}
