import type { InstanceSummary } from '../../shared/contract';
import type { EventBus } from '../event-bus';
import type { SettingsStore } from '../settings/settings-store';
import type { InstanceConfig } from '../settings/settings-schema';

/** Configured instances and their live state, as the UI sees them. */
export class InstancesService {
  constructor(
    private readonly settings: SettingsStore,
    private readonly bus: EventBus,
    private readonly startedAt: string,
  ) {}

  list(): InstanceSummary[] {
    return this.settings.read().instances.map((config) => this.summarise(config));
  }

  /** Tells every UI that the list or a state changed. */
  publish(): void {
    this.bus.emit('instancesChanged', { instances: this.list() });
  }

  private summarise(config: InstanceConfig): InstanceSummary {
    // No process supervisor runs instances yet: an enabled instance is reported as stopped.
    return {
      id: config.id,
      name: config.name,
      integrationId: config.integrationId,
      enabled: config.enabled,
      state: config.enabled ? 'stopped' : 'disabled',
      stateReason: config.enabled ? 'Not started' : 'Disabled by you',
      stateSince: this.startedAt,
      pid: null,
      toolCount: 0,
    };
  }
}
