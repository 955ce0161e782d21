import type { AccountInfo, SignInStart } from '../../shared/contract';
import type { AuthConfig, DeviceAuthConfig, OAuthAuthConfig } from '../auth/auth-config';
import { tokenEnvironment } from '../auth/auth-config';
import { ReauthRequiredError } from '../auth/oauth-errors';
import type { SignInService } from '../auth/sign-in';
import type { Timers } from '../auth/timers';
import type { TokenMetadata } from '../auth/token-store';
import { CLIENT_SECRET_FIELD } from '../auth/token-store';
import type { Catalog } from '../integrations/catalog';
import type { Clock } from '../platform/clock';
import type { Logger } from '../platform/logger';
import { UserFacingError } from '../rpc/errors';
import type { AccountMetadata, InstanceConfig } from '../settings/settings-schema';
import type { SettingsStore } from '../settings/settings-store';
import type { SecretStore } from '../secrets/secret-store';
import type { EventBus } from '../event-bus';
import { secretAccount } from '../secrets/secret-store';
import type { TokenRejectedResult } from '../auth/token-channel';
import type { FetchLike } from '@modelcontextprotocol/sdk/shared/transport.js';
import type { RemoteHooks } from '../supervisor/supervisor';
import type { RemoteSignIn } from '../remote/remote-sign-in';
import { LOOPBACK_REDIRECT_URI, localAccountInfo } from './account-info';
import { AccountRefresh } from './account-refresh';
import { RemoteAccounts } from './remote-accounts';
import type { CoreSignals } from '../core-signals';

type SignInConfig = OAuthAuthConfig | DeviceAuthConfig;

/** Raised while launching an instance that has no usable sign-in: it goes to `needs-auth`. */
class NeedsAuthError extends UserFacingError {
  constructor(message: string) {
    super('needs-auth', message);
    this.name = 'NeedsAuthError';
  }
}

export interface AccountsDeps {
  settings: SettingsStore;
  catalog: Catalog;
  signIn: SignInService;
  /**
   * How accounts reach the running servers (wired after them): restarts for a new token and
   * `needs-auth`, either now or once the calls in flight are answered (the broker drains).
   */
  signals: CoreSignals;
  clock: Clock;
  timers: Timers;
  logger: Logger;
  /** Holds the secret of a user's own OAuth client. */
  secrets: SecretStore;
  bus: EventBus;
  /** Sign-in of remote MCP servers (the MCP authorization spec). */
  remote: RemoteSignIn;
}

interface Pending {
  start: SignInStart;
  done: Promise<AccountInfo>;
  cancel(): void;
}

export { LOOPBACK_REDIRECT_URI };

/**
 * Sign-in state of instances whose integration needs an account: one flow per instance,
 * tokens injected into the server's environment, refresh ahead of expiry (then the server is
 * restarted to see the new token; the broker holds new calls meanwhile), and `needs-auth`
 * when a refresh is refused.
 */
export class AccountsService {
  private readonly pending = new Map<string, Pending>();
  private readonly refresher: AccountRefresh;

  private readonly remote: RemoteAccounts;

  constructor(private readonly deps: AccountsDeps) {
    this.refresher = new AccountRefresh({
      instance: (id) => this.instance(id),
      update: (id, patch) => this.update(id, patch),
      refreshable: (instance) => Boolean(instance.remote ?? this.configFor(instance)),
      fetchTokens: (instance) => this.fetchTokens(instance),
      // A remote server's connection reads the token per request: only local servers restart.
      afterRefresh: (instance) =>
        instance.remote
          ? Promise.resolve()
          : deps.signals.emit('restartRequested', { id: instance.id, whenIdle: true }),
      needsAuth: (id, reason) => deps.signals.emit('needsAuthRequested', { id, reason, whenIdle: false }),
      clock: deps.clock,
      timers: deps.timers,
      logger: deps.logger,
    });
    this.remote = new RemoteAccounts({
      signIn: deps.remote,
      instance: (id) => this.instance(id),
      update: (id, patch) => this.update(id, patch),
      refresh: (id) => this.refreshTokens(id),
      scheduleRefresh: (instance) => this.scheduleRefresh(instance),
      needsAuthSoon: (id, reason) => this.needsAuthSoon(id, reason),
      redirectUri: LOOPBACK_REDIRECT_URI,
      logger: deps.logger,
    });
  }

  /** What remote instances' connections use: their token (refreshed here), names, transports. */
  remoteHooks(fetch: FetchLike): RemoteHooks {
    return this.remote.hooks(fetch);
  }

  /** The auth config of an instance's integration, when it signs in with OAuth or a device code. */
  configFor(instance: InstanceConfig): SignInConfig | null {
    const auth: AuthConfig | undefined = this.deps.catalog.get(instance.integrationId)?.manifest._meta?.[
      'dev.mcptray'
    ]?.auth;
    return auth && (auth.type === 'oauth' || auth.type === 'device') ? auth : null;
  }

