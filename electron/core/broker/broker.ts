import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import type { Transport } from '@modelcontextprotocol/sdk/shared/transport.js';
import type { Notification, Request, Result, Tool } from '@modelcontextprotocol/sdk/types.js';
import type { NewToolCall, ToolCallLog } from '../calllog/tool-call-log';
import type { EventBus } from '../event-bus';
import type { Clock } from '../platform/clock';
import type { Logger } from '../platform/logger';
import type { InstanceConfig } from '../settings/settings-schema';
import type { UpstreamHooks } from '../supervisor/runner-base';
import type { Supervisor } from '../supervisor/supervisor';
import type { PinStatus } from '../pinning/tool-pinning';
import type { ProfileAccess } from '../profiles/profile-gate';
import { withProfile } from '../profiles/profile-gate';
import type { ProfileSelector } from '../profiles/profile-rules';
import type { BrokerSession, ToolAccess } from './broker-session';
import type { Refusal } from './readiness';
import { Readiness } from './readiness';
import { sessionFor } from './server-requests';
import { UpstreamRelay } from './upstream-relay';
import type * as BrokerSdkModule from './broker-sdk';

export interface BrokerDeps {
  supervisor: Supervisor;
  config: (id: string) => InstanceConfig | undefined;
  log: ToolCallLog;
  bus: EventBus;
  clock: Clock;
  logger: Logger;
  /** How long a client waits for an instance that is starting or restarting. */
  readyWaitMs: number;
  defaultTimeoutMs: number;
  /** Sessions of an instance opened or closed: the UI shows who is connected. */
  onSessionsChanged?: (id: string) => void;
  /** Tool pinning: only approved versions of tools reach clients. */
  pins: {
    status(id: string, tool: Tool): PinStatus;
    statusByName(id: string, name: string): PinStatus | 'unlisted';
    /** A client's live `tools/list` answer, compared like the supervisor's own listings. */
    observe(id: string, tools: Tool[]): void;
  };
  /** Profiles: which tools of an instance a session's profile gives (null: no restriction). */
  profileGate?: (selector: ProfileSelector, id: string) => ProfileAccess | null;
  /**
   * The settings object now: the store hands out a new object whenever the settings change, so
   * a session keeps its gate (built from settings) until this changes. Absent: built per call.
   */
  settingsVersion?: () => object;
}

/**
 * The SDK's server side (sessions, errors, result schemas), loaded with the first session rather
 * than with the core: evaluating the SDK was the largest part of the core's start (issue 16).
 */
type BrokerSdk = typeof BrokerSdkModule;
const loadBrokerSdk = (): Promise<BrokerSdk> => import('./broker-sdk');

/**
 * Serves every AI client session of every instance: one SDK `Server` per session, all
 * forwarding to the instance's one upstream `Client`. Server-initiated requests (sampling,
 * elicitation, roots) go to a session with a request in flight (the one that most likely
 * caused them), else to the most recently active session.
 */
export class Broker {
  private readonly sessions = new Map<string, Set<BrokerSession>>();
  private readonly upstreamSubscriptions = new Map<string, Set<string>>();
  /** Calls at each instance's server right now. */
  private readonly active = new Map<string, number>();
  /** Instances whose new calls wait (a token refresh restarting the server). */
  private readonly holds = new Map<string, Promise<void>>();
  /** The fast path's relay on each upstream client's connection, made on first use. */
  private readonly relays = new WeakMap<Client, UpstreamRelay>();
  /** The profile each session was opened for (kept beside the session, not in it). */
  private readonly selectors = new WeakMap<BrokerSession, ProfileSelector>();
  /** Set once the first session loaded it; every session's callbacks run after that. */
  private sdk: BrokerSdk | null = null;
  private readonly readiness: Readiness;

  constructor(private readonly deps: BrokerDeps) {
    this.readiness = new Readiness(deps);
    deps.bus.on('instanceStateChanged', ({ id, transition }) => {
      if (transition.state === 'running') void this.afterRestart(id);
    });
  }

  /** Sessions open on an instance right now. */
  clients(id: string): { name: string; version: string | null }[] {
    return [...(this.sessions.get(id) ?? [])].map((s) => s.client);
  }

