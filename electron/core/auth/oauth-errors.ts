import type { ErrorCode } from '../../shared/error-codes';
import { UserFacingError } from '../rpc/errors';

/**
 * An error answer from the provider (RFC 6749 §4.1.2.1 and §5.2, RFC 8628 §3.5), with a message
 * written for the person signing in. `oauthError` keeps the protocol code for logs and tests.
 */
export class OAuthProviderError extends UserFacingError {
  constructor(
    code: ErrorCode,
    message: string,
    readonly oauthError: string,
    readonly description?: string,
  ) {
    super(code, message);
    this.name = 'OAuthProviderError';
  }
}

/**
 * The stored sign-in can no longer be used (refresh token expired, revoked or reused): the
 * instance must go to needs-auth and the person must sign in again.
 */
export class ReauthRequiredError extends UserFacingError {
  constructor(providerName: string, detail?: string) {
    super(
      'reauth-required',
      `Your sign-in to ${providerName} has expired or was withdrawn. Please sign in again.` +
        (detail ? ` (${detail})` : ''),
    );
    this.name = 'ReauthRequiredError';
  }
}

/** The person (or the app) stopped a sign-in that was still waiting. */
export class SignInCancelledError extends UserFacingError {
  constructor() {
    super('sign-in-cancelled', 'Sign-in was cancelled.');
    this.name = 'SignInCancelledError';
  }
}

/** Provider-controlled text: keep it short and printable before it reaches the UI. */
function tidy(description: string | undefined): string | undefined {
  if (!description) return undefined;
  // Control characters (\p{Cc}) and runs of white space become single spaces.
  const clean = description.replace(/[\p{Cc}\s]+/gu, ' ').trim();
  return clean.length > 200 ? `${clean.slice(0, 200)}…` : clean || undefined;
}

const capitalise = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);

/** Turns an OAuth `error` code into an `OAuthProviderError` a person can act on. */
export function providerError(
  error: string,
  rawDescription: string | undefined,
  providerName: string,
): OAuthProviderError {
  const description = tidy(rawDescription);
  const said = description ? ` (${providerName} said: “${description}”)` : '';
  const P = capitalise(providerName);
  switch (error) {
    case 'access_denied':
      return new OAuthProviderError(
        'sign-in-denied',
        `Access was not granted, so ${providerName} was not connected. ` +
          'If that was a mistake, sign in again and choose Allow.',
        error,
        description,
      );
    case 'invalid_scope':
      return new OAuthProviderError(
        'sign-in-failed',
        `${P} did not accept the permissions this integration asks for, so sign-in could not finish. ` +
          `The integration's settings may need an update.${said}`,
        error,
        description,
      );
    case 'unauthorized_client':
    case 'invalid_client':
    case 'unsupported_response_type':
    case 'unsupported_grant_type':
      return new OAuthProviderError(
        'sign-in-failed',
        `${P} does not recognise this integration's sign-in settings (its client ID or allowed ` +
          `sign-in methods), so sign-in could not finish. The integration needs to be fixed.${said}`,
        error,
        description,
      );
    case 'server_error':
    case 'temporarily_unavailable':
      return new OAuthProviderError(
        'sign-in-failed',
        `${P} had a problem on its side while signing you in. Wait a moment and try again.${said}`,
        error,
        description,
      );
    case 'login_required':
    case 'consent_required':
    case 'interaction_required':
    case 'account_selection_required':
      return new OAuthProviderError(
        'sign-in-failed',
        `${P} needs you to confirm the sign-in in the browser. Please sign in again.${said}`,
        error,
        description,
      );
    case 'invalid_grant':
      return new OAuthProviderError(
        'sign-in-failed',
        `The sign-in code from ${providerName} was no longer valid (it may have expired or been used). ` +
          `Please sign in again.${said}`,
        error,
        description,
      );
    case 'expired_token':
      return new OAuthProviderError(
        'sign-in-expired',
        `The code for ${providerName} expired before it was entered. Please start the sign-in again.`,
        error,
        description,
      );
    default:
      return new OAuthProviderError(
        'sign-in-failed',
        `${P} refused the sign-in (${tidy(error) ?? 'unknown error'}). Please try again.${said}`,
        error,
        description,
      );
  }
}