  info(instance: InstanceConfig): AccountInfo | undefined {
    if (instance.remote) return this.remote.info(instance, this.pending.has(instance.id));
    const config = this.configFor(instance);
    return config ? localAccountInfo(config, instance, this.pending.has(instance.id)) : undefined;
  }

  /** The sign-in config with the user's own OAuth client (and its secret) applied. */
  private async flowConfig(instance: InstanceConfig): Promise<SignInConfig> {
    const config = this.configFor(instance) ?? this.unsupported(instance.id);
    const own = instance.oauthClient;
    if (!own) return config;
    const secret = own.hasSecret
      ? await this.deps.secrets.get(secretAccount(instance.id, CLIENT_SECRET_FIELD))
      : null;
    return { ...config, clientId: own.clientId, clientSecret: secret ?? undefined };
  }

  /**
   * Uses the user's own OAuth client. Tokens issued to another client cannot be refreshed with
   * this one, so an existing sign-in is forgotten (locally) and the user signs in again.
   */
  async setOAuthClient(id: string, clientId: string, clientSecret: string | undefined): Promise<AccountInfo> {
    const instance = this.instance(id);
    if (!instance.remote && !this.configFor(instance)) this.unsupported(id);
    const account = secretAccount(id, CLIENT_SECRET_FIELD);
    if (clientSecret) await this.deps.secrets.set(account, clientSecret);
    else await this.deps.secrets.delete(account);
    const changed = (instance.oauthClient?.clientId ?? null) !== clientId;
    this.update(id, { oauthClient: { clientId, hasSecret: Boolean(clientSecret) } });
    if (changed && instance.account) {
      this.stopRefresh(id);
      await this.deps.signIn.forget(id);
      this.update(id, { account: undefined });
      await this.needsAuthNow(
        id,
        `The OAuth client changed. Sign in to ${this.providerName(instance)} again.`,
      );
    }
    return this.info(this.instance(id))!;
  }

  /** Signs in with a token the user pasted (a personal access token), checked with the provider. */
  async signInWithToken(id: string, token: string): Promise<AccountInfo> {
    const instance = this.instance(id);
    const config = instance.remote ? null : (this.configFor(instance) ?? this.unsupported(id));
    if (config && !config.manualToken) {
      throw new UserFacingError('no-manual-token', `${instance.name} signs in through the browser only.`);
    }
    this.stopRefresh(id);
    const metadata = config
      ? await this.deps.signIn.saveManualToken(id, config, token, {
          providerName: this.providerName(instance),
          userinfoEndpoint: userinfoAt(instance, config.userinfoEndpoint),
        })
      : await this.remote.saveManualToken(id, token);
    this.update(id, {
      account: { ...metadata, manual: true, signedInAt: new Date(this.deps.clock.now()).toISOString() },
    });
    this.deps.logger.info('signed in with a pasted token', { id, label: metadata.accountLabel });
    await this.deps.signals.emit('restartRequested', { id, whenIdle: false });
    return this.info(this.instance(id))!;
  }

  /**
   * The 401 channel: a server's token was rejected. Refreshes (shared with a scheduled refresh)
   * and answers the new env value without restarting the server, so calls in flight survive.
   * When no refresh is possible the instance goes to needs-auth and the server's call fails
   * with "sign in again".
   */
  async tokenRejected(id: string): Promise<TokenRejectedResult> {
    const instance = this.instance(id);
    const config = this.configFor(instance);
    const name = this.providerName(instance);
    if (!config) {
      // An API key cannot be refreshed: the user enters a new one (updateInstanceSettings).
      const reason = `${name} rejected the key. Enter a new one in MCP Tray.`;
      this.deps.logger.warn('a server reported a rejected key', { id });
      this.needsAuthSoon(id, reason);
      throw new UserFacingError('key-rejected', reason);
    }
    const account = instance.account;
    if (!account?.hasRefreshToken || account.manual) {
      const reason = account?.manual
        ? `${name} no longer accepts the token you entered. Enter a new one or sign in.`
        : `${name} rejected the sign-in. Sign in again.`;
      this.needsAuthSoon(id, reason);
      throw new UserFacingError('needs-auth', reason);
    }
    try {
      const metadata = await this.refreshTokens(id);
      const tokens = await this.deps.signIn.tokens(id, metadata);
      if (!tokens) throw new NeedsAuthError(`Your sign-in to ${name} is missing from the keychain.`);
      const env = tokenEnvironment(config.token, tokens.accessToken);
      return { value: env[config.token.env]! };
    } catch (error) {
      if (error instanceof ReauthRequiredError || error instanceof NeedsAuthError) {
        this.needsAuthSoon(id, error.message);
      }
      throw error;
    }
  }

