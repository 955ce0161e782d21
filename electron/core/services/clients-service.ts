import type {
  ClientApplied,
  ClientEntry,
  ClientId,
  ClientInfo,
  ClientPlan,
  ClientTransport,
  EntryMode,
  InstanceSummary,
} from '../../shared/contract';
import { COMBINED_ENTRY } from '../clients/connector-entry';
import { EVERYTHING, isEverything, profileInstances } from '../profiles/profile-rules';
import type { AdapterContext, ClientAdapter, ConfigChanges, ConnectorRuntime } from '../clients';
import {
  ConfigParseError,
  clientAdapter,
  clientAdapters,
  entrySyncChanges,
  isClaudeMsixInstall,
  ourInstanceId,
  restartClient,
} from '../clients';
import type { ConfigWriter } from '../clients';
import type { ClientDetector } from '../clients/client-detector';
import { entryRepairs } from '../clients/entry-repair';
import type { EventBus } from '../event-bus';
import type { Logger } from '../platform/logger';
import { UserFacingError } from '../rpc/errors';
import type { ClientSettings } from '../settings/settings-schema';
import type { SettingsStore } from '../settings/settings-store';
import type { HttpAccess } from './http-broker-service';
import type { InstancesService } from './instances-service';
import { SECRET_ENV, freeId, inWords, listEntries, runCommand } from './client-service-helpers';

export interface ClientsServiceDeps {
  settings: SettingsStore;
  instances: InstancesService;
  writer: ConfigWriter;
  context: AdapterContext;
  /** Finds each client's program (whether it is installed). */
  detector: ClientDetector;
  /** How client entries start the connector (node + our CLI, or the packaged app). */
  runtime: ConnectorRuntime;
  /** `--data-dir` for entries when this core does not use the default folder. */
  dataDirArg: string | null;
  bus: EventBus;
  logger: Logger;
  /** The HTTP endpoint's port and token for HTTP entries; null while it is off. */
  httpAccess: () => Promise<HttpAccess | null>;
}

const NO_CHOICE: ClientSettings = { selected: [], applied: [], transport: 'stdio' };

/** Clients that get one combined entry by default once their profile has more services than this. */
const COMBINED_BY_DEFAULT = new Set<string>(['claude-desktop', 'cursor']);
const COMBINED_AFTER = 5;

/** The AI clients, their files, and which instances each one gets. */
export class ClientsService {
  constructor(private readonly deps: ClientsServiceDeps) {}

  async list(): Promise<ClientInfo[]> {
    return Promise.all(clientAdapters.map((adapter) => this.info(adapter)));
  }

  async setSelection(client: ClientId, instances: string[]): Promise<ClientInfo> {
    const known = new Set(this.deps.instances.configs().map((c) => c.id));
    const unknown = instances.find((id) => !known.has(id));
    if (unknown) throw new UserFacingError('not-found', `There is no service called "${unknown}".`);
    this.update(client, (s) => ({ ...s, selected: [...new Set(instances)] }));
    return this.info(clientAdapter(client));
  }

  /**
   * Chooses stdio or HTTP for a client; saved only, like a selection (`apply` writes it).
   * HTTP is refused for clients whose config cannot describe an HTTP server with headers.
   */
  async setTransport(client: ClientId, transport: ClientTransport): Promise<ClientInfo> {
    const adapter = clientAdapter(client);
    if (transport === 'http' && !adapter.http) {
      throw new UserFacingError(
        'unsupported',
        `${adapter.displayName} cannot reach MCP Tray over HTTP; it keeps using the connector (stdio).`,
      );
    }
    this.update(client, (s) => ({ ...s, transport }));
    return this.info(adapter);
  }

  /** One entry per service, or one combined entry; saved only (`apply` writes it). */
  async setEntryMode(client: ClientId, mode: EntryMode): Promise<ClientInfo> {
    this.update(client, (s) => ({ ...s, entryMode: mode }));
    return this.info(clientAdapter(client));
  }

  /**
   * The client got another profile: its file is rewritten when it has entries of ours (the
   * services change with the profile, and entries then carry the client's id).
   */
  async profileChanged(client: ClientId): Promise<ClientInfo> {
    const saved = this.deps.settings.read().clients[client];
    if (saved && saved.applied.length > 0) await this.apply(client);
    else await this.publish();
    return this.info(clientAdapter(client));
  }

