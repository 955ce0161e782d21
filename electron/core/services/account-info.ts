import type { AccountInfo } from '../../shared/contract';
import type { DeviceAuthConfig, OAuthAuthConfig } from '../auth/auth-config';
import type { InstanceConfig } from '../settings/settings-schema';

/**
 * What a user registers as the redirect URI of their own OAuth client. The port differs per
 * sign-in (an ephemeral loopback listener); RFC 8252 §7.3 requires providers to accept any port.
 */
export const LOOPBACK_REDIRECT_URI = 'http://127.0.0.1/callback';

/** The account card of an instance whose integration signs in with OAuth or a device code. */
export function localAccountInfo(
  config: OAuthAuthConfig | DeviceAuthConfig,
  instance: InstanceConfig,
  pending: boolean,
): AccountInfo {
  const account = instance.account;
  const clientId = instance.oauthClient?.clientId ?? config.clientId ?? null;
  const setup = config.clientSetup;
  const manual = config.manualToken;
  return {
    method: config.type,
    signedIn: Boolean(account),
    label: account?.accountLabel ?? null,
    scopes: account?.scope ?? [],
    expiresAt: account?.expiresAt ? new Date(account.expiresAt).toISOString() : null,
    pending,
    manual: Boolean(account?.manual),
    needsClientId: clientId === null,
    clientId,
    clientSetup: setup
      ? { ...setup, redirectUri: config.type === 'oauth' ? LOOPBACK_REDIRECT_URI : null }
      : null,
    manualToken: manual ? { label: manual.label, help: manual.help, url: manual.url ?? null } : null,
  };
}