  /** Once the calls in flight have their answers (needs-auth stops the server). */
  private needsAuthSoon(id: string, reason: string): void {
    this.deps.signals.notify('needsAuthRequested', { id, reason, whenIdle: true }, (error) =>
      this.deps.logger.error('needs-auth failed', { id, error: String(error) }),
    );
  }

  private needsAuthNow(id: string, reason: string): Promise<void> {
    return this.deps.signals.emit('needsAuthRequested', { id, reason, whenIdle: false });
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
    if (!instance.remote && !this.configFor(instance))
      throw new UserFacingError('no-sign-in', `${instance.name} does not need a sign-in.`);
    if (instance.remote) {
      const flow = await this.remote.start(instance, openBrowser);
      const start: SignInStart = { kind: 'browser', url: flow.authorizationUrl };
      this.pending.set(id, { start, done: quiet(this.saveAndStart(id, flow.result)), cancel: flow.cancel });
      return start;
    }
    const config = await this.flowConfig(instance);
    if (!config.clientId) {
      const setup = config.clientSetup?.title ?? 'an OAuth client';
      throw new UserFacingError(
        'needs-client-id',
        `${this.providerName(instance)} needs your own client ID before you can sign in (${setup}). ` +
          `Enter it in the account card, or run: mcp-tray auth ${id} --client-id <id>`,
      );
    }
    const options = { providerName: this.providerName(instance) };
    const saveAndStart = (metadata: Promise<TokenMetadata>) => this.saveAndStart(id, metadata);
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

  /** Tells the UIs (the shell brings its window forward: the user is back from the browser). */
  private finished(id: string, error: unknown): void {
    const message = error === null ? null : error instanceof Error ? error.message : String(error);
    this.deps.bus.emit('signInFinished', { id, ok: error === null, message });
  }

  /** Keeps a finished sign-in's metadata and starts the server with it. */
  private async saveAndStart(id: string, metadata: Promise<TokenMetadata>): Promise<AccountInfo> {
    try {
      const account: AccountMetadata = {
        ...(await metadata),
        signedInAt: new Date(this.deps.clock.now()).toISOString(),
      };
      this.update(id, { account });
      this.deps.logger.info('signed in', { id, label: account.accountLabel });
    } catch (error) {
      this.finished(id, error);
      throw error;
    } finally {
      this.pending.delete(id);
    }
    this.finished(id, null);
    await this.deps.signals.emit('restartRequested', { id, whenIdle: false });
    return this.info(this.instance(id))!;
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
    if (instance.remote && instance.account) {
      await this.remote
        .signOut(instance, instance.account)
        .catch((error: unknown) => this.deps.logger.warn('revocation failed', { id, error: String(error) }));
    }
    const config = this.configFor(instance) ? await this.flowConfig(instance) : null;
    if (config && instance.account) {
      await this.deps.signIn
        .signOut(id, config, instance.account, { providerName: this.providerName(instance) })
        .catch((error: unknown) => this.deps.logger.warn('revocation failed', { id, error: String(error) }));
    }
    this.update(id, { account: undefined });
    await this.needsAuthNow(id, `Signed out. Sign in to ${this.providerName(instance)} to use it again.`);
    return this.info(this.instance(id)) ?? this.unsupported(id);
  }

  stopAll(): void {
    this.refresher.stopAll();
    for (const running of this.pending.values()) running.cancel();
  }

  /** Refreshes now (a server reported 401, or a test): same path as the scheduled refresh. */
  refreshNow(id: string): Promise<void> {
    return this.refresher.now(id);
  }

  private scheduleRefresh(instance: InstanceConfig): void {
    this.refresher.schedule(instance);
  }

  private stopRefresh(id: string): void {
    this.refresher.stop(id);
  }

  /** Refreshes and saves the rotated tokens; concurrent callers share one refresh. */
  private refreshTokens(id: string): Promise<AccountMetadata> {
    return this.refresher.tokens(id);
  }

  /** New tokens from the instance's provider, for the refresher. */
  private async fetchTokens(instance: InstanceConfig): Promise<TokenMetadata> {
    if (!instance.account) throw new NeedsAuthError(`Sign in to ${this.providerName(instance)}.`);
    if (instance.remote) return this.remote.refreshTokens(instance);
    return this.deps.signIn.refresh(instance.id, await this.flowConfig(instance), instance.account, {
      providerName: this.providerName(instance),
    });
  }

  private providerName(instance: InstanceConfig): string {
    if (instance.remote) return this.remote.providerName(instance);
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

/**
 * The "who am I" address under the API address the instance uses (its `api_url` setting: a
 * GitHub Enterprise Server, or a local stand-in in tests), else none (the manifest's is used).
 */
function userinfoAt(instance: InstanceConfig, userinfo: string | undefined): string | undefined {
  const base = instance.userConfig['api_url'];
  if (!userinfo || typeof base !== 'string' || !base) return undefined;
  return `${base.replace(/\/+$/, '')}${new URL(userinfo).pathname}`;
}
