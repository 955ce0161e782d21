import type { OAuthClientProvider, OAuthDiscoveryState } from '@modelcontextprotocol/sdk/client/auth.js';
import type {
  OAuthClientInformationMixed,
  OAuthClientMetadata,
  OAuthTokens,
} from '@modelcontextprotocol/sdk/shared/auth.js';
import { endpointProblem } from '../auth/auth-config';
import { CLIENT_SECRET_FIELD } from '../auth/token-store';
import { UserFacingError } from '../rpc/errors';
import type { SecretStore } from '../secrets/secret-store';
import { secretAccount } from '../secrets/secret-store';
import type { InstanceConfig, RemoteConfig, RemoteRegistration } from '../settings/settings-schema';
import { APP_VERSION } from '../version';

/** Keychain field of the client secret a dynamic registration returned (if any). */
export const REGISTRATION_SECRET_FIELD = 'remote.client_secret';

/** Reads and updates one remote instance's saved state. */
export interface RemoteInstanceStore {
  instance(): InstanceConfig;
  updateRemote(patch: (remote: RemoteConfig) => RemoteConfig): void;
  secrets: SecretStore;
}

/** One sign-in's callbacks into the flow that runs it. */
export interface SignInHooks {
  redirectUrl: string;
  state: string;
  providerName: string;
  /** The scope this sign-in asks for (also what a new registration names). */
  scope?: string;
  onAuthorizationUrl(url: URL): void;
  onTokens(tokens: OAuthTokens): void;
  onDiscovery(state: OAuthDiscoveryState): void;
}

/** The pre-registered client the user entered, else the registration made for this instance. */
export async function storedClient(
  instance: InstanceConfig,
  secrets: SecretStore,
): Promise<(OAuthClientInformationMixed & { redirect_uris?: string[] }) | undefined> {
  const own = instance.oauthClient;
  if (own) {
    const secret = own.hasSecret ? await secrets.get(secretAccount(instance.id, CLIENT_SECRET_FIELD)) : null;
    // Unstamped: the SDK binds it to the first authorization server that accepts it.
    return { client_id: own.clientId, ...(secret ? { client_secret: secret } : {}) };
  }
  const saved = instance.remote?.registration;
  if (!saved) return undefined;
  const secret = saved.hasSecret
    ? await secrets.get(secretAccount(instance.id, REGISTRATION_SECRET_FIELD))
    : null;
  if (saved.hasSecret && !secret) return undefined;
  return {
    client_id: saved.clientId,
    issuer: saved.issuer,
    redirect_uris: saved.redirectUris,
    ...(secret ? { client_secret: secret } : {}),
    ...(saved.secretExpiresAt ? { client_secret_expires_at: saved.secretExpiresAt } : {}),
    ...(saved.tokenEndpointAuthMethod ? { token_endpoint_auth_method: saved.tokenEndpointAuthMethod } : {}),
  };
}

/**
 * The MCP SDK's `OAuthClientProvider` for one interactive sign-in to a remote server. Client
 * registrations live in settings (their secret in the keychain); tokens are handed to the
 * sign-in, which keeps them in the keychain. It never reports stored tokens: a sign-in is a new
 * authorization (with the scope asked for now), not a silent refresh.
 *
 * The MCP spec (2025-11-25, "Authorization Server Metadata Discovery") says a client MUST
 * refuse to go on when the authorization server does not advertise S256 PKCE; the SDK only
 * checks a list that is present, so `saveDiscoveryState`, which the SDK calls right after
 * discovery and before registering, enforces it.
 */
export class RemoteOAuthProvider implements OAuthClientProvider {
  private verifier: string | null = null;

  constructor(
    private readonly store: RemoteInstanceStore,
    private readonly hooks: SignInHooks,
  ) {}

  get redirectUrl(): string {
    return this.hooks.redirectUrl;
  }

  get clientMetadata(): OAuthClientMetadata {
    const metadata = {
      client_name: 'MCP Tray',
      redirect_uris: [this.hooks.redirectUrl],
      grant_types: ['authorization_code', 'refresh_token'],
      response_types: ['code'],
      // A desktop app cannot keep a secret (RFC 8252 §8.5): a public client with PKCE.
      token_endpoint_auth_method: 'none',
      software_id: 'dev.mcptray',
      software_version: APP_VERSION,
      // OpenID Dynamic Registration: a native app, so servers that support it accept any
      // loopback port (RFC 8252 §7.3). Not in the SDK's type; it is sent as given.
      application_type: 'native',
    };
    return metadata as OAuthClientMetadata;
  }

