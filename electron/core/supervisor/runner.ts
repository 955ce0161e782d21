import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import type { Notification, Request, Result, Tool } from '@modelcontextprotocol/sdk/types.js';
import type { InstanceState, ProcessStats, StateTransition, StatsSample } from '../../shared/contract';
import type { LaunchSpec } from '../integrations/launch-spec';

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

/** Until the broker is wired in (`Supervisor.route`), a server's own requests have no taker. */
export const NO_UPSTREAM_HOOKS: UpstreamHooks = {
  onNotification: () => undefined,
  onRequest: () => Promise.reject(new Error('No AI client is connected to answer this request.')),
};

/**
 * What the supervisor, the broker and the services see of one instance's server, whether it is
 * a local process or a remote server reached over HTTP: its state, its one SDK `Client`, and
 * the lifecycle calls.
 */
export interface Runner {
  readonly state: InstanceState;
  readonly reason: string | null;
  readonly since: number;
  readonly nextRetryAt: number | null;
  readonly history: StateTransition[];
  readonly tools: Tool[];
  readonly resourceCount: number;
  readonly promptCount: number;
  readonly serverInfo: { name: string; version: string } | null;
  /** CPU and memory of a local process (set by the supervisor's sampler); null for remote ones. */
  stats: ProcessStats | null;
  /** Recent samples for the sparklines; kept across restarts so a crash shows in them. */
  readonly statsHistory: StatsSample[];
  readonly restarts: number;
  readonly garbageLines: number;
  /** The upstream client while the server runs; the broker forwards every session to it. */
  readonly client: Client | null;
  /** Secret values the server was given: scrubbed from logs and logged calls. */
  readonly secretValues: string[];
  readonly pid: number | null;
  /** What this instance runs (a command, or a remote server's URL), without secrets. */
  describe(): LaunchSpec;
  start(): Promise<void>;
  stop(finalState?: 'stopped' | 'disabled' | null): Promise<void>;
  /** The sign-in was refused or removed: disconnect and wait for the user to sign in. */
  needsAuth(reason: string): Promise<void>;
  /** The user's Restart: forget the crash history and start again. */
  restart(): Promise<void>;
  stderrTail(lines: number): string[];
  /** Releases files; call after a final stop. */
  dispose(): void;
}
