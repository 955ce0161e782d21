import { describeFetchFailure } from './fetch-failure';
import type { Clock } from '../platform/clock';
import type { Logger } from '../platform/logger';
import type { Opener } from '../platform/opener';
import { UserFacingError } from '../rpc/errors';
import type { SecretStore } from '../secrets/secret-store';
import type { DeviceAuthConfig, OAuthAuthConfig } from './auth-config';
import type { DeviceFlowHandle } from './device-flow';
import { DeviceFlow } from './device-flow';
import type { ResolvedEndpoints } from './discovery';
import { EndpointDiscovery } from './discovery';
import type { LoopbackFlowHandle } from './loopback-flow';
import { LoopbackFlow } from './loopback-flow';
import type { Fetch } from './oauth-http';
import type { RevokeOutcome } from './revoke';
import { TokenRevoker } from './revoke';
import type { Timers } from './timers';
import { TokenRefresher } from './token-refresh';
import type { TokenSet } from './token-set';
import { accountLabelFrom } from './token-set';
import type { JsonObject } from './oauth-http';
import type { TokenMetadata } from './token-store';
import { TokenStore } from './token-store';

/** Everything a sign-in touches, injected. */
export interface SignInDeps {
  opener: Opener;
  clock: Clock;
  logger: Logger;
  fetch: Fetch;
  timers: Timers;
  secrets: SecretStore;
}

/** Per sign-in choices that are not in the manifest. */
export interface SignInOptions {
  /** Shown in messages, e.g. the integration's display name. */
  providerName?: string;
  /** A client ID from elsewhere (built into the app) when the manifest has none. */
  clientId?: string;
  timeoutMs?: number;
  /** False when the caller shows the URL itself (`mcp-tray auth --no-browser`). */
  openBrowser?: boolean;
  /** Where to check a pasted token, when the instance uses another API address (a test, GHE). */
  userinfoEndpoint?: string;
}

type EndpointsConfig = OAuthAuthConfig | DeviceAuthConfig;

/** A running sign-in whose result is already saved: it resolves to the metadata for settings. */
export type BrowserSignIn = Omit<LoopbackFlowHandle, 'result'> & { result: Promise<TokenMetadata> };
/** A running device sign-in whose result is already saved. */
export type DeviceSignIn = Omit<DeviceFlowHandle, 'result'> & { result: Promise<TokenMetadata> };

/**
 * Signs instances in and out: checks the keychain before anything opens, discovers endpoints,
 * runs the flow, and keeps the tokens in the keychain. Only metadata leaves this class; the
 * process runner asks `tokens()` for the secret when it starts a server.
 */
export class SignInService {
  private readonly store: TokenStore;
  private readonly discovery: EndpointDiscovery;
  /** Discovery results per issuer, so a refresh does not fetch metadata every time. */
  private readonly endpoints = new Map<string, Promise<ResolvedEndpoints>>();

  constructor(private readonly deps: SignInDeps) {
    this.store = new TokenStore(deps.secrets, deps.logger);
    this.discovery = new EndpointDiscovery(deps);
  }

  /** Browser sign-in (`type: 'oauth'`). Fails before the browser opens if tokens cannot be kept. */
  async startBrowser(
    instanceId: string,
    config: OAuthAuthConfig,
    options: SignInOptions = {},
  ): Promise<BrowserSignIn> {
    await this.store.probe();
    const clientId = this.clientId(config, options);
    const endpoints = await this.resolve(config, options);
    if (!endpoints.authorizationEndpoint || !endpoints.tokenEndpoint) {
      throw new UserFacingError(
        'sign-in-unsupported',
        `${this.name(config, options)} does not offer browser sign-in.`,
      );
    }
    const handle = await new LoopbackFlow(this.deps).start({
      authorizationEndpoint: endpoints.authorizationEndpoint,
      tokenEndpoint: endpoints.tokenEndpoint,
      userinfoEndpoint: endpoints.userinfoEndpoint,
      issuer: endpoints.issuer,
      clientId,
      clientSecret: config.clientSecret,
      scopes: config.scopes,
      extraAuthorizationParams: config.extraAuthorizationParams,
      resource: config.resource,
      providerName: options.providerName,
      timeoutMs: options.timeoutMs,
      openBrowser: options.openBrowser,
    });
    return { ...handle, result: this.saved(instanceId, handle.result) };
  }

  /** Device sign-in (`type: 'device'`); the UI shows `userCode` and calls `openVerificationPage()`. */
  async startDevice(
    instanceId: string,
    config: DeviceAuthConfig,
    options: SignInOptions = {},
  ): Promise<DeviceSignIn> {
    await this.store.probe();
    const clientId = this.clientId(config, options);
    const endpoints = await this.resolve(config, options);
    if (!endpoints.deviceAuthorizationEndpoint || !endpoints.tokenEndpoint) {
      throw new UserFacingError(
        'sign-in-unsupported',
        `${this.name(config, options)} does not offer device sign-in.`,
      );
    }
    const handle = await new DeviceFlow(this.deps).start({
      deviceAuthorizationEndpoint: endpoints.deviceAuthorizationEndpoint,
      tokenEndpoint: endpoints.tokenEndpoint,
      userinfoEndpoint: endpoints.userinfoEndpoint,
      clientId,
      clientSecret: config.clientSecret,
      scopes: config.scopes,
      providerName: options.providerName,
    });
    // Same object, not a copy: the flow updates `interval` on it after a `slow_down`.
    const signIn = handle as unknown as DeviceSignIn;
    signIn.result = this.saved(instanceId, handle.result);
    return signIn;
  }