  /**
   * Names of the AI clients connected to an instance now, each once, sorted. Sessions still
   * in their handshake (no name yet) and MCP Tray's own "try it" session are not clients.
   */
  clientNames(id: string): string[] {
    const names = [...(this.sessions.get(id) ?? [])]
      .filter((s) => s.source === 'client' && s.initialized)
      .map((s) => s.client.name);
    return [...new Set(names)].sort((a, b) => a.localeCompare(b));
  }

  /**
   * The set of tools clients may see changed (a switch, an approval, a rejection): every
   * session re-lists (`list_changed`).
   */
  async toolsChanged(id: string): Promise<void> {
    for (const session of this.sessions.get(id) ?? []) {
      if ('tools' in session.capabilities) await session.server.sendToolListChanged().catch(() => undefined);
    }
  }

  /**
   * Profiles changed: sessions for which `affected` says the visible tools changed re-list
   * (`list_changed`); no other session hears of it.
   */
  async profilesChanged(affected: (id: string, selector: ProfileSelector) => boolean): Promise<void> {
    for (const [id, sessions] of this.sessions) {
      for (const session of sessions) {
        if (!('tools' in session.capabilities) || !affected(id, this.selectors.get(session) ?? {})) continue;
        await session.server.sendToolListChanged().catch(() => undefined);
      }
    }
  }

  /** Hooks the supervisor gives the instance's upstream client. */
  hooks(id: string): UpstreamHooks {
    return {
      onNotification: (notification) => this.fanOut(id, notification),
      onRequest: (request, signal) => this.routeServerRequest(id, request, signal),
    };
  }

  /** Waits (bounded) until the instance runs; the refusal says why it will not. */
  whenReady(id: string, waitMs = this.deps.readyWaitMs): Promise<Refusal | null> {
    return this.readiness.whenReady(id, waitMs);
  }

  /**
   * Starts serving MCP on a connection (connector socket, HTTP session, or the app's own) whose
   * instance is ready. `source` marks the app's own "try it" session, whose calls the log shows
   * as made from MCP Tray; `selector` is the profile the connection was opened for.
   */
  async attach(
    id: string,
    transport: Transport,
    source: 'client' | 'mcp-tray' = 'client',
    selector: ProfileSelector = {},
  ): Promise<void> {
    const sdk = await this.loadSdk();
    const runner = this.deps.supervisor.runner(id);
    const upstream = runner?.client;
    if (!upstream) throw new Error(`instance ${id} is not running`);
    const session: BrokerSession = new sdk.BrokerSession(
      {
        instanceId: id,
        source,
        instanceName: () => this.deps.config(id)?.name ?? id,
        toolAccess: this.accessOf(id, selector),
        toolsListed: (tools) => this.observeTools(id, tools),
        timeoutMs: () => this.deps.config(id)?.requestTimeoutMs ?? this.deps.defaultTimeoutMs,
        upstream: (signal) => this.upstream(id, signal),
        relayNow: () => this.relayNow(id),
        relay: async (signal) => this.relayOf(id, await this.upstream(id, signal)),
        fastPath: !this.deps.config(id)?.remote,
        activity: (delta) => this.active.set(id, (this.active.get(id) ?? 0) + delta),
        record: (call) => this.record(call),
        now: () => this.deps.clock.now(),
        onSubscriptionsChanged: () => void this.syncSubscriptions(id),
        onInitialized: () => this.deps.onSessionsChanged?.(id),
        onClose: (closed) => {
          this.sessions.get(id)?.delete(closed);
          void this.syncSubscriptions(id);
          this.deps.logger.info('client session closed', { id, client: closed.client.name });
          this.deps.onSessionsChanged?.(id);
        },
      },
      upstream.getServerVersion() ?? { name: id, version: '0' },
      upstream.getServerCapabilities() ?? {},
      upstream.getInstructions(),
    );
    let set = this.sessions.get(id);
    if (!set) this.sessions.set(id, (set = new Set()));
    set.add(session);
    this.selectors.set(session, selector);
    await session.connect(transport);
  }

  /** Closes every session (quit). */
  async closeAll(): Promise<void> {
    const all = [...this.sessions.values()].flatMap((set) => [...set]);
    await Promise.all(all.map((s) => s.close().catch(() => undefined)));
  }

