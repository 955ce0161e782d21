import { APP_VERSION } from '../core/version';
import { USAGE, isUsageError } from './args';
import type { ParsedArgs } from './args';
import { commandHelp } from './command-help';
import { controlCommand } from './control-command';

// Light on purpose: `serve` and the core are imported on demand (built into `dist/cli/heavy/`),
// so `status` or `logs` never load the core's modules (the SDK, conf and ajv, keytar, ws) just
// to send one request over the control socket.

const out = (line: string) => process.stdout.write(line + '\n');
const err = (line: string) => process.stderr.write(`mcp-tray: ${line}\n`);

/** Every command but `connect`. */
export async function runCommand(args: ParsedArgs): Promise<number> {
  if (args.version) {
    out(APP_VERSION);
    return 0;
  }
  if (args.help && args.command !== null) {
    process.stdout.write(commandHelp(args.command));
    return 0;
  }
  if (args.help || args.command === null) {
    process.stdout.write(USAGE);
    return args.help ? 0 : 2;
  }
  try {
    switch (args.command) {
      case 'serve':
        return await (await import('./serve-command')).serveCommand(args);
      case 'status':
      case 'add':
      case 'remove':
      case 'restart':
      case 'enable':
      case 'disable':
      case 'logs':
      case 'clients':
      case 'auth':
      case 'open':
      case 'http':
      case 'search':
      case 'outdated':
      case 'update':
      case 'rollback':
      case 'tools':
      case 'permissions':
      case 'quit':
      case 'signout':
      case 'settings':
      case 'install':
      case 'call':
      case 'preferences':
      case 'diagnostics':
      case 'secrets':
      case 'profiles':
      case 'export':
      case 'import':
        return await controlCommand(args);
      default:
        err(`"${args.command}" is not yet available in this version.`);
        return 2;
    }
  } catch (error) {
    if (isUsageError(error)) {
      err(error.message);
      return 2;
    }
    if (error instanceof Error && error.name === 'NotRunningError') {
      err(error.message);
      return 3;
    }
    if (error instanceof Error) {
      err(error.message);
      return 1;
    }
    throw error;
  }
}
