import { screen } from '@testing-library/react';
import type { AccountInfo } from '../../../electron/shared/contract';
import { createFakeApi, makeAccount, makeDetail } from './fake-api';
import { renderScreen } from './render';
import { InstanceDetailScreen } from '../screens/instance-detail/instance-detail-screen';

export const GITHUB_ID = 'github-work';

/** A GitHub instance that needs a sign-in, signed out unless the test says otherwise. */
export function githubDetail(account: Partial<AccountInfo> = {}) {
  const signedIn = account.signedIn ?? false;
  return makeDetail({
    id: GITHUB_ID,
    name: 'GitHub (work)',
    integrationId: 'github',
    state: signedIn ? 'running' : 'needs-auth',
    stateReason: signedIn ? null : 'Sign in to GitHub to use GitHub (work).',
    pid: signedIn ? 4321 : null,
    account: makeAccount(account),
  });
}

/** Renders the detail of the GitHub instance and waits for its Account card. */
export async function renderGithub(account: Partial<AccountInfo> = {}) {
  const fake = createFakeApi({ details: [githubDetail(account)] });
  renderScreen(<InstanceDetailScreen id={GITHUB_ID} />, { api: fake.api });
  const card = await screen.findByTestId('account-card');
  return { fake, card };
}
