import type { InstanceConfig } from '../settings/settings-schema';
import type { CoreDeps } from '../core';
import { CoreSignals } from '../core-signals';
import { EventBus } from '../event-bus';
import { Catalog } from '../integrations/catalog';
import { NoticeService } from '../services/notice-service';

/** What every later wiring step uses: the host's deps, both event channels, notices, the catalog. */
export interface CoreBase {
  readonly deps: CoreDeps;
  /** Core → UI events, validated against the contract. */
  readonly bus: EventBus;
  /** Internal events between parts of the core wired in different steps. */
  readonly signals: CoreSignals;
  readonly notices: NoticeService;
  readonly catalog: Catalog;
  readonly fetch: typeof globalThis.fetch;
  /** An instance's saved config, read fresh from the settings. */
  config(id: string): InstanceConfig | undefined;
}

/** Step 1: the channels and the read-only pieces everything else is built on. */
export function wireBase(deps: CoreDeps): CoreBase {
  const bus = new EventBus();
  return {
    deps,
    bus,
    signals: new CoreSignals(),
    notices: new NoticeService(bus),
    catalog: new Catalog(deps.builtInServersDir, deps.logger.child('catalog')),
    fetch: deps.fetch ?? globalThis.fetch.bind(globalThis),
    config: (id) => deps.settings.read().instances.find((c) => c.id === id),
  };
}
