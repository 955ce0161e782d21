import type { OAuthDiscoveryState, OAuthServerInfo } from '@modelcontextprotocol/sdk/client/auth.js';
import type { OAuthTokens } from '@modelcontextprotocol/sdk/shared/auth.js';
import { createState } from '../auth/authorization-request';
import type { LoopbackFlowDeps, LoopbackGrant } from '../auth/loopback-flow';
import { LoopbackFlow } from '../auth/loopback-flow';
import { providerError, ReauthRequiredError } from '../auth/oauth-errors';
import { EndpointDiscovery } from '../auth/discovery';
import { TokenRevoker } from '../auth/revoke';
import type { BrowserSignIn } from '../auth/sign-in';
import type { TokenSet } from '../auth/token-set';
import type { TokenMetadata } from '../auth/token-store';
import { TokenStore } from '../auth/token-store';
import { UserFacingError } from '../rpc/errors';
import type { SecretStore } from '../secrets/secret-store';
import { secretAccount } from '../secrets/secret-store';
import type { AccountMetadata, InstanceConfig, RemoteConfig } from '../settings/settings-schema';
import type { SettingsStore } from '../settings/settings-store';
import type { RemoteInstanceStore } from './remote-oauth-provider';
import { REGISTRATION_SECRET_FIELD, RemoteOAuthProvider, storedClient } from './remote-oauth-provider';
import { registeredPort, tokenSetOf } from './remote-sign-in-support';
import type * as RemoteAuthSdkModule from './remote-auth-sdk';

type RemoteAuthSdk = typeof RemoteAuthSdkModule;
/** The SDK's OAuth client, loaded with the first remote sign-in, refresh or sign-out. */
const loadRemoteAuthSdk = (): Promise<RemoteAuthSdk> => import('./remote-auth-sdk');

/** What a remote server said when it refused a request (`WWW-Authenticate`, RFC 6750 §3). */
export interface AuthChallenge {
  /** RFC 9728 protected-resource metadata URL. */
  resourceMetadataUrl?: string;
  scope?: string;
  error?: string;
}

export interface RemoteSignInDeps extends LoopbackFlowDeps {
  settings: SettingsStore;
  secrets: SecretStore;
}

/** Per sign-in choices. */
export interface RemoteSignInOptions {
  providerName: string;
  openBrowser?: boolean;
  timeoutMs?: number;
}

const union = (...lists: (string[] | undefined)[]): string =>
  [...new Set(lists.flatMap((list) => list ?? []))].join(' ');
const words = (scope: string | undefined): string[] => scope?.split(/\s+/).filter(Boolean) ?? [];
const sameIssuer = (a: string, b: string): boolean => a.replace(/\/+$/, '') === b.replace(/\/+$/, '');

/**
 * Signs remote MCP servers in with the MCP authorization spec, through the MCP SDK's client
 * auth (`auth()`: protected-resource metadata, authorization-server discovery, dynamic client
 * registration, PKCE, resource indicators) and the system-browser loopback flow. Tokens go to
 * the keychain like every other sign-in's; only metadata leaves this class.
 */
export class RemoteSignIn {
  private readonly store: TokenStore;
  /** The last challenge each instance's server sent: where its metadata is, what scope it wants. */
  private readonly challenges = new Map<string, AuthChallenge>();
  /** Discovery per instance, for refresh and revocation (a sign-in refreshes it). */
  private readonly servers = new Map<string, Promise<OAuthServerInfo>>();

  constructor(private readonly deps: RemoteSignInDeps) {
    this.store = new TokenStore(deps.secrets, deps.logger);
  }

  /** Keeps what a 401 or 403 said, for the next sign-in. */
  noteChallenge(id: string, challenge: AuthChallenge): void {
    const before = this.challenges.get(id);
    this.challenges.set(id, {
      ...challenge,
      resourceMetadataUrl: challenge.resourceMetadataUrl ?? before?.resourceMetadataUrl,
    });
  }

  /** Whether the server has asked for a sign-in since MCP Tray started. */
  challenged(id: string): boolean {
    return this.challenges.has(id);
  }