  /**
   * After the HTTP endpoint was turned on or off: rewrites the files of clients set to HTTP
   * that have entries of ours, so they use the endpoint while it is on and the connector
   * while it is off. A file that cannot be written is logged and left for the next apply.
   */
  async rewriteHttpClients(): Promise<void> {
    const clients = this.deps.settings.read().clients;
    for (const adapter of clientAdapters) {
      const saved = clients[adapter.id];
      if (!adapter.http || saved?.transport !== 'http' || saved.applied.length === 0) continue;
      try {
        await this.apply(adapter.id);
      } catch (error) {
        this.deps.logger.warn('could not rewrite a client for the HTTP endpoint', {
          client: adapter.id,
          error: String(error),
        });
      }
    }
  }

  async plan(client: ClientId, instances?: string[]): Promise<ClientPlan> {
    const { adapter, file } = this.target(client);
    const plan = await inWords(async () =>
      this.deps.writer.plan(adapter, file, await this.changes(adapter, file, [], instances)),
    );
    return { client, file, diff: plan.diff, hunks: plan.hunks, changed: plan.changed };
  }

  async apply(
    client: ClientId,
    extraRemovals: string[] = [],
    movedSecrets: readonly string[] = [],
  ): Promise<ClientApplied> {
    const { adapter, file } = this.target(client);
    let written: string[] = [];
    const result = await inWords(async () => {
      const changes = await this.changes(adapter, file, extraRemovals);
      written = changes.written;
      return this.deps.writer.apply(adapter, file, changes, {
        // HTTP entries carry the endpoint's token: nobody but the user may read the file.
        ownerOnly: this.writesHttp(adapter),
        movedSecrets,
      });
    });
    this.update(client, (s) => ({ ...s, applied: written }));
    this.deps.logger.info('client config written', { client, file, changed: result.changed });
    await this.publish();
    return {
      client,
      file,
      diff: result.plan.diff,
      hunks: result.plan.hunks,
      changed: result.changed,
      backup: result.backup,
      reloadHint: adapter.reloadHint,
    };
  }

  /**
   * Adopts a client's own stdio servers as MCP Tray instances (secret-looking env values go to
   * the keychain) and, in the same write, replaces their entries with connector entries.
   */
  async importServers(
    client: ClientId,
    names: string[],
  ): Promise<{ imported: InstanceSummary[]; applied: ClientApplied }> {
    const { adapter, file } = this.target(client);
    const { servers } = await inWords(() => this.deps.writer.read(adapter, file));
    const imported: InstanceSummary[] = [];
    const moved: string[] = [];
    const taken = new Set(this.deps.instances.configs().map((c) => c.id));
    for (const name of names) {
      const entry = servers[name];
      if (!entry)
        throw new UserFacingError('not-found', `${adapter.displayName} has no server called "${name}".`);
      if (ourInstanceId(entry)) continue;
      const id = freeId(name, taken);
      taken.add(id);
      const env: Record<string, string> = {};
      const secretEnv: Record<string, string> = {};
      for (const [key, value] of Object.entries(entry.env))
        (SECRET_ENV.test(key) ? secretEnv : env)[key] = value;
      moved.push(...Object.values(secretEnv));
      imported.push(
        await this.deps.instances.addCustom({
          id,
          name,
          command: entry.command,
          args: entry.args,
          env,
          secretEnv,
        }),
      );
    }
    this.update(client, (s) => ({
      ...s,
      selected: [...new Set([...s.selected, ...imported.map((i) => i.id)])],
    }));
    // The secrets now live in the keychain: the file's backups must not keep them in plain text.
    return { imported, applied: await this.apply(client, names, moved) };
  }

  /**
   * A removed instance leaves every client: out of the selections, and its entry taken out of
   * the files that have it (our own entry; a client would otherwise fail on a dead service).
   */
  async forget(id: string): Promise<void> {
    const clients = this.deps.settings.read().clients;
    for (const adapter of clientAdapters) {
      const saved = clients[adapter.id];
      if (!saved || (!saved.selected.includes(id) && !saved.applied.includes(id))) continue;
      this.update(adapter.id, (s) => ({
        ...s,
        selected: s.selected.filter((x) => x !== id),
        applied: s.applied.filter((x) => x !== id),
      }));
      try {
        await this.apply(adapter.id);
      } catch (error) {
        this.deps.logger.warn('could not remove the entry of a removed service', {
          client: adapter.id,
          error: String(error),
        });
      }
    }
  }

