import type { Clock } from '../platform/clock';
import type { Logger } from '../platform/logger';
import type { Opener } from '../platform/opener';
import { assertOpenableUrl } from '../platform/opener';
import { UserFacingError } from '../rpc/errors';
import { assertFlowEndpoints, endpointProblem } from './auth-config';
import { providerError, SignInCancelledError } from './oauth-errors';
import type { Fetch, OAuthAnswer } from './oauth-http';
import { numberField, postForm, stringField } from './oauth-http';
import type { Timers } from './timers';
import type { TokenSet } from './token-set';
import { lookUpAccountLabel, tokenSetFromResponse } from './token-set';

const DEVICE_CODE_GRANT = 'urn:ietf:params:oauth:grant-type:device_code';
/** RFC 8628 §3.2: poll every 5 s unless told otherwise; §3.5: `slow_down` adds 5 s. */
const DEFAULT_INTERVAL_S = 5;
const SLOW_DOWN_MS = 5_000;
/** Used when the provider gives no lifetime; RFC 8628 makes `expires_in` required. */
const DEFAULT_EXPIRES_IN_S = 900;

/** Services the device flow needs; `timers` sets the polling pace. */
export interface DeviceFlowDeps {
  opener: Opener;
  clock: Clock;
  logger: Logger;
  fetch: Fetch;
  timers: Timers;
}

/** One device sign-in (endpoints already discovered). */
export interface DeviceFlowOptions {
  deviceAuthorizationEndpoint: string;
  tokenEndpoint: string;
  userinfoEndpoint?: string;
  clientId: string;
  /** Not a secret in a desktop app (RFC 8252 §8.5). */
  clientSecret?: string;
  scopes: string[];
  providerName?: string;
}

/** What the UI shows while the person enters the code on the provider's page. */
export interface DeviceFlowHandle {
  userCode: string;
  verificationUri: string;
  verificationUriComplete?: string;
  /** Epoch milliseconds after which the code is useless. */
  expiresAt: number;
  /** Current polling interval in seconds (RFC 8628 `interval`). */
  interval: number;
  result: Promise<TokenSet>;
  /** Opens the verification page (with the code filled in when the provider supports it). */
  openVerificationPage(): Promise<void>;
  cancel(): void;
}

function checkedPageUrl(url: string | undefined, providerName: string): string {
  if (!url || endpointProblem(url)) {
    throw new UserFacingError('provider-error', `${providerName} sent an unusable sign-in page address.`);
  }
  return url;
}

/** RFC 8628 device authorization grant: show a code, poll until the person approved it. */
export class DeviceFlow {
  constructor(private readonly deps: DeviceFlowDeps) {}

  /** Requests a device code and starts polling; the browser is opened only on request. */
  async start(options: DeviceFlowOptions): Promise<DeviceFlowHandle> {
    assertFlowEndpoints(
      [options.deviceAuthorizationEndpoint, 'deviceAuthorizationEndpoint'],
      options.tokenEndpoint,
      options.userinfoEndpoint,
    );
    const { clock, fetch, logger, timers, opener } = this.deps;
    const providerName = options.providerName ?? new URL(options.deviceAuthorizationEndpoint).hostname;
    const scope = options.scopes.length > 0 ? options.scopes.join(' ') : undefined;
    const client = { client_id: options.clientId, client_secret: options.clientSecret };
    const grant = await postForm(
      fetch,
      options.deviceAuthorizationEndpoint,
      { ...client, scope },
      providerName,
    );
    if (!grant.ok) throw providerError(grant.error, grant.description, providerName);
    const deviceCode = stringField(grant.body, 'device_code');
    const userCode = stringField(grant.body, 'user_code');
    if (!deviceCode || !userCode) {
      throw new UserFacingError(
        'provider-error',
        `${providerName} did not send a sign-in code. Please try again.`,
      );
    }
    // Google names it `verification_url`, an early draft's spelling.
    const verificationUri = checkedPageUrl(
      stringField(grant.body, 'verification_uri') ?? stringField(grant.body, 'verification_url'),
      providerName,
    );
    const completeRaw = stringField(grant.body, 'verification_uri_complete');
    const verificationUriComplete = completeRaw ? checkedPageUrl(completeRaw, providerName) : undefined;
    const expiresAt = clock.now() + (numberField(grant.body, 'expires_in') ?? DEFAULT_EXPIRES_IN_S) * 1000;
    let intervalMs = Math.max(1, numberField(grant.body, 'interval') ?? DEFAULT_INTERVAL_S) * 1000;

    let done = false;
    let cancelTimer = (): void => undefined;
    let settle!: { resolve: (tokens: TokenSet) => void; reject: (error: Error) => void };
    const result = new Promise<TokenSet>((resolve, reject) => (settle = { resolve, reject }));
    void result.catch(() => undefined);
    const finish = (outcome: TokenSet | Error): void => {
      if (done) return;
      done = true;
      cancelTimer();
      if (outcome instanceof Error) settle.reject(outcome);
      else settle.resolve(outcome);
    };
    const handle: DeviceFlowHandle = {
      userCode,
      verificationUri,
      verificationUriComplete,
      expiresAt,
      interval: intervalMs / 1000,
      result,
      openVerificationPage: async () => {
        const url = verificationUriComplete ?? verificationUri;
        assertOpenableUrl(url);
        await opener.openExternal(url);
      },
      cancel: () => finish(new SignInCancelledError()),
    };
    const schedule = (): void => {
      handle.interval = intervalMs / 1000;
      cancelTimer = timers.after(intervalMs, () => void poll());
    };

    const poll = async (): Promise<void> => {
      if (done) return;
      if (clock.now() >= expiresAt) return finish(providerError('expired_token', undefined, providerName));
      let answer: OAuthAnswer;
      try {
        answer = await postForm(
          fetch,
          options.tokenEndpoint,
          { grant_type: DEVICE_CODE_GRANT, device_code: deviceCode, ...client },
          providerName,
        );
      } catch (error) {
        if (done) return;
        // RFC 8628 §3.5: back off exponentially when the connection fails, keep going until expiry.
        if (error instanceof UserFacingError && error.code === 'provider-unreachable') {
          logger.warn('device flow poll failed; backing off', { provider: providerName });
          intervalMs *= 2;
          return schedule();
        }
        return finish(error as Error);
      }
      if (done) return;
      if (answer.ok) return finish(await this.tokens(answer.body, options, providerName));
      if (answer.error === 'authorization_pending') return schedule();
      if (answer.error === 'slow_down') {
        intervalMs += SLOW_DOWN_MS;
        return schedule();
      }
      logger.info('device sign-in ended by provider', { provider: providerName, error: answer.error });
      finish(providerError(answer.error, answer.description, providerName));
    };

    logger.info('device sign-in started', { provider: providerName });
    schedule();
    return handle;
  }

  private async tokens(
    body: Record<string, unknown>,
    options: DeviceFlowOptions,
    providerName: string,
  ): Promise<TokenSet | Error> {
    try {
      const requested = options.scopes.length > 0 ? { scope: options.scopes } : {};
      const tokens = tokenSetFromResponse(body, this.deps.clock.now(), requested, providerName);
      if (!tokens.accountLabel && options.userinfoEndpoint) {
        const { fetch, logger } = this.deps;
        const label = await lookUpAccountLabel(
          fetch,
          options.userinfoEndpoint,
          tokens.accessToken,
          providerName,
          logger,
        );
        if (label) tokens.accountLabel = label;
      }
      this.deps.logger.info('device sign-in finished', { provider: providerName });
      return tokens;
    } catch (error) {
      return error as Error;
    }
  }
}
