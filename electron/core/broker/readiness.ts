import type { InstanceState } from '../../shared/contract';
import type { EventBus } from '../event-bus';
import type { Clock } from '../platform/clock';
import type { InstanceConfig } from '../settings/settings-schema';
import type { Supervisor } from '../supervisor/supervisor';

/** Why an instance cannot take a client now, in words for the client and its log. */
export interface Refusal {
  code: 'unknown' | 'disabled' | 'failed' | 'needs-auth' | 'not-ready';
  message: string;
}

export interface ReadinessDeps {
  supervisor: Pick<Supervisor, 'runner'>;
  config: (id: string) => InstanceConfig | undefined;
  bus: EventBus;
  clock: Clock;
}

/** Whether an instance can take a client, waiting (bounded) while it starts or restarts. */
export class Readiness {
  constructor(private readonly deps: ReadinessDeps) {}

  /** Null once the instance runs; the refusal says why it will not (or not yet, at `waitMs`). */
  async whenReady(id: string, waitMs: number): Promise<Refusal | null> {
    const deadline = this.deps.clock.now() + waitMs;
    for (;;) {
      const config = this.deps.config(id);
      if (!config) {
        return {
          code: 'unknown',
          message: `MCP Tray has no service called "${id}". Add it in MCP Tray first.`,
        };
      }
      const runner = this.deps.supervisor.runner(id);
      const state: InstanceState = runner?.state ?? (config.enabled ? 'stopped' : 'disabled');
      if (state === 'running' && runner?.client) return null;
      const refusal = refusalFor(config.name, state, runner?.reason ?? null);
      const left = deadline - this.deps.clock.now();
      if (refusal || left <= 0) {
        return (
          refusal ?? {
            code: 'not-ready',
            message: `"${config.name}" is still ${state}. Try again in a moment.`,
          }
        );
      }
      await this.nextTransition(id, left);
    }
  }

  private nextTransition(id: string, timeoutMs: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, timeoutMs);
      const off = this.deps.bus.on('instanceStateChanged', (event) => event.id === id && done());
      function done() {
        clearTimeout(timer);
        off();
        resolve();
      }
    });
  }
}

/** States no wait will change: the client is told at once. */
function refusalFor(name: string, state: InstanceState, reason: string | null): Refusal | null {
  const why = reason ? ` (${reason})` : '';
  switch (state) {
    case 'disabled':
      return {
        code: 'disabled',
        message: `"${name}" is turned off in MCP Tray. Open MCP Tray and enable it.`,
      };
    case 'failed':
      return { code: 'failed', message: `"${name}" has stopped working${why}. Open MCP Tray to fix it.` };
    case 'needs-auth':
      return { code: 'needs-auth', message: `"${name}" needs you to sign in. Open MCP Tray and sign in.` };
    default:
      return null;
  }
}
