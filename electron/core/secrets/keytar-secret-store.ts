import type * as KeytarModule from 'keytar';
import type { KeychainStatus } from '../../shared/contract';
import type { Logger } from '../platform/logger';
import type { SecretStore } from './secret-store';
import { KEYCHAIN_SERVICE, KeychainUnavailableError } from './secret-store';
import { isAutoStarted } from '../platform/session-env';

type Keytar = typeof KeytarModule;
type Env = Readonly<Record<string, string | undefined>>;

const PROBE_TIMEOUT_MS = 5000;

/** Account of the item `status()` writes and deletes to prove the keychain takes writes. */
const PROBE_ACCOUNT = 'mcp-tray:probe';

function explain(platform: NodeJS.Platform, cause: unknown, env: Env): string {
  const reason = cause instanceof Error ? cause.message : String(cause);
  if (platform === 'linux' && !env.DBUS_SESSION_BUS_ADDRESS) {
    const who = isAutoStarted(env)
      ? 'MCP Tray was started by an AI client outside your desktop session, so it cannot reach your keychain'
      : 'MCP Tray was started outside your desktop session, so it cannot reach your keychain';
    return (
      `${who} (no D-Bus session address). Run "mcp-tray quit", then open MCP Tray yourself from ` +
      'your desktop (the app, or "mcp-tray serve" in a terminal of your session). It then remembers ' +
      'your session, and AI clients that start it later get the same access. MCP Tray never stores ' +
      'secrets in plain files.'
    );
  }
  if (/locked/i.test(reason)) {
    return platform === 'linux'
      ? 'The keychain is locked. Unlock your Login keyring (open "Passwords and Keys", or sign out ' +
          'and back in to your desktop), then try again. MCP Tray never stores secrets in plain files.'
      : 'The keychain is locked. Unlock it and try again.';
  }
  if (platform === 'linux') {
    return (
      `No usable keychain (Secret Service): ${reason}. ` +
      'Install and unlock GNOME Keyring or KWallet (a desktop session normally does this); ' +
      'MCP Tray never stores secrets in plain files.'
    );
  }
  return `The system keychain could not be used: ${reason}.`;
}

/** `SecretStore` on the OS keychain through keytar (Keychain, Credential Manager, libsecret). */
export class KeytarSecretStore implements SecretStore {
  private keytar: Promise<Keytar> | null = null;

  constructor(
    private readonly logger: Logger,
    private readonly platform: NodeJS.Platform = process.platform,
    private readonly service = KEYCHAIN_SERVICE,
    /** The process's environment: whether a desktop session bus was there to reach. */
    private readonly env: Env = process.env,
  ) {}

  async status(): Promise<KeychainStatus> {
    try {
      // A locked keyring still lists (and reads as empty): only a write shows it is usable.
      await this.withKeytar(async (k) => {
        await k.setPassword(this.service, PROBE_ACCOUNT, 'ok');
        await k.deletePassword(this.service, PROBE_ACCOUNT);
      });
      const backend =
        this.platform === 'darwin'
          ? 'macOS Keychain'
          : this.platform === 'win32'
            ? 'Windows Credential Manager'
            : 'Secret Service';
      return { available: true, detail: backend };
    } catch (error) {
      return { available: false, detail: (error as Error).message };
    }
  }

  get(account: string): Promise<string | null> {
    return this.withKeytar((k) => k.getPassword(this.service, account));
  }

  set(account: string, value: string): Promise<void> {
    return this.withKeytar((k) => k.setPassword(this.service, account, value));
  }

  delete(account: string): Promise<boolean> {
    return this.withKeytar((k) => k.deletePassword(this.service, account));
  }

  async accounts(): Promise<string[]> {
    const all = await this.withKeytar((k) => k.findCredentials(this.service));
    return all.map((c) => c.account).filter((account) => account !== PROBE_ACCOUNT);
  }

  async deleteAllFor(prefix: string): Promise<number> {
    const all = await this.withKeytar((k) => k.findCredentials(this.service));
    let count = 0;
    for (const { account } of all) {
      if (account.startsWith(`${prefix}:`) && (await this.delete(account))) count++;
    }
    return count;
  }

  private load(): Promise<Keytar> {
    this.keytar ??= import('keytar').then((m) => (m as { default?: Keytar }).default ?? m);
    return this.keytar;
  }

  /** Runs one keychain call; a missing backend or a hang becomes `KeychainUnavailableError`. */
  private async withKeytar<T>(call: (k: Keytar) => Promise<T>): Promise<T> {
    let timer: NodeJS.Timeout | undefined;
    try {
      const keytar = await this.load();
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(
          () => reject(new Error('the keychain did not answer (is it locked?)')),
          PROBE_TIMEOUT_MS,
        );
      });
      return await Promise.race([call(keytar), timeout]);
    } catch (error) {
      if (error instanceof KeychainUnavailableError) throw error;
      const message = explain(this.platform, error, this.env);
      this.logger.warn('keychain unavailable', { reason: String(error) });
      throw new KeychainUnavailableError(message);
    } finally {
      clearTimeout(timer);
    }
  }
}
