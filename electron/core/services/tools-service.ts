import type { ToolCallResult } from '../../shared/contract';
import type { AppCaller } from '../broker/app-caller';
import { ToolCallFailedError } from '../broker/app-caller';
import type { Broker } from '../broker/broker';
import type { Clock } from '../platform/clock';
import { UserFacingError } from '../rpc/errors';
import type { InstanceConfig } from '../settings/settings-schema';
import { DEFAULT_REQUEST_TIMEOUT_MS, DEFAULT_START_TIMEOUT_MS } from '../settings/settings-schema';
import type { SettingsStore } from '../settings/settings-store';
import { toolResultView } from './tool-result-view';

/** Settings for the switches and timeout, the broker that enforces them, the app's caller. */
export interface ToolsServiceDeps {
  settings: SettingsStore;
  broker: Broker;
  caller: AppCaller;
  clock: Clock;
  /** Tells every window the instance changed (its detail shows the switches). */
  publish: () => void;
}

/** Per-tool switches, the request timeout, and the "try it" calls of the detail view. */
export class ToolsService {
  constructor(private readonly deps: ToolsServiceDeps) {}

  /** Calls a tool through the broker as MCP Tray; a failure the user can read becomes an error. */
  async call(id: string, tool: string, args: Record<string, unknown>): Promise<ToolCallResult> {
    const config = this.require(id);
    const started = this.deps.clock.now();
    try {
      const timeout = config.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS;
      const result = await this.deps.caller.call(id, tool, args, timeout);
      return toolResultView(result, this.deps.clock.now() - started);
    } catch (error) {
      if (error instanceof UserFacingError) throw error;
      // The server's or the broker's words (unknown tool, bad arguments, timeout) are for the user.
      const message = error instanceof ToolCallFailedError ? error.message : null;
      throw new UserFacingError('tool-call-failed', message ?? `The call to "${tool}" failed.`);
    }
  }

  /** Turns a tool on or off for every client; connected clients are told to list tools again. */
  async setEnabled(id: string, tool: string, enabled: boolean): Promise<{ disabledTools: string[] }> {
    this.require(id);
    const next = this.deps.settings.update((s) => ({
      ...s,
      instances: s.instances.map((c) => {
        if (c.id !== id) return c;
        const others = c.disabledTools.filter((name) => name !== tool);
        return { ...c, disabledTools: enabled ? others : [...others, tool] };
      }),
    }));
    await this.deps.broker.toolsChanged(id);
    this.deps.publish();
    return { disabledTools: next.instances.find((c) => c.id === id)?.disabledTools ?? [] };
  }

  /** Sets how long a call may take; `null` is the default. Applies to the next call. */
  setRequestTimeout(id: string, timeoutMs: number | null): { requestTimeoutMs: number } {
    this.require(id);
    this.deps.settings.update((s) => ({
      ...s,
      instances: s.instances.map((c) => {
        if (c.id !== id) return c;
        const { requestTimeoutMs: _old, ...rest } = c;
        return timeoutMs === null ? rest : { ...rest, requestTimeoutMs: timeoutMs };
      }),
    }));
    this.deps.publish();
    return { requestTimeoutMs: timeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS };
  }

  /** Sets how long a start may wait for `initialize`; `null` is the default. Applies to the next start. */
  setStartTimeout(id: string, timeoutMs: number | null): { startTimeoutMs: number } {
    this.require(id);
    this.deps.settings.update((s) => ({
      ...s,
      instances: s.instances.map((c) => {
        if (c.id !== id) return c;
        const { startTimeoutMs: _old, ...rest } = c;
        return timeoutMs === null ? rest : { ...rest, startTimeoutMs: timeoutMs };
      }),
    }));
    this.deps.publish();
    return { startTimeoutMs: timeoutMs ?? DEFAULT_START_TIMEOUT_MS };
  }

  private require(id: string): InstanceConfig {
    const config = this.deps.settings.read().instances.find((c) => c.id === id);
    if (!config) throw new UserFacingError('not-found', `There is no service called "${id}".`);
    return config;
  }
}
