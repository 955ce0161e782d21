import type { FetchLike } from '@modelcontextprotocol/sdk/shared/transport.js';
import type { AccountInfo, ManualToken } from '../../shared/contract';
import { ReauthRequiredError } from '../auth/oauth-errors';
import type { BrowserSignIn } from '../auth/sign-in';
import type { TokenMetadata } from '../auth/token-store';
import { remoteServer } from '../integrations/remote-catalog';
import type { Logger } from '../platform/logger';
import type { RemoteAuth } from '../remote/authorized-fetch';
import type { RemoteSignIn } from '../remote/remote-sign-in';
import { UserFacingError } from '../rpc/errors';
import type { AccountMetadata, InstanceConfig } from '../settings/settings-schema';
import type { RemoteHooks } from '../supervisor/supervisor';

/** What the remote half needs from the accounts service (its single-flight refresh and states). */
export interface RemoteAccountsDeps {
  signIn: RemoteSignIn;
  instance: (id: string) => InstanceConfig;
  update: (id: string, patch: Partial<InstanceConfig>) => void;
  /** The accounts service's one refresh per instance (shared with the scheduled refresh). */
  refresh: (id: string) => Promise<AccountMetadata>;
  scheduleRefresh: (instance: InstanceConfig) => void;
  /** Moves the instance to needs-auth once the calls in flight have their answers. */
  needsAuthSoon: (id: string, reason: string) => void;
  /** Where the user registers their own client's redirect URI. */
  redirectUri: string;
  logger: Logger;
}

/** For servers added by URL: some services hand out tokens for their MCP server. */
const URL_SERVER_TOKEN: ManualToken = {
  label: 'Access token',
  help: 'If the service gives you a token for its MCP server, you can paste it instead of signing in.',
  url: null,
};

/**
 * The remote-server half of the accounts service: the account card of a remote instance, its
 * browser sign-in through the MCP authorization spec, and the `RemoteAuth` its connection uses
 * (token from the keychain, refresh through the accounts service's single-flight refresh,
 * needs-auth when that is refused, step-up on 403 `insufficient_scope`).
 */
export class RemoteAccounts {
  constructor(private readonly deps: RemoteAccountsDeps) {}

  /** The name people know the service by. */
  providerName(instance: InstanceConfig): string {
    return remoteServer(instance.integrationId)?.name ?? instance.name;
  }

  /** The account card, or undefined for a server that never asked for a sign-in. */
  info(instance: InstanceConfig, pending: boolean): AccountInfo | undefined {
    const remote = instance.remote!;
    const entry = remoteServer(instance.integrationId);
    const account = instance.account;
    const asked =
      account ||
      pending ||
      this.deps.signIn.challenged(instance.id) ||
      remote.registration ||
      remote.noDynamicRegistration ||
      instance.oauthClient ||
      entry?.ownClient;
    if (!asked) return undefined;
    return {
      method: 'oauth',
      signedIn: Boolean(account),
      label: account?.accountLabel ?? null,
      scopes: account?.scope ?? [],
      expiresAt: account?.expiresAt ? new Date(account.expiresAt).toISOString() : null,
      pending,
      manual: Boolean(account?.manual),
      needsClientId: this.needsClientId(instance),
      clientId: instance.oauthClient?.clientId ?? remote.registration?.clientId ?? null,
      clientSetup: entry?.ownClient ? { ...entry.ownClient, redirectUri: this.deps.redirectUri } : null,
      manualToken: entry ? (entry.manualToken ?? null) : URL_SERVER_TOKEN,
    };
  }

  /** Starts the browser sign-in (dynamic registration when no client is known). */
  async start(instance: InstanceConfig, openBrowser: boolean): Promise<BrowserSignIn> {
    const name = this.providerName(instance);
    if (this.needsClientId(instance)) {
      throw new UserFacingError(
        'needs-client-id',
        `${name} needs a client ID that you register with it before you can sign in. ` +
          `Enter it in the account card, or run: mcp-tray auth ${instance.id} --client-id <id>`,
      );
    }
    return this.deps.signIn.startBrowser(instance, { providerName: name, openBrowser });
  }

