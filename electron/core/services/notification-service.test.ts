import { describe, expect, it } from 'vitest';
import type { ClientInfo, InstanceState } from '../../shared/contract';
import { FakeTime } from '../../../test/core/auth/test-time';
import { EventBus } from '../event-bus';
import type { AppNotification, Notifier } from '../platform/notifier';
import { LogNotifier, targetRoute } from '../platform/notifier';
import type { Settings } from '../settings/settings-schema';
import { NotificationService } from './notification-service';

class RecordingNotifier implements Notifier {
  readonly shown: AppNotification[] = [];
  notify(notification: AppNotification): void {
    this.shown.push(notification);
  }
}

const NAMES: Record<string, string> = { gh: 'GitHub', notes: 'Notes', cal: 'Calendar', mail: 'Gmail' };

function setup(options: { driftPolicy?: Settings['driftPolicy']; burst?: number } = {}) {
  const bus = new EventBus();
  const notifier = new RecordingNotifier();
  const time = new FakeTime();
  let driftPolicy = options.driftPolicy ?? 'ask';
  const service = new NotificationService({
    bus,
    notifier,
    clock: time,
    timers: time,
    instanceName: (id) => NAMES[id] ?? null,
    driftPolicy: () => driftPolicy,
    rateLimit: { burst: options.burst ?? 10, windowMs: 60_000 },
  });
  service.start();
  const state = (id: string, s: InstanceState, reason: string | null = null) =>
    bus.emit('instanceStateChanged', {
      id,
      transition: { state: s, reason, at: new Date(time.now()).toISOString() },
    });
  const clients = (drift: Record<string, string[]>) =>
    bus.emit('clientsChanged', {
      clients: Object.entries(drift).map(([id, ids]) => client(id as ClientInfo['id'], ids)),
    });
  return {
    bus,
    service,
    time,
    state,
    clients,
    setDriftPolicy: (p: Settings['driftPolicy']) => (driftPolicy = p),
    shown: notifier.shown,
  };
}

function client(id: ClientInfo['id'], drift: string[]): ClientInfo {
  return {
    id,
    name: id === 'claude-desktop' ? 'Claude Desktop' : 'Cursor',
    installed: true,
    evidence: [],
    configPath: `/home/ada/${id}.json`,
    reloadHint: '',
    docs: [],
    selected: drift,
    configured: [],
    entries: [],
    error: null,
    drift,
  };
}