  /** The gate of a session of this profile: {@link toolAccess}, then the profile's choice. */
  access(id: string, selector: ProfileSelector): ToolAccess {
    return withProfile(this.toolAccess(id), this.deps.profileGate?.(selector, id) ?? null);
  }

  /**
   * {@link access} for one session, rebuilt only when the settings change: building it (the
   * switched-off set, the profile's choice) cost more per call than the rest of the fast path.
   * The pins are still asked on every call: they change without the settings.
   */
  private accessOf(id: string, selector: ProfileSelector): () => ToolAccess {
    let built: { version: object; access: ToolAccess } | null = null;
    return () => {
      const version = this.deps.settingsVersion?.();
      if (!version) return this.access(id, selector);
      if (built?.version !== version) built = { version, access: this.access(id, selector) };
      return built.access;
    };
  }

  /** The per-tool switches and the pins of an instance, as one gate for its sessions. */
  toolAccess(id: string): ToolAccess {
    const config = this.deps.config(id);
    const name = config?.name ?? id;
    const off = new Set(config?.disabledTools ?? []);
    const { pins } = this.deps;
    return {
      listed: (tool) => !off.has(tool.name) && pins.status(id, tool) === 'approved',
      refusal: (tool) => {
        if (off.has(tool)) {
          return (
            `The tool "${tool}" of "${name}" is turned off in MCP Tray. ` +
            `Turn it on in MCP Tray (the service's Settings tab) to use it.`
          );
        }
        const review = `open MCP Tray (the service's Tools tab) or run "mcp-tray tools review ${id}"`;
        switch (pins.statusByName(id, tool)) {
          case 'pending':
            return (
              `The tool "${tool}" of "${name}" is new or changed since you approved this service's ` +
              `tools, so MCP Tray holds it back until you review it: ${review}.`
            );
          case 'rejected':
            return (
              `The tool "${tool}" of "${name}" changed and you chose not to allow this version in ` +
              `MCP Tray. To allow it after all, ${review}.`
            );
          default:
            return null;
        }
      },
    };
  }

  /**
   * A server can change a tool without `list_changed`. Its live answer to a client updates the
   * pins too, so a call by name is judged by what the server says now, not by an older listing.
   */
  private observeTools(id: string, tools: Tool[]): void {
    try {
      this.deps.pins.observe(id, tools);
    } catch (error) {
      this.deps.logger.error('could not compare tools with their pins', { id, error: String(error) });
    }
  }

  /**
   * Logs a finished call after its reply is sent: the record is built, redacted and written
   * within a few milliseconds (the log writes queued calls before any query or close).
   */
  private record(call: NewToolCall): void {
    const secrets = this.deps.supervisor.runner(call.instanceId)?.secretValues ?? [];
    try {
      this.deps.log.appendLater(
        call,
        (record) => this.deps.bus.emitValidated('toolCallRecorded', { record }),
        secrets,
      );
    } catch (error) {
      this.deps.logger.error('could not record a tool call', { error: String(error) });
    }
  }

  /** Calls at the instance's server now, and whether new ones are being held. */
  load(id: string): { active: number; holding: boolean } {
    return { active: this.active.get(id) ?? 0, holding: this.holds.has(id) };
  }

