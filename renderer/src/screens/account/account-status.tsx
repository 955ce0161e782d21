import './account.css';
import { useId } from 'react';
import type { AccountInfo } from '../../../../electron/shared/contract';
import { Icon } from '../../components/icon';
import { useNow } from '../../hooks/use-now';
import { formatDateTime } from '../format';
import { formatRenewal } from './account-format';

/** The renewal line ticks this often: minutes are its finest unit. */
export const RENEWAL_TICK_MS = 30_000;

function Renewal({ expiresAt }: { expiresAt: string }) {
  const now = useNow(true, RENEWAL_TICK_MS);
  return (
    <p className="account-card__renewal" data-testid="account-expiry">
      <Icon name="reconnect" />
      <time dateTime={expiresAt} title={`Current access ends ${formatDateTime(expiresAt)}`}>
        {formatRenewal(expiresAt, now)}
      </time>
    </p>
  );
}

/**
 * Who is signed in (in the browser or with a pasted token), what the service may do, and that
 * renewing needs nothing from the user (or, for a token, that nothing renews it).
 */
export function AccountStatus({ account, name }: { account: AccountInfo; name: string }) {
  const scopesId = useId();
  return (
    <>
      <p className="account-card__who" data-testid="account-status">
        <Icon name="user" />
        {account.signedIn && account.manual ? (
          <span>
            Signed in with a token
            {account.label && (
              <>
                {' '}
                as <strong data-testid="account-label">{account.label}</strong>
              </>
            )}
          </span>
        ) : account.signedIn ? (
          <span>
            Signed in as <strong data-testid="account-label">{account.label ?? 'your account'}</strong>
          </span>
        ) : (
          <span>Not signed in</span>
        )}
      </p>
      {!account.signedIn && (
        <p className="muted">
          Connect your account so {name} can work with it. You sign in on the provider’s own page; MCP Tray
          never sees your password.
        </p>
      )}
      {account.signedIn && account.manual && (
        // A pasted token has no refresh token: no countdown, since nothing renews it.
        <p className="account-card__manual" data-testid="account-manual">
          <Icon name="info" />
          This token is not renewed: when it expires or is revoked, paste a new one or sign in.
        </p>
      )}
      {account.signedIn && !account.manual && account.expiresAt && <Renewal expiresAt={account.expiresAt} />}
      {account.scopes.length > 0 && (
        <div className="account-card__scopes">
          <p className="account-card__label" id={scopesId}>
            Allowed access
          </p>
          <ul className="chips" aria-labelledby={scopesId} data-testid="account-scopes">
            {account.scopes.map((scope) => (
              <li key={scope} className="chip">
                {scope}
              </li>
            ))}
          </ul>
        </div>
      )}
    </>
  );
}