  /** The stored tokens, for the process runner; null when the instance is not signed in. */
  tokens(instanceId: string, metadata: TokenMetadata): Promise<TokenSet | null> {
    return this.store.load(instanceId, metadata);
  }

  /** Refreshes and saves; `ReauthRequiredError` means the instance needs a new sign-in. */
  async refresh(
    instanceId: string,
    config: EndpointsConfig,
    metadata: TokenMetadata,
    options: SignInOptions = {},
  ): Promise<TokenMetadata> {
    const current = await this.store.load(instanceId, metadata);
    const endpoints = await this.resolve(config, options);
    if (!current || !endpoints.tokenEndpoint) {
      throw new UserFacingError('not-signed-in', `Not signed in to ${this.name(config, options)}.`);
    }
    const tokens = await new TokenRefresher(this.deps).refresh(current, {
      tokenEndpoint: endpoints.tokenEndpoint,
      clientId: this.clientId(config, options),
      clientSecret: config.clientSecret,
      resource: config.type === 'oauth' ? config.resource : undefined,
      providerName: this.name(config, options),
    });
    return this.store.save(instanceId, tokens);
  }

  /**
   * Keeps a token the user pasted (a personal access token) after checking it at the userinfo
   * endpoint when there is one: a token the provider refuses is not stored.
   */
  async saveManualToken(
    instanceId: string,
    config: EndpointsConfig,
    token: string,
    options: SignInOptions = {},
  ): Promise<TokenMetadata> {
    await this.store.probe();
    const name = this.name(config, options);
    const endpoints = options.userinfoEndpoint ? null : await this.resolve(config, options).catch(() => null);
    const userinfo = options.userinfoEndpoint ?? endpoints?.userinfoEndpoint ?? config.userinfoEndpoint;
    let accountLabel: string | undefined;
    if (userinfo) {
      const response = await this.deps
        .fetch(userinfo, {
          headers: { accept: 'application/json', authorization: `Bearer ${token}` },
          redirect: 'error',
          signal: AbortSignal.timeout(15_000),
        })
        .catch((error: unknown) => {
          throw new UserFacingError(
            'unreachable',
            `Could not check the token with ${name}: ${describeFetchFailure(error, name, 15_000)}. ` +
              'Check your internet connection and try again.',
          );
        });
      if (response.status === 401 || response.status === 403) {
        await response.body?.cancel();
        throw new UserFacingError(
          'token-rejected',
          `${name} did not accept this token. Check it and try again.`,
        );
      }
      const body = response.ok ? ((await response.json().catch(() => null)) as JsonObject | null) : null;
      accountLabel = body ? accountLabelFrom(body) : undefined;
    }
    return this.store.save(instanceId, {
      accessToken: token,
      tokenType: 'bearer',
      ...(accountLabel ? { accountLabel } : {}),
    });
  }

  /** Forgets an instance's tokens locally (no revocation: they belong to a client no longer used). */
  forget(instanceId: string): Promise<void> {
    return this.store.clear(instanceId);
  }

  /** Revokes at the provider when it can, and always forgets the tokens locally. */
  async signOut(
    instanceId: string,
    config: EndpointsConfig,
    metadata: TokenMetadata,
    options: SignInOptions = {},
  ): Promise<RevokeOutcome> {
    const current = await this.store.load(instanceId, metadata);
    try {
      if (!current) return 'unsupported';
      const endpoints = await this.resolve(config, options);
      return await new TokenRevoker(this.deps).revoke(current, {
        revocationEndpoint: endpoints.revocationEndpoint,
        clientId: this.clientId(config, options),
        clientSecret: config.clientSecret,
        providerName: this.name(config, options),
      });
    } finally {
      await this.store.clear(instanceId);
    }
  }

  private saved(instanceId: string, result: Promise<TokenSet>): Promise<TokenMetadata> {
    const saved = result.then((tokens) => this.store.save(instanceId, tokens));
    void saved.catch(() => undefined);
    return saved;
  }

  private resolve(config: EndpointsConfig, options: SignInOptions): Promise<ResolvedEndpoints> {
    const providerName = this.name(config, options);
    if (!config.issuer) return this.discovery.resolve(config, providerName);
    const { issuer, authorizationEndpoint, tokenEndpoint, revocationEndpoint } = config;
    const { deviceAuthorizationEndpoint, userinfoEndpoint } = config;
    const key = JSON.stringify([
      issuer,
      authorizationEndpoint,
      tokenEndpoint,
      revocationEndpoint,
      deviceAuthorizationEndpoint,
      userinfoEndpoint,
    ]);
    let found = this.endpoints.get(key);
    if (!found) {
      found = this.discovery.resolve(config, providerName);
      this.endpoints.set(key, found);
      void found.catch(() => this.endpoints.delete(key));
    }
    return found;
  }

  private clientId(config: EndpointsConfig, options: SignInOptions): string {
    const clientId = options.clientId ?? config.clientId;
    if (!clientId) {
      throw new UserFacingError(
        'sign-in-unsupported',
        `This integration has no client ID for ${this.name(config, options)}, so MCP Tray cannot sign in.`,
      );
    }
    return clientId;
  }

  private name(config: EndpointsConfig, options: SignInOptions): string {
    const url = config.issuer ?? config.authorizationEndpoint ?? config.deviceAuthorizationEndpoint;
    return options.providerName ?? (url ? new URL(url).hostname : 'the provider');
  }
}
