import type { KeychainStatus } from '../../../electron/shared/contract';
import type { SecretStore } from '../../../electron/core/secrets/secret-store';

/** In-memory `SecretStore` for tests of code that only passes secrets along. */
export class MemorySecretStore implements SecretStore {
  readonly values = new Map<string, string>();
  constructor(private readonly state: KeychainStatus = { available: true, detail: 'memory' }) {}
  status = (): Promise<KeychainStatus> => Promise.resolve(this.state);
  get = (account: string): Promise<string | null> => Promise.resolve(this.values.get(account) ?? null);
  set = (account: string, value: string): Promise<void> => {
    this.values.set(account, value);
    return Promise.resolve();
  };
  delete = (account: string): Promise<boolean> => Promise.resolve(this.values.delete(account));
  accounts = (): Promise<string[]> => Promise.resolve([...this.values.keys()]);
  deleteAllFor = (prefix: string): Promise<number> => {
    const keys = [...this.values.keys()].filter((key) => key.startsWith(`${prefix}:`));
    keys.forEach((key) => this.values.delete(key));
    return Promise.resolve(keys.length);
  };
}
