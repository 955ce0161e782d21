import { SignInService } from '../auth/sign-in';
import { systemTimers } from '../auth/timers';
import { RemoteSignIn } from '../remote/remote-sign-in';
import { AccountsService } from '../services/accounts-service';
import type { CoreBase } from './base';

/**
 * Step 2: sign-ins and tokens. Accounts come before the servers because launching a server
 * needs its token; they reach the servers back through `signals` (see `wireRuntime`).
 */
export function wireAccounts({ deps, bus, signals, catalog, fetch }: CoreBase): AccountsService {
  const signInDeps = {
    opener: deps.opener,
    clock: deps.clock,
    logger: deps.logger.child('sign-in'),
    fetch,
    timers: systemTimers,
    secrets: deps.secrets,
  };
  return new AccountsService({
    settings: deps.settings,
    catalog,
    signIn: new SignInService(signInDeps),
    remote: new RemoteSignIn({ ...signInDeps, settings: deps.settings }),
    signals,
    bus,
    secrets: deps.secrets,
    clock: deps.clock,
    timers: systemTimers,
    logger: deps.logger.child('accounts'),
  });
}