  /** Quits and reopens a client so it reads its config (where the platform allows). */
  restart(client: ClientId): Promise<{ restarted: boolean; message: string }> {
    const { context } = this.deps;
    const msix = client === 'claude-desktop' && isClaudeMsixInstall(context);
    return restartClient(client, context.platform, runCommand, {
      msix,
      localAppData: context.env.LOCALAPPDATA,
    });
  }

  /** Tells every UI the clients' state (after a write, or when a client changed its file). */
  async publish(clients?: ClientInfo[]): Promise<void> {
    this.deps.bus.emit('clientsChanged', { clients: clients ?? (await this.list()) });
  }

  /**
   * Rewrites our entries that no longer run this MCP Tray (it moved, or their program is gone) to
   * run the stable launcher; other entries and the user's are untouched. Run at every start and
   * when a watched file changes. Returns the clients whose files were repaired.
   */
  async repairEntries(only?: ClientId): Promise<ClientId[]> {
    if (this.deps.runtime.unstable) return [];
    const repaired: ClientId[] = [];
    for (const adapter of clientAdapters) {
      if ((only && adapter.id !== only) || this.writesHttp(adapter)) continue;
      const file = adapter.configPath(this.deps.context);
      try {
        const { exists, raw } = await this.deps.writer.read(adapter, file);
        const { set, broken } = exists ? this.repairs(adapter, raw) : { set: {}, broken: [] };
        if (Object.keys(set).length === 0) continue;
        await this.deps.writer.apply(adapter, file, { set, remove: [] });
        repaired.push(adapter.id);
        this.deps.logger.info('client entries repaired', {
          client: adapter.id,
          entries: Object.keys(set),
          broken,
        });
      } catch (error) {
        this.deps.logger.warn('could not repair a client’s entries', {
          client: adapter.id,
          error: String(error),
        });
      }
    }
    if (repaired.length > 0) await this.publish();
    return repaired;
  }

  private repairs(
    adapter: ClientAdapter,
    raw: Record<string, unknown>,
  ): { set: Record<string, unknown>; broken: string[] } {
    return entryRepairs({
      adapter,
      entries: raw,
      instanceIds: new Set(this.deps.instances.configs().map((c) => c.id)),
      runtime: this.deps.runtime,
      dataDir: this.deps.dataDirArg,
      exists: (file) => this.deps.context.exists(file),
    });
  }

  /** Config files of clients we have written to, for drift watching. */
  watchedFiles(): { client: ClientId; file: string }[] {
    const clients = this.deps.settings.read().clients;
    return clientAdapters.flatMap((adapter) => {
      const file = adapter.configPath(this.deps.context);
      return file && (clients[adapter.id]?.applied.length ?? 0) > 0 ? [{ client: adapter.id, file }] : [];
    });
  }

  /**
   * The entry mode a client's file gets now: the user's choice, else combined for Claude
   * Desktop and Cursor once their profile has more than five services.
   */
  private entryMode(clientId: string): { mode: EntryMode; chosen: boolean } {
    const settings = this.deps.settings.read();
    const saved = settings.clients[clientId];
    if (saved?.entryMode) return { mode: saved.entryMode, chosen: true };
    const count = profileInstances(settings, saved?.profile ?? EVERYTHING).length;
    const combined = COMBINED_BY_DEFAULT.has(clientId) && count > COMBINED_AFTER;
    return { mode: combined ? 'combined' : 'per-service', chosen: false };
  }

