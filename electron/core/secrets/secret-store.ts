import type { KeychainStatus } from '../../shared/contract';
import { UserFacingError } from '../rpc/errors';

/** Keychain service name under which every secret is stored (brief 3.4). */
export const KEYCHAIN_SERVICE = 'MCP Tray';

/** Raised when the OS keychain cannot be used; the message says what to do. */
export class KeychainUnavailableError extends UserFacingError {
  constructor(message: string) {
    super('keychain-unavailable', message);
    this.name = 'KeychainUnavailableError';
  }
}

/**
 * Secret storage. Accounts are `<instance-id>:<field>` so one sweep removes an instance's
 * secrets. Implementations never fall back to plaintext.
 */
export interface SecretStore {
  status(): Promise<KeychainStatus>;
  get(account: string): Promise<string | null>;
  set(account: string, value: string): Promise<void>;
  delete(account: string): Promise<boolean>;
  /** Deletes every account that starts with `<prefix>:`; returns how many. */
  deleteAllFor(prefix: string): Promise<number>;
  /** Every account MCP Tray holds (names only). */
  accounts(): Promise<string[]>;
}

/** Account name for one secret field of one instance. */
export function secretAccount(instanceId: string, field: string): string {
  if (instanceId.includes(':')) throw new Error('instance id must not contain ":"');
  return `${instanceId}:${field}`;
}
