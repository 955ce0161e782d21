import type { AccountInfo, SignInStart } from '../../shared/contract';
import type { AuthConfig, DeviceAuthConfig, OAuthAuthConfig } from '../auth/auth-config';
import { tokenEnvironment } from '../auth/auth-config';
import { ReauthRequiredError } from '../auth/oauth-errors';
import type { SignInService } from '../auth/sign-in';
import type { Timers } from '../auth/timers';
import type { TokenMetadata } from '../auth/token-store';
import type { Catalog } from '../integrations/catalog';
import type { Clock } from '../platform/clock';
import type { Logger } from '../platform/logger';
import { UserFacingError } from '../rpc/errors';
import type { AccountMetadata, InstanceConfig } from '../settings/settings-schema';
import type { SettingsStore } from '../settings/settings-store';
import type { Supervisor } from '../supervisor/supervisor';

type SignInConfig = OAuthAuthConfig | DeviceAuthConfig;

/** Raised while launching an instance that has no usable sign-in: it goes to `needs-auth`. */
export class NeedsAuthError extends UserFacingError {
  constructor(message: string) {
    super('needs-auth', message);
    this.name = 'NeedsAuthError';
  }
}

export interface AccountsDeps {
  settings: SettingsStore;
  catalog: Catalog;
  signIn: SignInService;
  supervisor: () => Supervisor;
  /** Restarts a server for a new token without failing calls in flight (the broker drains). */
  restartForNewToken: (id: string) => Promise<void>;
  clock: Clock;
  timers: Timers;
  logger: Logger;
}

interface Pending {
  start: SignInStart;
  done: Promise<AccountInfo>;
  cancel(): void;
}

/** Refresh at this share of the token's lifetime. */
const REFRESH_AT = 0.8;

/**
 * Sign-in state of instances whose integration needs an account: one flow per instance,
 * tokens injected into the server's environment, refresh ahead of expiry (then the server is
 * restarted to see the new token; the broker holds new calls meanwhile), and `needs-auth`
 * when a refresh is refused.
 */
export class AccountsService {
  private readonly pending = new Map<string, Pending>();
  private readonly refreshTimers = new Map<string, () => void>();

  constructor(private readonly deps: AccountsDeps) {}

  /** The auth config of an instance's integration, when it signs in with OAuth or a device code. */
  configFor(instance: InstanceConfig): SignInConfig | null {
    const auth: AuthConfig | undefined = this.deps.catalog.get(instance.integrationId)?.manifest._meta?.[
      'dev.mcptray'
    ]?.auth;
    return auth && (auth.type === 'oauth' || auth.type === 'device') ? auth : null;
  }

  info(instance: InstanceConfig): AccountInfo | undefined {
    const config = this.configFor(instance);
    if (!config) return undefined;
    const account = instance.account;
    return {
      method: config.type,
      signedIn: Boolean(account),
      label: account?.accountLabel ?? null,
      scopes: account?.scope ?? [],
      expiresAt: account?.expiresAt ? new Date(account.expiresAt).toISOString() : null,
      pending: this.pending.has(instance.id),
    };
  }

  /** Secret env for the server (the access token); throws `NeedsAuthError` when not signed in. */
  async environment(instance: InstanceConfig): Promise<Record<string, string>> {
    const config = this.configFor(instance);
    if (!config) return {};
    const name = this.providerName(instance);
    if (!instance.account) throw new NeedsAuthError(`Sign in to ${name} to use ${instance.name}.`);
    const tokens = await this.deps.signIn.tokens(instance.id, instance.account);
    if (!tokens)
      throw new NeedsAuthError(`Your sign-in to ${name} is missing from the keychain. Sign in again.`);
    this.scheduleRefresh(instance);
    return tokenEnvironment(config.token, tokens.accessToken);
  }

  async start(id: string, openBrowser: boolean): Promise<SignInStart> {
    const running = this.pending.get(id);
    if (running) return running.start;
    const instance = this.instance(id);
    const config = this.configFor(instance);
    if (!config) throw new UserFacingError('no-sign-in', `${instance.name} does not need a sign-in.`);
    const options = { providerName: this.providerName(instance) };
    const saveAndStart = async (metadata: Promise<TokenMetadata>): Promise<AccountInfo> => {
      try {
        const account: AccountMetadata = {
          ...(await metadata),
          signedInAt: new Date(this.deps.clock.now()).toISOString(),
        };
        this.update(id, { account });
        this.deps.logger.info('signed in', { id, label: account.accountLabel });
      } finally {
        this.pending.delete(id);
      }
      await this.deps.supervisor().restart(id);
      return this.info(this.instance(id))!;
    };
    if (config.type === 'oauth') {
      const flow = await this.deps.signIn.startBrowser(id, config, { ...options, openBrowser });
      const start: SignInStart = { kind: 'browser', url: flow.authorizationUrl };
      this.pending.set(id, { start, done: quiet(saveAndStart(flow.result)), cancel: flow.cancel });
      return start;
    }
    const flow = await this.deps.signIn.startDevice(id, config, options);
    const start: SignInStart = {
      kind: 'device',
      userCode: flow.userCode,
      verificationUri: flow.verificationUri,
      verificationUriComplete: flow.verificationUriComplete ?? null,
      expiresAt: new Date(flow.expiresAt).toISOString(),
    };
    this.pending.set(id, { start, done: quiet(saveAndStart(flow.result)), cancel: flow.cancel });
    if (openBrowser) await flow.openVerificationPage();
    return start;
  }

