import type { OrphanSecrets } from '../../shared/contract';
import type { SecretStore } from '../secrets/secret-store';

/**
 * Keychain items whose service is gone: left by a settings reset, a crash during remove, or an
 * older version. Accounts are `<instance>:<field>`; app-wide ones start with `_` (no instance id
 * can), so they are never counted.
 */
export class SecretSweepService {
  constructor(
    private readonly deps: {
      secrets: SecretStore;
      /** Ids of the instances that exist now. */
      instanceIds: () => string[];
    },
  ) {}

  /** Orphaned items grouped by the instance id they were stored for (field names only). */
  async orphans(): Promise<OrphanSecrets[]> {
    const live = new Set(this.deps.instanceIds());
    const byInstance = new Map<string, string[]>();
    for (const account of await this.deps.secrets.accounts()) {
      const colon = account.indexOf(':');
      if (colon <= 0 || account.startsWith('_')) continue;
      const id = account.slice(0, colon);
      if (live.has(id)) continue;
      byInstance.set(id, [...(byInstance.get(id) ?? []), account.slice(colon + 1)]);
    }
    return [...byInstance]
      .map(([instanceId, fields]) => ({ instanceId, fields: fields.sort() }))
      .sort((a, b) => a.instanceId.localeCompare(b.instanceId));
  }

  /** Deletes the orphaned items of one instance id, or of all; never those of a live instance. */
  async remove(instanceId?: string): Promise<{ removed: number }> {
    let removed = 0;
    for (const orphan of await this.orphans()) {
      if (instanceId === undefined || orphan.instanceId === instanceId) {
        removed += await this.deps.secrets.deleteAllFor(orphan.instanceId);
      }
    }
    return { removed };
  }
}
