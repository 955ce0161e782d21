import type { ClientInfo, InstanceState } from '../../shared/contract';
import type { CancelTimer, Timers } from '../auth/timers';
import type { EventBus } from '../event-bus';
import type { Clock } from '../platform/clock';
import type { AppNotification, Notifier } from '../platform/notifier';
import type { Settings } from '../settings/settings-schema';

/** How many notifications may be shown in a window of time; the rest become one summary. */
export interface NotificationRateLimit {
  burst: number;
  windowMs: number;
}

/** At most 3 notifications a minute: enough for one bad moment, not a flood. */
const DEFAULT_RATE_LIMIT: NotificationRateLimit = { burst: 3, windowMs: 60_000 };

/** What the notification service listens to and asks. */
export interface NotificationServiceDeps {
  bus: EventBus;
  notifier: Notifier;
  clock: Clock;
  timers: Timers;
  /** An instance's display name (null when it no longer exists). */
  instanceName: (id: string) => string | null;
  /** What the user chose to do when a client removes our entries; only `ask` is worth a notification. */
  driftPolicy: () => Settings['driftPolicy'];
  rateLimit?: NotificationRateLimit;
}

type Problem = 'crashed' | 'failed' | 'needs-auth';

const PROBLEM_OF: Partial<Record<InstanceState, Problem>> = {
  backoff: 'crashed',
  failed: 'failed',
  'needs-auth': 'needs-auth',
};

/** States after which an instance's earlier problems are over (it works, or the user stopped it). */
const RECOVERED: ReadonlySet<InstanceState> = new Set(['running', 'stopped', 'disabled']);

/**
 * Tells the user, through the desktop's notifications, when something needs them: a server
 * crashed or gave up (with the reason), a sign-in is needed, a server's tools changed and
 * wait for review, or an AI client removed our entries. Each problem is notified once until it
 * is over (a crash loop is one notification, not one per restart), and bursts are capped: past
 * the limit, one summary follows when the window allows. Listens to the core's event bus only,
 * so it works the same in both hosts.
 */
export class NotificationService {
  /** `<kind>:<subject>` of problems already notified and not yet over. */
  private readonly active = new Set<string>();
  private sentAt: number[] = [];
  private suppressed = 0;
  private summaryTimer: CancelTimer | null = null;
  private readonly unsubscribe: Array<() => void> = [];
  private readonly limit: NotificationRateLimit;

  constructor(private readonly deps: NotificationServiceDeps) {
    this.limit = deps.rateLimit ?? DEFAULT_RATE_LIMIT;
  }

  /** Starts listening to the event bus. */
  start(): void {
    if (this.unsubscribe.length > 0) return;
    this.unsubscribe.push(
      this.deps.bus.on('instanceStateChanged', ({ id, transition }) =>
        this.onState(id, transition.state, transition.reason),
      ),
      this.deps.bus.on('clientsChanged', ({ clients }) => this.onClients(clients)),
      this.deps.bus.on('toolReviewChanged', ({ id, name, pending }) => this.onToolReview(id, name, pending)),
    );
  }

  /** Stops listening and drops a pending summary. */
  stop(): void {
    this.unsubscribe.splice(0).forEach((off) => off());
    this.summaryTimer?.();
    this.summaryTimer = null;
  }

  private onState(id: string, state: InstanceState, reason: string | null): void {
    if (RECOVERED.has(state)) {
      for (const problem of ['crashed', 'failed', 'needs-auth'] as const)
        this.active.delete(`${problem}:${id}`);
      return;
    }
    const problem = PROBLEM_OF[state];
    if (!problem) return;
    const name = this.deps.instanceName(id) ?? id;
    const target = { kind: 'instance', id } as const;
    switch (problem) {
      case 'crashed':
        this.raise(`crashed:${id}`, {
          title: `${name} crashed`,
          body: reason ?? 'It stopped unexpectedly.',
          target,
        });
        return;
      case 'failed':
        // Giving up after a crash loop is news even when the crash was already notified.
        this.raise(`failed:${id}`, {
          title: `${name} stopped working`,
          body: reason ?? 'MCP Tray could not start it.',
          target,
        });
        return;
      case 'needs-auth':
        this.raise(`needs-auth:${id}`, {
          title: `${name} needs you to sign in`,
          body: reason ?? 'Open MCP Tray and sign in to use it again.',
          target,
        });
        return;
    }
  }

  /** Once per review: more tools changing before the user looked do not notify again. */
  private onToolReview(id: string, name: string, pending: readonly string[]): void {
    const key = `tools:${id}`;
    if (pending.length === 0) {
      this.active.delete(key);
      return;
    }
    const what = pending.length === 1 ? `The tool "${pending[0]}" is` : `${pending.length} tools are`;
    this.raise(key, {
      title: `${this.deps.instanceName(id) ?? name}: tools changed`,
      body: `${what} new or changed. AI clients do not see ${pending.length === 1 ? 'it' : 'them'} until you review ${pending.length === 1 ? 'it' : 'them'}.`,
      target: { kind: 'instance', id },
    });
  }

  private onClients(clients: readonly ClientInfo[]): void {
    for (const client of clients) {
      const key = `drift:${client.id}`;
      if (client.drift.length === 0) {
        this.active.delete(key);
        continue;
      }
      if (this.deps.driftPolicy() !== 'ask') continue;
      const names = client.drift.map((id) => this.deps.instanceName(id) ?? id).join(', ');
      this.raise(key, {
        title: `${client.name} removed MCP Tray's entries`,
        body: `${names} no longer ${client.drift.length === 1 ? 'reaches' : 'reach'} ${client.name}. Open Clients and press Restore to put ${client.drift.length === 1 ? 'it' : 'them'} back.`,
        target: { kind: 'clients' },
      });
    }
  }

  /** Notifies a problem unless it is already known, within the rate limit. */
  private raise(key: string, notification: AppNotification): void {
    if (this.active.has(key)) return;
    this.active.add(key);
    if (this.allowed()) {
      this.send(notification);
      return;
    }
    this.suppressed++;
    this.scheduleSummary();
  }

  private allowed(): boolean {
    const now = this.deps.clock.now();
    this.sentAt = this.sentAt.filter((at) => now - at < this.limit.windowMs);
    return this.sentAt.length < this.limit.burst;
  }

  private send(notification: AppNotification): void {
    this.sentAt.push(this.deps.clock.now());
    this.deps.notifier.notify(notification);
  }

  /** One summary for everything held back, as soon as the oldest notification leaves the window. */
  private scheduleSummary(): void {
    if (this.summaryTimer) return;
    const oldest = this.sentAt[0] ?? this.deps.clock.now();
    const wait = Math.max(0, oldest + this.limit.windowMs - this.deps.clock.now());
    this.summaryTimer = this.deps.timers.after(wait, () => {
      this.summaryTimer = null;
      const count = this.suppressed;
      this.suppressed = 0;
      if (count === 0) return;
      this.send({
        title: 'MCP Tray',
        body: `${count} more ${count === 1 ? 'problem needs' : 'problems need'} your attention.`,
        target: { kind: 'window' },
      });
    });
  }
}
