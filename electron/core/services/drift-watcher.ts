import fs from 'node:fs';
import type { ClientId } from '../../shared/contract';
import type { Logger } from '../platform/logger';
import type { SettingsStore } from '../settings/settings-store';
import type { ClientsService } from './clients-service';
import type { NoticeService } from './notice-service';

/** How often client config files are checked (clients rewrite them; some strip our entries). */
const POLL_MS = 1500;

/**
 * Watches the config files we wrote entries into. When a client removes our entries (Claude
 * Desktop is known to rewrite its file), the user is told within seconds, and the entries are
 * restored when the drift policy says `always`.
 */
export class DriftWatcher {
  private readonly watched = new Map<string, ClientId>();

  constructor(
    private readonly clients: ClientsService,
    private readonly settings: SettingsStore,
    private readonly notices: NoticeService,
    private readonly logger: Logger,
  ) {}

  /** Starts (or refreshes) watching every file we have written to. */
  refresh(): void {
    const wanted = new Map(this.clients.watchedFiles().map(({ client, file }) => [file, client]));
    for (const file of this.watched.keys()) {
      if (!wanted.has(file)) {
        fs.unwatchFile(file);
        this.watched.delete(file);
      }
    }
    for (const [file, client] of wanted) {
      if (this.watched.has(file)) continue;
      this.watched.set(file, client);
      fs.watchFile(file, { interval: POLL_MS, persistent: false }, () => void this.check(client));
    }
  }

  stop(): void {
    for (const file of this.watched.keys()) fs.unwatchFile(file);
    this.watched.clear();
  }

  /** Looks at one client after its file changed. */
  async check(client: ClientId): Promise<void> {
    try {
      let clients = await this.clients.list();
      let info = clients.find((c) => c.id === client);
      if (info?.broken?.length) {
        // Our own entry pointing at a program that is gone: repaired whatever the policy.
        await this.clients.repairEntries(client);
        clients = await this.clients.list();
        info = clients.find((c) => c.id === client);
      }
      if (!info || info.drift.length === 0) {
        this.notices.dismiss(`drift-${client}`);
        await this.clients.publish(clients);
        return;
      }
      const policy = this.settings.read().driftPolicy;
      this.logger.warn('client removed our entries', { client, missing: info.drift, policy });
      if (policy === 'always') {
        await this.clients.apply(client);
        return;
      }
      if (policy === 'ask') {
        // No action in the words: the window adds its one action ("Restore in Clients").
        this.notices.post({
          id: `drift-${client}`,
          level: 'warning',
          message:
            `${info.name} removed ${info.drift.length === 1 ? 'the entry' : 'the entries'} for ` +
            `${info.drift.join(', ')} from its settings.`,
        });
      }
      await this.clients.publish(clients);
    } catch (error) {
      this.logger.error('drift check failed', { client, error: String(error) });
    }
  }
}