  /**
   * Runs `work` (a restart for a new token) once no call is at the server: calls in flight
   * finish, new ones wait and then go to the restarted server. Bounded, so a stuck call cannot
   * block a refresh forever.
   */
  async whenIdle<T>(id: string, work: () => Promise<T>, maxWaitMs = 30_000): Promise<T> {
    let release: () => void = () => undefined;
    this.holds.set(id, new Promise<void>((resolve) => (release = resolve)));
    try {
      const deadline = this.deps.clock.now() + maxWaitMs;
      while ((this.active.get(id) ?? 0) > 0 && this.deps.clock.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      return await work();
    } finally {
      this.holds.delete(id);
      release();
    }
  }

  /** The relay of a running instance no refresh is holding, or null (then wait with `upstream`). */
  private relayNow(id: string): UpstreamRelay | null {
    if (this.holds.has(id)) return null;
    const runner = this.deps.supervisor.runner(id);
    return runner?.state === 'running' && runner.client?.transport ? this.relayOf(id, runner.client) : null;
  }

  private relayOf(id: string, client: Client): UpstreamRelay {
    let relay = this.relays.get(client);
    if (!relay) {
      const transport = client.transport;
      if (!transport) throw this.loadedSdk().restartedError(this.deps.config(id)?.name ?? id);
      relay = new UpstreamRelay(transport);
      this.relays.set(client, relay);
    }
    return relay;
  }

  private async upstream(id: string, signal: AbortSignal): Promise<Client> {
    await this.holds.get(id);
    const runner = this.deps.supervisor.runner(id);
    if (runner?.state === 'running' && runner.client) return runner.client;
    const refusal = await Promise.race([
      this.whenReady(id),
      new Promise<Refusal>((resolve) =>
        signal.addEventListener('abort', () => resolve({ code: 'not-ready', message: 'Cancelled' }), {
          once: true,
        }),
      ),
    ]);
    const client = this.deps.supervisor.runner(id)?.client;
    if (refusal || !client) {
      const { trayError, ErrorCode } = await this.loadSdk();
      throw trayError(ErrorCode.InternalError, refusal?.message ?? `"${id}" is not running.`);
    }
    return client;
  }

  private fanOut(id: string, notification: Notification): void {
    for (const session of this.sessions.get(id) ?? []) {
      if (notification.method === 'notifications/resources/updated') {
        const uri = (notification.params as { uri?: string } | undefined)?.uri;
        if (!uri || !session.subscriptions.has(uri)) continue;
      }
      // A log line most likely belongs to the call the session has at the server (stdio gives
      // no link); over HTTP it then rides that call's stream instead of the optional GET one.
      const related = notification.method === 'notifications/message' ? session.latestRequest : undefined;
      session.server
        .notification(
          notification as never,
          related === undefined ? undefined : { relatedRequestId: related },
        )
        .catch(() => undefined);
    }
  }

  private async routeServerRequest(id: string, request: Request, signal: AbortSignal): Promise<Result> {
    const pick = sessionFor([...(this.sessions.get(id) ?? [])], request.method);
    const { trayError, ErrorCode, RESULT_SCHEMAS } = await this.loadSdk();
    if (!pick) {
      throw trayError(ErrorCode.MethodNotFound, `No connected AI client can answer ${request.method}.`);
    }
    const schema = RESULT_SCHEMAS[request.method];
    if (!schema) throw trayError(ErrorCode.MethodNotFound, `${request.method} is not forwarded`);
    return pick.server.request(request as never, schema, {
      signal,
      timeout: this.deps.defaultTimeoutMs * 5,
      relatedRequestId: pick.latestRequest,
    });
  }

  /** After a (re)start: tell sessions lists may have changed, and renew resource subscriptions. */
  private async afterRestart(id: string): Promise<void> {
    this.upstreamSubscriptions.delete(id);
    for (const session of this.sessions.get(id) ?? []) {
      const caps = session.capabilities;
      if ('tools' in caps) await session.server.sendToolListChanged().catch(() => undefined);
      if ('resources' in caps) await session.server.sendResourceListChanged().catch(() => undefined);
      if ('prompts' in caps) await session.server.sendPromptListChanged().catch(() => undefined);
    }
    await this.syncSubscriptions(id);
  }

  /** Keeps one upstream subscription per URI that any session of the instance wants. */
  private async syncSubscriptions(id: string): Promise<void> {
    const client = this.deps.supervisor.runner(id)?.client;
    if (!client) return;
    const wanted = new Set([...(this.sessions.get(id) ?? [])].flatMap((s) => [...s.subscriptions]));
    const current = this.upstreamSubscriptions.get(id) ?? new Set<string>();
    this.upstreamSubscriptions.set(id, wanted);
    for (const uri of wanted)
      if (!current.has(uri)) await client.subscribeResource({ uri }).catch(() => undefined);
    for (const uri of current)
      if (!wanted.has(uri)) await client.unsubscribeResource({ uri }).catch(() => undefined);
  }

  private async loadSdk(): Promise<BrokerSdk> {
    return (this.sdk ??= await loadBrokerSdk());
  }

  /** The SDK for what only runs for a session (which loaded it in {@link attach}). */
  private loadedSdk(): BrokerSdk {
    if (!this.sdk) throw new Error('the broker has no session yet');
    return this.sdk;
  }
}