  /** New tokens for the accounts service's refresh (never called twice at once for an instance). */
  refreshTokens(instance: InstanceConfig): Promise<TokenMetadata> {
    return this.deps.signIn.refresh(instance, instance.account!, this.providerName(instance));
  }

  saveManualToken(id: string, token: string): Promise<TokenMetadata> {
    return this.deps.signIn.saveManualToken(id, token);
  }

  signOut(instance: InstanceConfig, account: AccountMetadata): Promise<void> {
    return this.deps.signIn.signOut(instance, account, this.providerName(instance));
  }

  /** What the supervisor gives remote instances' runners. */
  hooks(fetch: FetchLike): RemoteHooks {
    return {
      fetch,
      auth: (id) => this.auth(id),
      providerName: (id) => this.providerName(this.deps.instance(id)),
      saveTransport: (id, transport) => {
        const remote = this.deps.instance(id).remote;
        if (remote) this.deps.update(id, { remote: { ...remote, transport } });
      },
    };
  }

  /** The sign-in of one remote instance, as its connection sees it. */
  auth(id: string): RemoteAuth {
    const { signIn } = this.deps;
    return {
      token: async () => {
        const instance = this.deps.instance(id);
        if (!instance.account) return null;
        const tokens = await signIn.tokens(id, instance.account);
        if (tokens) this.deps.scheduleRefresh(instance);
        return tokens?.accessToken ?? null;
      },
      rejected: async (sent, challenge) => {
        signIn.noteChallenge(id, challenge);
        const instance = this.deps.instance(id);
        const name = this.providerName(instance);
        const account = instance.account;
        const stored = account ? await signIn.tokens(id, account) : null;
        // Someone refreshed while this request was out: retry with theirs, do not refresh again.
        if (stored && stored.accessToken !== sent) return stored.accessToken;
        if (!account?.hasRefreshToken || account.manual) {
          const reason = account?.manual
            ? `${name} no longer accepts the token you entered. Enter a new one or sign in.`
            : `${name} rejected the sign-in. Sign in again.`;
          this.deps.needsAuthSoon(id, reason);
          throw new UserFacingError('needs-auth', reason);
        }
        try {
          const tokens = await signIn.tokens(id, await this.deps.refresh(id));
          if (!tokens) throw new ReauthRequiredError(name);
          return tokens.accessToken;
        } catch (error) {
          if (error instanceof ReauthRequiredError) this.deps.needsAuthSoon(id, error.message);
          throw error;
        }
      },
      challenged: (challenge) => {
        signIn.noteChallenge(id, challenge);
        // A server may let a client connect and ask for a sign-in only later (on tools/list).
        this.deps.needsAuthSoon(id, `Sign in to ${this.providerName(this.deps.instance(id))} to use it.`);
      },
      stepUp: (challenge) => {
        signIn.noteChallenge(id, challenge);
        const instance = this.deps.instance(id);
        const scope = challenge.scope;
        this.deps.update(id, { remote: { ...instance.remote!, stepUpScope: scope } });
        const reason =
          `${this.providerName(instance)} asks for more permission${scope ? ` (${scope})` : ''} ` +
          'for what your AI client tried. Sign in again in MCP Tray to allow it.';
        this.deps.logger.info('step-up requested', { id, scope });
        this.deps.needsAuthSoon(id, reason);
        return reason;
      },
    };
  }

  /** No dynamic registration (the server said so, or the catalog knows) and no client entered. */
  private needsClientId(instance: InstanceConfig): boolean {
    const ownClientNeeded =
      instance.remote?.noDynamicRegistration || remoteServer(instance.integrationId)?.ownClient;
    return Boolean(ownClientNeeded) && !instance.oauthClient;
  }
}
