import path from 'node:path';
import type { TokenRejectedResult } from '../auth/token-channel';
import type { InstanceDetail, InstanceSummary, StateTransition, ToolPinStatus } from '../../shared/contract';
import type { LaunchResolver } from '../integrations/launch-spec';
import type { Clock } from '../platform/clock';
import type { Logger } from '../platform/logger';
import type { InstanceConfig } from '../settings/settings-schema';
import { DEFAULT_REQUEST_TIMEOUT_MS } from '../settings/settings-schema';
import type { RestartPolicy } from './backoff';
import type { CommandResolver } from './command-resolver';
import type { HealthPolicy, Runner, UpstreamHooks } from './runner-base';
import { InstanceRunner } from './instance-runner';
import { NO_UPSTREAM_HOOKS } from './runner';
import type { RemoteAuth } from '../remote/authorized-fetch';
import { RemoteRunner } from '../remote/remote-runner';
import type { RemoteTransportKind } from '../remote/remote-transport';
import type { FetchLike } from '@modelcontextprotocol/sdk/shared/transport.js';
import type { Tool } from '@modelcontextprotocol/sdk/types.js';
import type { ProcessSampler } from './process-stats';
import type { Spawner, StopTiming } from './process-group';
import { RotatingLog } from './rotating-log';
import type { Watchdog } from './watchdog';
import type { SandboxService } from '../sandbox/sandbox-service';

export interface SupervisorTuning {
  restartPolicy: RestartPolicy;
  health: HealthPolicy;
  initTimeoutMs: number;
  stopTiming: StopTiming;
  statsIntervalMs: number;
}

/** The supervisor's view of the broker: routing of server-initiated traffic, and client names. */
export interface UpstreamRouter {
  hooks(id: string): UpstreamHooks;
  clientNames(id: string): string[];
}

export interface SupervisorDeps extends SupervisorTuning {
  instances: () => InstanceConfig[];
  launch: LaunchResolver;
  commands: CommandResolver;
  spawner: Spawner;
  watchdog: Watchdog;
  sampler: ProcessSampler;
  clock: Clock;
  logger: Logger;
  env: NodeJS.ProcessEnv;
  /** Folder of the per-instance stderr logs. */
  logsDir: string;
  clientInfo: { name: string; version: string };
  onTransition: (id: string, transition: StateTransition) => void;
  onChange: () => void;
  /** The 401 channel: refreshes the instance's token and returns the new env value. */
  tokenRejected: (id: string) => Promise<TokenRejectedResult>;
  /** A server listed its tools (tool pinning compares them before clients are told). */
  onToolsListed?: (id: string, tools: Tool[]) => void;
  /** Names of an instance's tools waiting for review (tool pinning). */
  toolsToReview?: (id: string) => string[];
  /** Whether this version of a tool is approved, waiting for review or rejected (tool pinning). */
  toolStatus?: (id: string, tool: Tool) => ToolPinStatus;
  remote: RemoteHooks;
  /** Where an instance came from and its pinned version (`status --json` shows both). */
  origin?: (config: InstanceConfig) => Pick<InstanceSummary, 'source' | 'version'>;
  /** Runs local servers in the OS sandbox their profile asks for (absent: never sandboxed). */
  sandbox?: SandboxService;
}

/** What remote instances (MCP servers reached over HTTP) need besides a local runner's deps. */
export interface RemoteHooks {
  fetch: FetchLike;
  /** The instance's sign-in (its token, refreshed in one place). */
  auth: (id: string) => RemoteAuth;
  providerName: (id: string) => string;
  saveTransport: (id: string, kind: RemoteTransportKind) => void;
  /** Extra headers of a remote instance (secret ones read from the keychain). */
  headers?: (id: string) => Promise<Record<string, string>>;
}

/** Samples kept per instance for the sparklines: 5 minutes at the default 5 s interval. */
const STATS_HISTORY = 60;