  private async changes(
    adapter: ClientAdapter,
    file: string,
    replacing: string[] = [],
    preview?: string[],
  ): Promise<ConfigChanges & { written: string[] }> {
    const { raw } = await this.deps.writer.read(adapter, file);
    const entries = Object.fromEntries(Object.entries(raw).filter(([name]) => !replacing.includes(name)));
    const settings = this.deps.settings.read();
    const saved = settings.clients[adapter.id] ?? NO_CHOICE;
    const profile = saved.profile ?? EVERYTHING;
    const combined = this.entryMode(adapter.id).mode === 'combined';
    // A profile other than Everything decides the services; Everything keeps the selection.
    const selected = isEverything(profile)
      ? (preview ?? saved.selected)
      : profileInstances(settings, profile);
    const existing = new Set(this.deps.instances.configs().map((c) => c.id));
    const written = combined ? [COMBINED_ENTRY] : selected.filter((id) => existing.has(id));
    const http = adapter.http && saved.transport === 'http' ? await this.deps.httpAccess() : null;
    const changes = entrySyncChanges({
      adapter,
      entries,
      instanceIds: written,
      runtime: this.deps.runtime,
      dataDir: this.deps.dataDirArg,
      httpPort: settings.httpBroker.port,
      http,
      ...(combined || !isEverything(profile) ? { client: adapter.id } : {}),
    });
    const { unstable } = this.deps.runtime;
    // An entry naming a binary that is about to disappear would break the client after the next quit.
    if (unstable && !http && Object.keys(changes.set).length > 0) {
      throw new UserFacingError('app-location-temporary', unstable);
    }
    const remove = [...changes.remove, ...replacing.filter((name) => !(name in changes.set))];
    return { set: changes.set, remove, written };
  }

  private async info(adapter: ClientAdapter): Promise<ClientInfo> {
    const file = adapter.configPath(this.deps.context);
    const settings = this.deps.settings.read();
    const saved = settings.clients[adapter.id] ?? NO_CHOICE;
    let entries: ClientEntry[] = [];
    let broken: string[] = [];
    let error: string | null = null;
    if (file) {
      try {
        const { raw, servers } = await this.deps.writer.read(adapter, file);
        entries = listEntries(raw, servers, settings.httpBroker.port);
        broken = this.repairs(adapter, raw).broken;
      } catch (e) {
        error = e instanceof ConfigParseError ? e.message : `Could not read ${file}: ${(e as Error).message}`;
      }
    }
    const combinedThere = entries.some((e) => e.instanceId === COMBINED_ENTRY);
    const profile = saved.profile ?? EVERYTHING;
    const configured = [
      ...entries.flatMap((e) => (e.instanceId && e.instanceId !== COMBINED_ENTRY ? [e.instanceId] : [])),
      ...(combinedThere ? profileInstances(settings, profile) : []),
    ];
    const mode = this.entryMode(adapter.id);
    const wanted = saved.applied.includes(COMBINED_ENTRY)
      ? [COMBINED_ENTRY]
      : isEverything(profile)
        ? saved.selected
        : saved.applied;
    const { installed, evidence } = await this.deps.detector.detect(adapter.id);
    return {
      id: adapter.id,
      name: adapter.displayName,
      installed,
      evidence,
      configPath: file,
      reloadHint: adapter.reloadHint,
      docs: [...adapter.docs],
      selected: saved.selected,
      configured,
      entries,
      error,
      drift: error
        ? []
        : saved.applied.filter(
            (id) =>
              wanted.includes(id) && (id === COMBINED_ENTRY ? !combinedThere : !configured.includes(id)),
          ),
      broken,
      supportsHttp: Boolean(adapter.http),
      transport: saved.transport,
      effectiveTransport: this.writesHttp(adapter) ? 'http' : 'stdio',
      profile,
      entryMode: mode.mode,
      entryModeChosen: mode.chosen,
    };
  }

  /** Whether entries written now for this client are HTTP ones (the endpoint on, client set to HTTP). */
  private writesHttp(adapter: ClientAdapter): boolean {
    const settings = this.deps.settings.read();
    return (
      Boolean(adapter.http) &&
      settings.clients[adapter.id]?.transport === 'http' &&
      settings.httpBroker.enabled
    );
  }

  private target(client: ClientId): { adapter: ClientAdapter; file: string } {
    const adapter = clientAdapter(client);
    const file = adapter.configPath(this.deps.context);
    if (!file)
      throw new UserFacingError('unsupported', `${adapter.displayName} is not available on this system.`);
    return { adapter, file };
  }

  private update(client: ClientId, change: (s: ClientSettings) => ClientSettings): void {
    this.deps.settings.update((s) => ({
      ...s,
      clients: { ...s.clients, [client]: change(s.clients[client] ?? NO_CHOICE) },
    }));
  }
}
