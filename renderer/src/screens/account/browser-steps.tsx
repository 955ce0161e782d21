import './account.css';
import { CopyButton } from '../../components/copy-button';

/** What to do for a sign-in in the browser: finish it there; the link in case the page got lost. */
export function BrowserSteps({ url }: { url: string }) {
  return (
    <>
      <p>
        Your browser should now show the sign-in page. Sign in there and allow access; this window notices by
        itself when you are done.
      </p>
      <p className="muted">If the page did not open, or you closed it, open it again or paste this link:</p>
      <div className="sign-in__link">
        <code className="sign-in__url" data-testid="sign-in-url">
          {url}
        </code>
        <CopyButton text={url} label="Copy link" testId="sign-in-copy-url" />
      </div>
    </>
  );
}
