import type { Transport } from '@modelcontextprotocol/sdk/shared/transport.js';
import type { Tool } from '@modelcontextprotocol/sdk/types.js';
import type { EventBus } from '../event-bus';
import type { Logger } from '../platform/logger';
import type { Settings } from '../settings/settings-schema';
import type { Runner } from '../supervisor/runner';
import type { CombinedSession } from './combined-session';
import type { ProfileAccess } from './profile-gate';
import type { ProfileSelector } from './profile-rules';
import {
  choiceSignature,
  findProfile,
  isEverything,
  profileInstances,
  profileNameFor,
} from './profile-rules';
import type * as CombinedSessionModule from './combined-session';

/** The SDK's server and client a combined session is made of, loaded with the first one. */
const loadCombinedSession = (): Promise<typeof CombinedSessionModule> => import('./combined-session');

/** What a combined session asks of the core about its services. */
export interface CombinedMembers {
  instances(session: CombinedSession): string[];
  visibleTools(session: CombinedSession, id: string): Tool[];
  running(id: string): boolean;
  whyNot(id: string): string;
  attachBroker(session: CombinedSession, id: string, transport: Transport): Promise<void>;
  /** The client finished its handshake: join the services it needs. */
  join(session: CombinedSession): Promise<void>;
}

export interface CombinedHubDeps {
  settings: () => Settings;
  runner: (id: string) => Runner | undefined;
  /** The broker's gate for a session of this profile (switches, pins, the profile). */
  access: (id: string, selector: ProfileSelector) => ProfileAccess;
  /** Opens an ordinary broker session of the instance on an in-process connection. */
  attach: (id: string, transport: Transport, selector: ProfileSelector) => Promise<void>;
  /** Waits (bounded) for an instance to run; the words why it will not, or null. */
  whenReady: (id: string, waitMs: number) => Promise<{ message: string } | null>;
  /** Starts an enabled instance that is stopped. */
  start: (id: string) => Promise<void>;
  bus: EventBus;
  logger: Logger;
  version: string;
  /** How long the first answer waits for services that are starting. */
  startWaitMs: number;
}

/**
 * Every combined session of the core: which services each one serves, bringing their tools in
 * and out as they run, stop or leave the profile.
 */
export class CombinedHub implements CombinedMembers {
  private readonly sessions = new Map<CombinedSession, { selector: ProfileSelector; signature: string }>();

  constructor(private readonly deps: CombinedHubDeps) {
    deps.bus.on('instanceStateChanged', ({ id, transition }) => void this.stateChanged(id, transition.state));
    deps.bus.on('instancesChanged', () => void this.refresh());
  }

  /** Why a combined entry cannot open: the profile it names does not exist. */
  refusal(selector: ProfileSelector): string | null {
    const settings = this.deps.settings();
    const name = profileNameFor(settings, selector);
    if (isEverything(name) || findProfile(settings, name)) return null;
    return `MCP Tray has no profile called "${name}". Create it in MCP Tray (Profiles) or run "mcp-tray profiles create ${name}".`;
  }

  /** Serves a combined entry on a client's connection. */
  async open(transport: Transport, selector: ProfileSelector): Promise<CombinedSession> {
    const { CombinedSession } = await loadCombinedSession();
    const session = new CombinedSession(this, { name: 'MCP Tray', version: this.deps.version }, (closed) =>
      this.sessions.delete(closed),
    );
    this.sessions.set(session, { selector, signature: choiceSignature(this.deps.settings(), selector) });
    await session.connect(transport);
    return session;
  }

  join(session: CombinedSession): Promise<void> {
    return this.start(session);
  }

  /** Sessions open now and the instances each serves (tests, status). */
  list(): { selector: ProfileSelector; instances: string[] }[] {
    return [...this.sessions].map(([session, { selector }]) => ({
      selector,
      instances: session.instances(),
    }));
  }

  instances(session: CombinedSession): string[] {
    const entry = this.sessions.get(session);
    if (!entry) return [];
    const settings = this.deps.settings();
    return profileInstances(settings, profileNameFor(settings, entry.selector));
  }

  visibleTools(session: CombinedSession, id: string): Tool[] {
    const selector = this.sessions.get(session)?.selector ?? {};
    const access = this.deps.access(id, selector);
    return (this.deps.runner(id)?.tools ?? []).filter((tool) => access.listed(tool));
  }

  running(id: string): boolean {
    const runner = this.deps.runner(id);
    return runner?.state === 'running' && runner.client !== null;
  }

  whyNot(id: string): string {
    const runner = this.deps.runner(id);
    const name = this.deps.settings().instances.find((c) => c.id === id)?.name ?? id;
    return `MCP Tray: the service "${name}" is ${runner?.state ?? 'not running'}${runner?.reason ? ` (${runner.reason})` : ''}. Open MCP Tray to see why.`;
  }

  attachBroker(session: CombinedSession, id: string, transport: Transport): Promise<void> {
    return this.deps.attach(id, transport, this.sessions.get(session)?.selector ?? {});
  }

  /**
   * Profiles or instances changed: sessions whose services or tool choices changed re-list,
   * joining services that entered and leaving those that left. Others hear nothing.
   */
  async refresh(): Promise<void> {
    const settings = this.deps.settings();
    for (const [session, entry] of this.sessions) {
      const signature = choiceSignature(settings, entry.selector);
      if (signature === entry.signature) continue;
      entry.signature = signature;
      const wanted = new Set(session.instances());
      for (const id of session.attached()) if (!wanted.has(id)) await session.detach(id);
      await this.start(session);
      await session.listsChanged();
    }
  }

  /** Closes every combined session (quit). */
  async closeAll(): Promise<void> {
    await Promise.all([...this.sessions.keys()].map((s) => s.close()));
  }

  /** Starts what the session needs and joins what runs; the first answer waits a little for the rest. */
  private async start(session: CombinedSession): Promise<void> {
    const settings = this.deps.settings();
    await Promise.all(
      session.instances().map(async (id) => {
        const config = settings.instances.find((c) => c.id === id);
        if (config?.enabled && this.deps.runner(id)?.state === 'stopped') {
          await this.deps.start(id).catch((error: unknown) =>
            this.deps.logger.warn('could not start a service for a combined entry', {
              id,
              error: String(error),
            }),
          );
        }
        const refusal = await this.deps.whenReady(id, this.deps.startWaitMs);
        if (!refusal) await session.attach(id).catch((error: unknown) => this.attachFailed(id, error));
      }),
    );
  }

  private async stateChanged(id: string, state: string): Promise<void> {
    for (const session of this.sessions.keys()) {
      if (!session.instances().includes(id)) continue;
      if (state === 'running') {
        const fresh = !session.has(id);
        await session.attach(id).catch((error: unknown) => this.attachFailed(id, error));
        // A session that was already open re-lists through its broker session's own list_changed.
        if (fresh) await session.listsChanged();
      } else if (session.wasListed(id)) {
        await session.listsChanged();
      }
    }
  }

  private attachFailed(id: string, error: unknown): void {
    this.deps.logger.warn('a combined entry could not reach a service', { id, error: String(error) });
  }
}