  /** Browser sign-in. Fails before the browser opens if tokens cannot be kept. */
  async startBrowser(instance: InstanceConfig, options: RemoteSignInOptions): Promise<BrowserSignIn> {
    await this.store.probe();
    const { auth } = await loadRemoteAuthSdk();
    const { id } = instance;
    const remote = instance.remote!;
    const { providerName } = options;
    const challenge = this.challenges.get(id);
    // Step-up: what was granted plus what the server asked for; else the server's own hint
    // (SEP-835: the 401's scope first; the SDK falls back to the metadata's scopes_supported).
    const scope = remote.stepUpScope
      ? union(instance.account?.scope, words(remote.stepUpScope))
      : challenge?.scope;
    const authOptions = (authorizationCode?: string) => ({
      serverUrl: remote.url,
      resourceMetadataUrl: challenge?.resourceMetadataUrl
        ? new URL(challenge.resourceMetadataUrl)
        : undefined,
      scope,
      fetchFn: this.deps.fetch,
      ...(authorizationCode ? { authorizationCode } : {}),
    });
    let provider: RemoteOAuthProvider | null = null;
    let authorizationUrl: URL | null = null;
    let issued: OAuthTokens | null = null;
    let discovery: OAuthDiscoveryState | null = null;
    const grant: LoopbackGrant = {
      prepare: async (redirectUri) => {
        const state = createState();
        provider = new RemoteOAuthProvider(this.instanceStore(id), {
          redirectUrl: redirectUri,
          state,
          providerName,
          scope,
          onAuthorizationUrl: (url) => (authorizationUrl = url),
          onTokens: (tokens) => (issued = tokens),
          onDiscovery: (found) => (discovery = found),
        });
        const outcome = await this.run(id, providerName, () => auth(provider!, authOptions()));
        if (outcome !== 'REDIRECT' || !authorizationUrl) {
          throw new UserFacingError('sign-in-failed', `${providerName} did not ask for a sign-in.`);
        }
        if (discovery) this.servers.set(id, Promise.resolve(discovery));
        const found = discovery as OAuthDiscoveryState | null;
        return {
          authorizationUrl: (authorizationUrl as URL).href,
          state,
          issuer: found?.authorizationServerMetadata?.issuer,
        };
      },
      exchange: async (code) => {
        await this.run(id, providerName, () => auth(provider!, authOptions(code)));
        if (!issued) throw new UserFacingError('sign-in-failed', `${providerName} sent no tokens.`);
        return tokenSetOf(issued, this.deps.clock.now(), { scope: words(scope) }, providerName);
      },
    };
    const handle = await new LoopbackFlow(this.deps).startWith(grant, {
      providerName,
      openBrowser: options.openBrowser,
      timeoutMs: options.timeoutMs,
      port: registeredPort(remote),
    });
    const result = handle.result.then(async (tokens) => {
      const metadata = await this.store.save(id, tokens);
      const issuer = (issued as OAuthTokens | null)?.issuer;
      this.updateRemote(id, (r) => ({ ...r, tokenIssuer: issuer, stepUpScope: undefined }));
      this.challenges.delete(id);
      return metadata;
    });
    void result.catch(() => undefined);
    return { ...handle, result };
  }

  /**
   * Refreshes with the SDK's `refreshAuthorization` (resource indicator included) at the
   * authorization server the tokens came from, and saves the rotated tokens. A refused refresh
   * token, or a registration the server no longer knows, is `ReauthRequiredError`.
   */
  async refresh(
    instance: InstanceConfig,
    metadata: TokenMetadata,
    providerName: string,
  ): Promise<TokenMetadata> {
    const current = await this.store.load(instance.id, metadata);
    if (!current?.refreshToken) throw new ReauthRequiredError(providerName);
    const sdk = await loadRemoteAuthSdk();
    const { InvalidClientError, InvalidGrantError, OAuthError, UnauthorizedClientError } = sdk;
    const info = await this.serverInfo(instance);
    const client = await storedClient(instance, this.deps.secrets);
    const issuer = instance.remote?.tokenIssuer;
    // Never present a refresh token to an authorization server other than the one that issued it.
    if (!client || (issuer && !sameIssuer(issuer, info.authorizationServerUrl))) {
      throw new ReauthRequiredError(providerName);
    }
    let tokens: OAuthTokens;
    try {
      tokens = await sdk.refreshAuthorization(info.authorizationServerUrl, {
        metadata: info.authorizationServerMetadata,
        clientInformation: client,
        refreshToken: current.refreshToken,
        resource: this.resource(sdk, instance, info),
        fetchFn: this.deps.fetch,
      });
    } catch (error) {
      if (error instanceof InvalidClientError || error instanceof UnauthorizedClientError) {
        await this.dropRegistration(instance);
        throw new ReauthRequiredError(providerName, 'MCP Tray will register again when you sign in');
      }
      if (error instanceof InvalidGrantError) throw new ReauthRequiredError(providerName);
      this.servers.delete(instance.id);
      throw error instanceof OAuthError ? providerError(error.errorCode, error.message, providerName) : error;
    }
    const tokenSet = tokenSetOf(tokens, this.deps.clock.now(), current, providerName);
    return this.store.save(instance.id, tokenSet);
  }

