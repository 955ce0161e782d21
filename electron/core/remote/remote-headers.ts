import { UserFacingError } from '../rpc/errors';
import type { SecretStore } from '../secrets/secret-store';
import { secretAccount } from '../secrets/secret-store';
import type { SettingsStore } from '../settings/settings-store';

/** Keychain account of a remote instance's secret header. */
export const headerSecretAccount = (id: string, name: string): string => secretAccount(id, `header.${name}`);

/**
 * The headers a remote instance sends: the plain ones from settings, the secret ones from the
 * keychain. A secret that is gone (or a locked keychain) is an error in words, not a silent
 * request without it.
 */
export function remoteHeaders(settings: SettingsStore, secrets: SecretStore) {
  return async (id: string): Promise<Record<string, string>> => {
    const remote = settings.read().instances.find((c) => c.id === id)?.remote;
    const headers: Record<string, string> = { ...remote?.headers };
    for (const name of remote?.secretHeaders ?? []) {
      const value = await secrets.get(headerSecretAccount(id, name));
      if (value === null) {
        const status = await secrets.status();
        if (!status.available) throw new UserFacingError('keychain-unavailable', status.detail);
        throw new UserFacingError(
          'missing-secret',
          `The secret header "${name}" is not in the keychain; add the server again.`,
        );
      }
      headers[name] = value;
    }
    return headers;
  };
}