/** Owns one runner per configured instance and keeps them in line with the settings. */
export class Supervisor {
  private readonly runners = new Map<string, Runner>();
  private statsTimer: NodeJS.Timeout | null = null;
  private shuttingDown = false;

  private router: UpstreamRouter | null = null;

  constructor(private readonly deps: SupervisorDeps) {}

  /**
   * Where servers' own requests and notifications go, and who knows their clients: the broker,
   * which is built on this supervisor and so arrives after it. Until then there is none to route.
   */
  route(router: UpstreamRouter): void {
    this.router = router;
  }

  /** Starts every enabled instance (the guardian comes with the first server process). */
  async start(): Promise<void> {
    this.statsTimer = setInterval(() => void this.sampleStats(), this.deps.statsIntervalMs);
    this.statsTimer.unref();
    await this.sync();
  }

  /** Creates runners for new instances and retires those of removed ones. */
  async sync(): Promise<void> {
    if (this.shuttingDown) return;
    const configs = this.deps.instances();
    const ids = new Set(configs.map((c) => c.id));
    const removed = [...this.runners.keys()].filter((id) => !ids.has(id));
    await Promise.all(removed.map((id) => this.retire(id)));
    // Starting is not awaited: a slow server (npx fetching a package) must not hold up others.
    for (const config of configs.filter((c) => !this.runners.has(c.id))) {
      this.create(config.id)
        .start()
        .catch((error: unknown) =>
          this.deps.logger.error('start failed', { id: config.id, error: String(error) }),
        );
    }
  }

  /** The sandbox service, for the profile a new instance gets. */
  get sandbox(): SandboxService | undefined {
    return this.deps.sandbox;
  }

  runner(id: string): Runner | undefined {
    return this.runners.get(id);
  }

  summary(config: InstanceConfig): InstanceSummary {
    const runner = this.runners.get(config.id);
    return {
      id: config.id,
      name: config.name,
      integrationId: config.integrationId,
      enabled: config.enabled,
      state: runner?.state ?? (config.enabled ? 'stopped' : 'disabled'),
      stateReason: runner?.reason ?? null,
      stateSince: new Date(runner?.since ?? this.deps.clock.now()).toISOString(),
      pid: runner?.pid ?? null,
      toolCount: runner?.tools.length ?? 0,
      nextRetryAt: runner?.nextRetryAt ? new Date(runner.nextRetryAt).toISOString() : null,
      clients: this.router?.clientNames(config.id) ?? [],
      ...this.deps.origin?.(config),
      toolsToReview: this.deps.toolsToReview?.(config.id).length ?? 0,
      sandbox: this.deps.sandbox?.status(config) ?? 'none',
      blockedCount: this.deps.sandbox?.blockedOf(config.id).count ?? 0,
    };
  }

  detail(config: InstanceConfig): InstanceDetail {
    const runner = this.runners.get(config.id);
    let spec = {
      command: config.launch?.command ?? config.remote?.url ?? '',
      args: [] as string[],
      env: {},
      secretEnvNames: [] as string[],
    };
    try {
      spec = runner?.describe() ?? spec;
    } catch {
      // An unknown integration still shows its state and reason.
    }
    return {
      ...this.summary(config),
      command: spec.command,
      args: spec.args,
      envNames: Object.keys(spec.env),
      secretEnvNames: spec.secretEnvNames,
      history: [...(runner?.history ?? [])],
      tools: (runner?.tools ?? []).map((t) => ({
        name: t.name,
        title: t.title ?? t.annotations?.title ?? null,
        description: t.description ?? null,
        inputSchema: t.inputSchema,
        enabled: !config.disabledTools.includes(t.name),
        destructive: t.annotations?.destructiveHint === true && t.annotations.readOnlyHint !== true,
        ...(this.deps.toolStatus ? { review: this.deps.toolStatus(config.id, t) } : {}),
      })),
      resourceCount: runner?.resourceCount ?? 0,
      promptCount: runner?.promptCount ?? 0,
      serverInfo: runner?.serverInfo ?? null,
      stderrTail: runner?.stderrTail(100) ?? [],
      stats: runner?.stats ?? null,
      restarts: runner?.restarts ?? 0,
      garbageLines: runner?.garbageLines ?? 0,
      statsHistory: [...(runner?.statsHistory ?? [])],
      disabledTools: [...config.disabledTools],
      requestTimeoutMs: config.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS,
      requestTimeoutIsDefault: config.requestTimeoutMs === undefined,
      startTimeoutMs: config.startTimeoutMs ?? this.deps.initTimeoutMs,
      startTimeoutIsDefault: config.startTimeoutMs === undefined,
      ...(config.remote ? { url: config.remote.url } : {}),
    };
  }