  state(): string {
    return this.hooks.state;
  }

  async clientInformation(): Promise<OAuthClientInformationMixed | undefined> {
    const instance = this.store.instance();
    const client = await storedClient(instance, this.store.secrets);
    // A registration for another loopback port: register again (the port it names is busy).
    if (client?.redirect_uris && !client.redirect_uris.includes(this.hooks.redirectUrl)) return undefined;
    // Registered for less than this sign-in asks (a step-up): servers hold a client to the scope
    // it registered with, so register again with the wider one.
    const registered = instance.oauthClient ? undefined : instance.remote?.registration?.scope;
    const wanted = this.hooks.scope?.split(' ').filter(Boolean) ?? [];
    if (registered !== undefined && wanted.some((s) => !registered.split(' ').includes(s))) return undefined;
    return client;
  }

  async saveClientInformation(info: OAuthClientInformationMixed): Promise<void> {
    const instance = this.store.instance();
    if (instance.oauthClient?.clientId === info.client_id) return;
    const account = secretAccount(instance.id, REGISTRATION_SECRET_FIELD);
    if (info.client_secret) await this.store.secrets.set(account, info.client_secret);
    else await this.store.secrets.delete(account);
    const full = info as OAuthClientInformationMixed & {
      redirect_uris?: string[];
      token_endpoint_auth_method?: string;
      scope?: string;
    };
    const registration: RemoteRegistration = {
      clientId: info.client_id,
      issuer: info.issuer ?? '',
      redirectUris: full.redirect_uris ?? [this.hooks.redirectUrl],
      hasSecret: Boolean(info.client_secret),
      ...(full.scope !== undefined ? { scope: full.scope } : {}),
      ...(full.token_endpoint_auth_method
        ? { tokenEndpointAuthMethod: full.token_endpoint_auth_method }
        : {}),
      ...(info.client_secret_expires_at ? { secretExpiresAt: info.client_secret_expires_at } : {}),
    };
    this.store.updateRemote((remote) => ({ ...remote, registration, noDynamicRegistration: undefined }));
  }

  tokens(): undefined {
    return undefined;
  }

  saveTokens(tokens: OAuthTokens): void {
    this.hooks.onTokens(tokens);
  }

  redirectToAuthorization(url: URL): void {
    this.hooks.onAuthorizationUrl(url);
  }

  saveCodeVerifier(verifier: string): void {
    this.verifier = verifier;
  }

  codeVerifier(): string {
    if (!this.verifier) throw new Error('no PKCE verifier for this sign-in');
    return this.verifier;
  }

  async invalidateCredentials(scope: 'all' | 'client' | 'tokens' | 'verifier' | 'discovery'): Promise<void> {
    if (scope === 'verifier') this.verifier = null;
    if (scope !== 'all' && scope !== 'client') return;
    // The authorization server no longer knows our registration (revoked, expired): drop it,
    // so the SDK registers again. A client the user entered is theirs to change.
    const instance = this.store.instance();
    if (!instance.remote?.registration) return;
    await this.store.secrets.delete(secretAccount(instance.id, REGISTRATION_SECRET_FIELD));
    this.store.updateRemote(({ registration: _dropped, ...remote }) => remote);
  }

  saveDiscoveryState(state: OAuthDiscoveryState): void {
    const name = this.hooks.providerName;
    const metadata = state.authorizationServerMetadata;
    const refuse = (message: string): never => {
      throw new UserFacingError('sign-in-unsupported', message);
    };
    if (!metadata) {
      refuse(
        `${name} does not publish its sign-in settings (OAuth authorization server metadata), ` +
          'so MCP Tray cannot check that signing in is safe and will not sign in.',
      );
    }
    const methods = metadata?.code_challenge_methods_supported ?? [];
    if (!methods.includes('S256')) {
      refuse(
        `${name}'s sign-in does not offer PKCE with S256 (it lists ${methods.length ? methods.join(', ') : 'no method'}), ` +
          'which the MCP authorization spec requires to protect your sign-in. MCP Tray will not sign in.',
      );
    }
    for (const [label, url] of [
      ['authorization endpoint', metadata?.authorization_endpoint],
      ['token endpoint', metadata?.token_endpoint],
      ['registration endpoint', metadata?.registration_endpoint],
    ] as const) {
      const problem = url ? endpointProblem(url) : null;
      if (problem) refuse(`${name}'s ${label} ${problem}, so MCP Tray will not sign in.`);
    }
    this.hooks.onDiscovery(state);
  }
}
