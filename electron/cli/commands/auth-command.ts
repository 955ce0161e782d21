import type { TrayApi } from '../../shared/api';
import { UsageError } from '../args';
import { readSecrets } from '../secret-input';
import type { ParsedArgs } from '../args';

type Out = (line: string) => void;

/** `mcp-tray auth <id> [--no-browser]`: starts the sign-in and waits until it is done. */
export async function authCommand(api: TrayApi, args: ParsedArgs, out: Out): Promise<number> {
  const [id, extra] = args.positionals;
  if (!id || extra !== undefined) throw new UsageError('auth takes exactly one service id');
  if (args.clientSecret && !args.clientId) throw new UsageError('--client-secret goes with --client-id');
  if (args.cancel) {
    if (args.clientId || args.token || args.noBrowser) throw new UsageError('--cancel goes alone');
    const { cancelled } = await api.cancelSignIn({ id });
    out(
      args.json
        ? JSON.stringify({ id, cancelled })
        : cancelled
          ? `${id}: sign-in cancelled.`
          : `${id}: no sign-in was waiting.`,
    );
    return 0;
  }
  if (args.clientId) {
    const [clientSecret] = args.clientSecret ? await readSecrets(['the client secret']) : [];
    await api.setOAuthClient({ id, clientId: args.clientId, clientSecret });
    out(`${id}: using your OAuth client ${args.clientId}.`);
  }
  if (args.token) {
    const [token] = await readSecrets(['the token']);
    const account = await api.signInWithToken({ id, token: token! });
    out(account.label ? `Signed in as ${account.label} with your token.` : 'Signed in with your token.');
    return 0;
  }
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

/** `mcp-tray signout <id>`: the same sign-out as the service's "Sign out" button. */
export async function signOutCommand(api: TrayApi, args: ParsedArgs, out: Out): Promise<number> {
  const [id, extra] = args.positionals;
  if (!id || extra !== undefined) throw new UsageError('signout takes exactly one service id');
  const account = await api.signOut({ id });
  out(args.json ? JSON.stringify(account) : `${id}: signed out. Sign in again with: mcp-tray auth ${id}`);
  return 0;
}
