import path from 'node:path';
import { HttpEndpoint } from '../broker/http-endpoint';
import { ConfigWriter } from '../clients';
import { ClientDetector } from '../clients/client-detector';
import type { AccountsService } from '../services/accounts-service';
import { BundlesService } from '../services/bundles-service';
import { ClientsService } from '../services/clients-service';
import { DriftWatcher } from '../services/drift-watcher';
import { HttpBrokerService } from '../services/http-broker-service';
import { InstancesService } from '../services/instances-service';
import type { CoreBase } from './base';
import type { CoreRuntime } from './runtime';

/** The instance list and what AI clients are given to reach it. */
export interface CoreClients {
  readonly instances: InstancesService;
  readonly bundles: BundlesService;
  readonly http: HttpBrokerService;
  readonly clients: ClientsService;
  readonly drift: DriftWatcher;
}

/** Step 4: the instance list, installed bundles, the HTTP endpoint and AI clients' entries. */
export function wireClients(base: CoreBase, runtime: CoreRuntime, accounts: AccountsService): CoreClients {
  const { deps, bus, signals, notices } = base;
  const { supervisor, broker } = runtime;
  const instances = new InstancesService(deps.settings, deps.secrets, supervisor, bus, deps.clock, accounts);
  signals.on('instancesTouched', () => instances.publish());
  const bundles = new BundlesService({
    settings: deps.settings,
    secrets: deps.secrets,
    supervisor,
    publish: () => instances.publish(),
    clock: deps.clock,
    bundlesDir: path.join(deps.paths.dataDir, 'bundles'),
    platform: process.platform,
    runtimes: async (command) => {
      const found = await deps.commands.resolve(command, []);
      return found.ok ? { found: true, hint: null } : { found: false, hint: found.reason };
    },
  });
  const http = new HttpBrokerService({
    settings: deps.settings,
    secrets: deps.secrets,
    notices,
    logger: deps.logger.child('http'),
    endpoint: ({ port, token }) =>
      new HttpEndpoint({
        port,
        token,
        broker,
        combined: runtime.combined,
        config: base.config,
        logger: deps.logger.child('http'),
      }),
    onEnabledChanged: () => signals.emit('httpEnabledChanged', undefined),
  });
  const clients = new ClientsService({
    settings: deps.settings,
    instances,
    writer: new ConfigWriter({ clock: deps.clock, logger: deps.logger.child('client-config') }),
    context: deps.clientContext,
    detector: new ClientDetector(deps.clientDetector),
    runtime: deps.connectorRuntime,
    dataDirArg: deps.dataDirArg,
    bus,
    logger: deps.logger.child('clients'),
    httpAccess: () => http.access(),
  });
  const drift = new DriftWatcher(clients, deps.settings, notices, deps.logger.child('drift'));
  // Entries of clients set to HTTP carry the endpoint's port and token: rewrite them.
  signals.on('httpEnabledChanged', async () => {
    await clients.rewriteHttpClients();
    drift.refresh();
    await clients.publish();
  });
  return { instances, bundles, http, clients, drift };
}
