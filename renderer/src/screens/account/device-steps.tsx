import './account.css';
import type { SignInStart } from '../../../../electron/shared/contract';
import { CopyButton } from '../../components/copy-button';
import { webLink } from './account-format';
import { CodeExpiry } from './code-expiry';

type DeviceStart = Extract<SignInStart, { kind: 'device' }>;

/** The page to open for a device sign-in: the one with the code filled in, when the provider has one. */
export const devicePage = (start: DeviceStart): string | null =>
  (start.verificationUriComplete && webLink(start.verificationUriComplete)) || webLink(start.verificationUri);

/** What to do for a device sign-in: open the provider's page and enter the code shown here. */
export function DeviceSteps({ start }: { start: DeviceStart }) {
  const page = devicePage(start);
  return (
    <>
      <p>
        Go to{' '}
        {page ? (
          <a href={page} target="_blank" rel="noreferrer" data-testid="sign-in-url">
            {start.verificationUri}
          </a>
        ) : (
          <code data-testid="sign-in-url">{start.verificationUri}</code>
        )}{' '}
        in your browser, sign in there and enter this code:
      </p>
      <div className="device-code">
        <span className="device-code__value" data-testid="device-code">
          {start.userCode}
        </span>
        <CopyButton text={start.userCode} label="Copy code" testId="device-code-copy" />
      </div>
      <CodeExpiry expiresAt={start.expiresAt} />
    </>
  );
}