  async wait(id: string): Promise<AccountInfo> {
    const running = this.pending.get(id);
    if (!running) return this.info(this.instance(id)) ?? this.unsupported(id);
    return running.done;
  }

  cancel(id: string): boolean {
    const running = this.pending.get(id);
    running?.cancel();
    return Boolean(running);
  }

  async signOut(id: string): Promise<AccountInfo> {
    const instance = this.instance(id);
    this.stopRefresh(id);
    const config = this.configFor(instance);
    if (config && instance.account) {
      await this.deps.signIn
        .signOut(id, config, instance.account, { providerName: this.providerName(instance) })
        .catch((error: unknown) => this.deps.logger.warn('revocation failed', { id, error: String(error) }));
    }
    this.update(id, { account: undefined });
    await this.deps
      .supervisor()
      .runner(id)
      ?.needsAuth(`Signed out. Sign in to ${this.providerName(instance)} to use it again.`);
    return this.info(this.instance(id)) ?? this.unsupported(id);
  }

  stopAll(): void {
    for (const id of [...this.refreshTimers.keys()]) this.stopRefresh(id);
    for (const running of this.pending.values()) running.cancel();
  }

  private scheduleRefresh(instance: InstanceConfig): void {
    const account = instance.account;
    this.stopRefresh(instance.id);
    if (!account?.expiresAt || !account.hasRefreshToken) return;
    const now = this.deps.clock.now();
    const signedAt = account.signedInAt ? Date.parse(account.signedInAt) : now;
    const lifetime = Math.max(0, account.expiresAt - signedAt);
    const at = signedAt + lifetime * REFRESH_AT;
    const cancel = this.deps.timers.after(Math.max(0, at - now), () => void this.refresh(instance.id));
    this.refreshTimers.set(instance.id, cancel);
  }

  private stopRefresh(id: string): void {
    this.refreshTimers.get(id)?.();
    this.refreshTimers.delete(id);
  }

  /** Refreshes now (a server reported 401, or a test): same path as the scheduled refresh. */
  refreshNow(id: string): Promise<void> {
    this.stopRefresh(id);
    return this.refresh(id);
  }

  /** Refreshes, saves the rotated tokens, and restarts the server so it sees the new one. */
  private async refresh(id: string): Promise<void> {
    const instance = this.instance(id);
    const config = this.configFor(instance);
    if (!config || !instance.account) return;
    try {
      const metadata = await this.deps.signIn.refresh(id, config, instance.account, {
        providerName: this.providerName(instance),
      });
      this.update(id, {
        account: { ...metadata, signedInAt: new Date(this.deps.clock.now()).toISOString() },
      });
      this.deps.logger.info('token refreshed', { id });
      await this.deps.restartForNewToken(id);
    } catch (error) {
      if (error instanceof ReauthRequiredError) {
        this.deps.logger.warn('refresh refused; sign-in needed', { id });
        await this.deps.supervisor().runner(id)?.needsAuth(error.message);
        return;
      }
      this.deps.logger.error('refresh failed; will retry', { id, error: String(error) });
      this.refreshTimers.set(
        id,
        this.deps.timers.after(30_000, () => void this.refresh(id)),
      );
    }
  }

  private providerName(instance: InstanceConfig): string {
    const manifest = this.deps.catalog.get(instance.integrationId)?.manifest;
    return manifest?.display_name ?? manifest?.name ?? instance.name;
  }

  private instance(id: string): InstanceConfig {
    const found = this.deps.settings.read().instances.find((c) => c.id === id);
    if (!found) throw new UserFacingError('not-found', `There is no service called "${id}".`);
    return found;
  }

  private update(id: string, patch: Partial<InstanceConfig>): void {
    this.deps.settings.update((s) => ({
      ...s,
      instances: s.instances.map((c) => (c.id === id ? { ...c, ...patch } : c)),
    }));
  }

  private unsupported(id: string): never {
    throw new UserFacingError('no-sign-in', `"${id}" does not need a sign-in.`);
  }
}

/** A result nobody may wait for (the user closed the window): never an unhandled rejection. */
function quiet<T>(promise: Promise<T>): Promise<T> {
  promise.catch(() => undefined);
  return promise;
}