  async restart(id: string): Promise<void> {
    await this.runners.get(id)?.restart();
  }

  /** Applies a changed `enabled` flag. */
  async applyEnabled(id: string): Promise<void> {
    const runner = this.runners.get(id);
    const config = this.deps.instances().find((c) => c.id === id);
    if (!runner || !config) return;
    if (config.enabled) await runner.restart();
    else await runner.stop('disabled');
  }

  /** Stops every server (quit). */
  async shutdown(): Promise<void> {
    this.shuttingDown = true;
    if (this.statsTimer) clearInterval(this.statsTimer);
    await Promise.all([...this.runners.keys()].map((id) => this.retire(id)));
    this.deps.watchdog.stop();
  }

  private create(id: string): Runner {
    const stderr = new RotatingLog({ file: path.join(this.deps.logsDir, `${id}.stderr.log`) });
    // Blocked attempts are lines of the same log the user reads for the server's errors.
    this.deps.sandbox?.attachLog(id, (line) => {
      stderr.write(line);
      this.deps.onChange();
    });
    const config = () => this.deps.instances().find((c) => c.id === id) ?? { ...missing(id) };
    const common = {
      ...this.deps,
      config,
      stderr,
      upstream: this.router?.hooks(id) ?? NO_UPSTREAM_HOOKS,
      onTools: (tools: Tool[]) => this.deps.onToolsListed?.(id, tools),
      logger: this.deps.logger.child(id),
      onChange: (transition: StateTransition | null) => {
        if (transition) this.deps.onTransition(id, transition);
        this.deps.onChange();
      },
    };
    const { remote } = this.deps;
    const runner: Runner = config().remote
      ? new RemoteRunner({
          ...common,
          fetch: remote.fetch,
          auth: remote.auth(id),
          providerName: () => remote.providerName(id),
          saveTransport: (kind) => remote.saveTransport(id, kind),
          headers: () => remote.headers?.(id) ?? Promise.resolve({}),
        })
      : new InstanceRunner({ ...common, tokenRejected: () => this.deps.tokenRejected(id) });
    this.runners.set(id, runner);
    return runner;
  }

  private async retire(id: string): Promise<void> {
    const runner = this.runners.get(id);
    if (!runner) return;
    await runner.stop(null);
    runner.dispose();
    this.deps.sandbox?.detachLog(id);
    this.runners.delete(id);
  }

  private async sampleStats(): Promise<void> {
    const running = [...this.runners.values()].filter((r) => r.pid !== null);
    const stats = await this.deps.sampler.sampleMany(running.map((r) => r.pid!)).catch(() => new Map());
    const at = new Date(this.deps.clock.now()).toISOString();
    for (const runner of this.runners.values()) {
      runner.stats = runner.pid === null ? null : (stats.get(runner.pid) ?? null);
      if (!runner.stats) continue;
      runner.statsHistory.push({ at, cpuPercent: runner.stats.cpuPercent, rssBytes: runner.stats.rssBytes });
      if (runner.statsHistory.length > STATS_HISTORY) runner.statsHistory.shift();
    }
  }
}

/** A removed instance's runner sees it as disabled, so a late timer never restarts it. */
function missing(id: string): InstanceConfig {
  return {
    id,
    name: id,
    integrationId: 'custom',
    enabled: false,
    createdAt: '',
    userConfig: {},
    secretFields: [],
    disabledTools: [],
  };
}