describe('NotificationService', () => {
  it('notifies a crash with its reason once per crash loop, and again after a recovery', () => {
    const { state, shown } = setup();
    state('gh', 'starting');
    state('gh', 'backoff', 'Exited with code 1. Restarting in 1 s.');
    state('gh', 'starting');
    state('gh', 'backoff', 'Exited with code 1. Restarting in 2 s.');
    expect(shown).toEqual([
      {
        title: 'GitHub crashed',
        body: 'Exited with code 1. Restarting in 1 s.',
        target: { kind: 'instance', id: 'gh' },
      },
    ]);
    state('gh', 'running');
    state('gh', 'backoff', 'Killed by SIGKILL. Restarting in 1 s.');
    expect(shown.map((n) => n.body)).toEqual([
      'Exited with code 1. Restarting in 1 s.',
      'Killed by SIGKILL. Restarting in 1 s.',
    ]);
  });

  it('notifies giving up even after the crash was notified, once', () => {
    const { state, shown } = setup();
    state('notes', 'backoff', 'Exited with code 1. Restarting in 1 s.');
    const reason =
      'Exited with code 1. It stopped 5 times within 60 s, so MCP Tray will not restart it until you press Restart.';
    state('notes', 'failed', reason);
    state('notes', 'failed', reason);
    expect(shown.map((n) => n.title)).toEqual(['Notes crashed', 'Notes stopped working']);
    expect(shown[1]).toEqual({
      title: 'Notes stopped working',
      body: reason,
      target: { kind: 'instance', id: 'notes' },
    });
  });

  it('notifies a needed sign-in, and again only after it was fixed or the user stopped the instance', () => {
    const { state, shown } = setup();
    state('mail', 'needs-auth', 'Google refused the saved sign-in. Sign in again.');
    state('mail', 'needs-auth', 'Google refused the saved sign-in. Sign in again.');
    expect(shown).toEqual([
      {
        title: 'Gmail needs you to sign in',
        body: 'Google refused the saved sign-in. Sign in again.',
        target: { kind: 'instance', id: 'mail' },
      },
    ]);
    state('mail', 'disabled', 'Disabled by you');
    state('mail', 'needs-auth', null);
    expect(shown[1]).toMatchObject({
      title: 'Gmail needs you to sign in',
      body: 'Open MCP Tray and sign in to use it again.',
    });
  });

  it('keeps problems of different instances apart and ignores ordinary states', () => {
    const { state, shown } = setup();
    state('gh', 'starting');
    state('gh', 'running');
    state('gh', 'unhealthy', 'Not answering health checks (2 in a row)');
    state('gh', 'backoff', 'x');
    state('cal', 'backoff', 'y');
    state('gone', 'failed', 'z');
    expect(shown.map((n) => n.title)).toEqual(['GitHub crashed', 'Calendar crashed', 'gone stopped working']);
  });

  it('notifies drift once per client while it lasts, pointing at Clients, when the policy is ask', () => {
    const { clients, shown, setDriftPolicy } = setup();
    clients({ 'claude-desktop': ['gh', 'notes'], cursor: [] });
    clients({ 'claude-desktop': ['gh', 'notes'], cursor: [] });
    expect(shown).toEqual([
      {
        title: "Claude Desktop removed MCP Tray's entries",
        body: 'GitHub, Notes no longer reach Claude Desktop. Open Clients and press Restore to put them back.',
        target: { kind: 'clients' },
      },
    ]);
    clients({ 'claude-desktop': [], cursor: ['gh'] });
    clients({ 'claude-desktop': ['gh'], cursor: ['gh'] });
    expect(shown.map((n) => n.body)).toEqual([
      'GitHub, Notes no longer reach Claude Desktop. Open Clients and press Restore to put them back.',
      'GitHub no longer reaches Cursor. Open Clients and press Restore to put it back.',
      'GitHub no longer reaches Claude Desktop. Open Clients and press Restore to put it back.',
    ]);
    // "never" means the user does not want to hear about it; "always" puts entries back by itself.
    for (const policy of ['never', 'always'] as const) {
      setDriftPolicy(policy);
      clients({ 'claude-desktop': [], cursor: [] });
      clients({ 'claude-desktop': ['notes'], cursor: ['notes'] });
    }
    expect(shown).toHaveLength(3);
  });

  it('caps bursts and sends one summary for what it held back when the window allows', () => {
    const { state, shown, time } = setup({ burst: 2 });
    state('gh', 'backoff', 'a');
    time.advance(1_000);
    state('notes', 'backoff', 'b');
    state('cal', 'backoff', 'c');
    state('mail', 'needs-auth', 'd');
    expect(shown.map((n) => n.title)).toEqual(['GitHub crashed', 'Notes crashed']);
    time.advance(58_999);
    expect(shown).toHaveLength(2);
    time.advance(1);
    expect(shown[2]).toEqual({
      title: 'MCP Tray',
      body: '2 more problems need your attention.',
      target: { kind: 'window' },
    });
    // The held-back problems count as notified: no repeat when they happen again.
    state('cal', 'backoff', 'c again');
    expect(shown).toHaveLength(3);
    // After the window a new problem goes through on its own.
    time.advance(60_000);
    state('gh', 'running');
    state('gh', 'failed', 'e');
    expect(shown[3]).toMatchObject({ title: 'GitHub stopped working' });
  });

  it('stops listening and drops a pending summary on stop', () => {
    const { state, shown, time, service } = setup({ burst: 1 });
    state('gh', 'backoff', 'a');
    state('notes', 'backoff', 'b');
    service.stop();
    time.advance(120_000);
    state('cal', 'backoff', 'c');
    expect(shown).toHaveLength(1);
    expect(time.waiting).toBe(0);
  });
});

describe('notifications about changed tools', () => {
  it('tells once per review, and again after the review was done', () => {
    const { bus, shown } = setup();
    const review = (pending: string[]) =>
      bus.emit('toolReviewChanged', { id: 'gh', name: 'GitHub', pending });
    review(['send_email']);
    review(['send_email', 'upload']);
    expect(shown).toEqual([
      {
        title: 'GitHub: tools changed',
        body: 'The tool "send_email" is new or changed. AI clients do not see it until you review it.',
        target: { kind: 'instance', id: 'gh' },
      },
    ]);
    review([]);
    review(['a', 'b']);
    expect(shown[1]?.body).toBe(
      '2 tools are new or changed. AI clients do not see them until you review them.',
    );
  });
});

describe('notifier helpers', () => {
  it('routes clicks to the screen of the target', () => {
    expect(targetRoute({ kind: 'instance', id: 'a b' })).toBe('#/services/a%20b');
    expect(targetRoute({ kind: 'clients' })).toBe('#/clients');
    expect(targetRoute({ kind: 'window' })).toBeNull();
  });

  it('logs notifications in the headless host', () => {
    const lines: unknown[] = [];
    const logger = {
      debug: () => undefined,
      info: (message: string, fields?: Record<string, unknown>) => lines.push([message, fields]),
      warn: () => undefined,
      error: () => undefined,
      child: () => logger,
    };
    new LogNotifier(logger).notify({ title: 'T', body: 'B', target: { kind: 'clients' } });
    expect(lines).toEqual([['notification', { title: 'T', body: 'B', target: 'clients' }]]);
  });
});
