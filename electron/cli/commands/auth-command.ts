import type { TrayApi } from '../../shared/api';
import { UsageError } from '../args';
import type { ParsedArgs } from '../args';

type Out = (line: string) => void;

/** `mcp-tray auth <id> [--no-browser]`: starts the sign-in and waits until it is done. */
export async function authCommand(api: TrayApi, args: ParsedArgs, out: Out): Promise<number> {
  const [id, extra] = args.positionals;
  if (!id || extra !== undefined) throw new UsageError('auth takes exactly one service id');
  const start = await api.startSignIn({ id, openBrowser: !args.noBrowser });
  if (start.kind === 'browser') {
    out(
      args.noBrowser
        ? `Open this link in your browser to sign in:\n  ${start.url}`
        : `Your browser should open to sign in. If it did not, open:\n  ${start.url}`,
    );
  } else {
    out(
      `Go to ${start.verificationUriComplete ?? start.verificationUri} and enter the code ${start.userCode}`,
    );
  }
  out('Waiting for you to finish signing in… (Ctrl+C to stop waiting)');
  const account = await api.waitSignIn({ id });
  out(account.label ? `Signed in as ${account.label}.` : 'Signed in.');
  return 0;
}