  /** The stored sign-in; null when there is none. */
  tokens(id: string, metadata: TokenMetadata): Promise<TokenSet | null> {
    return this.store.load(id, metadata);
  }

  /** Keeps a token the user pasted (a personal access token); the server checks it on use. */
  async saveManualToken(id: string, token: string): Promise<TokenMetadata> {
    await this.store.probe();
    this.challenges.delete(id);
    return this.store.save(id, { accessToken: token, tokenType: 'Bearer' });
  }

  /** Revokes (RFC 7009) where the authorization server offers it; always forgets the tokens. */
  async signOut(instance: InstanceConfig, metadata: AccountMetadata, providerName: string): Promise<void> {
    try {
      const current = await this.store.load(instance.id, metadata);
      const client = await storedClient(instance, this.deps.secrets);
      if (!current || !client || metadata.manual) return;
      const info = await this.serverInfo(instance);
      // The SDK's OpenID metadata type drops `revocation_endpoint`: read the document for it then.
      const listed = (info.authorizationServerMetadata as { revocation_endpoint?: string } | undefined)
        ?.revocation_endpoint;
      const revocationEndpoint =
        listed ??
        (
          await new EndpointDiscovery(this.deps)
            .resolve({ issuer: info.authorizationServerUrl }, providerName)
            .catch(() => null)
        )?.revocationEndpoint;
      await new TokenRevoker(this.deps).revoke(current, {
        revocationEndpoint,
        clientId: client.client_id,
        clientSecret: client.client_secret,
        providerName,
      });
    } finally {
      await this.store.clear(instance.id);
    }
  }

  /** Forgets the tokens locally. */
  forget(id: string): Promise<void> {
    return this.store.clear(id);
  }

  private serverInfo(instance: InstanceConfig): Promise<OAuthServerInfo> {
    let found = this.servers.get(instance.id);
    if (!found) {
      const metadataUrl = this.challenges.get(instance.id)?.resourceMetadataUrl;
      found = loadRemoteAuthSdk().then(({ discoverOAuthServerInfo }) =>
        discoverOAuthServerInfo(instance.remote!.url, {
          resourceMetadataUrl: metadataUrl ? new URL(metadataUrl) : undefined,
          fetchFn: this.deps.fetch,
        }),
      );
      this.servers.set(instance.id, found);
      void found.catch(() => this.servers.delete(instance.id));
    }
    return found;
  }

  /** RFC 8707 resource: the metadata's `resource`, verbatim, when it belongs to this server. */
  private resource(sdk: RemoteAuthSdk, instance: InstanceConfig, info: OAuthServerInfo): string | undefined {
    const configured = info.resourceMetadata?.resource;
    if (!configured) return undefined;
    const requested = sdk.resourceUrlFromServerUrl(instance.remote!.url);
    return sdk.checkResourceAllowed({ requestedResource: requested, configuredResource: configured })
      ? configured
      : undefined;
  }

  /** Runs an SDK call; its failures come back in words (see `inWords`). */
  private async run<T>(id: string, providerName: string, work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      const { inWords } = await loadRemoteAuthSdk();
      const translated = inWords(error, id, providerName);
      if (translated.code === 'needs-client-id') {
        this.updateRemote(id, (r) => ({ ...r, noDynamicRegistration: true }));
      }
      if (translated.code === 'sign-in-failed') {
        this.deps.logger.warn('remote sign-in failed', { id, error: translated.message });
      }
      throw translated;
    }
  }

  private async dropRegistration(instance: InstanceConfig): Promise<void> {
    if (!instance.remote?.registration) return;
    await this.deps.secrets.delete(secretAccount(instance.id, REGISTRATION_SECRET_FIELD));
    this.updateRemote(instance.id, ({ registration: _dropped, ...remote }) => remote);
    this.servers.delete(instance.id);
  }

  private instanceStore(id: string): RemoteInstanceStore {
    return {
      instance: () => {
        const found = this.deps.settings.read().instances.find((c) => c.id === id);
        if (!found?.remote)
          throw new UserFacingError('not-found', `There is no remote service called "${id}".`);
        return found;
      },
      updateRemote: (patch) => this.updateRemote(id, patch),
      secrets: this.deps.secrets,
    };
  }

  private updateRemote(id: string, patch: (remote: RemoteConfig) => RemoteConfig): void {
    this.deps.settings.update((s) => ({
      ...s,
      instances: s.instances.map((c) => (c.id === id && c.remote ? { ...c, remote: patch(c.remote) } : c)),
    }));
  }
}
