import { ApiError } from '../shared/api';
import { APP_VERSION } from '../core/core';
import { currentDataDir } from '../core/platform/paths';
import { USAGE, UsageError, parseCliArgs } from './args';
import type { ParsedArgs } from './args';
import { addCommand, simpleInstanceCommand, statusCommand } from './commands/instance-commands';
import { NotRunningError, connectControl } from './control-client';
import { serveCommand } from './serve-command';

const out = (line: string) => process.stdout.write(line + '\n');
const err = (line: string) => process.stderr.write(`mcp-tray: ${line}\n`);

/** Commands answered by the running core over its local socket. */
async function controlCommand(args: ParsedArgs): Promise<number> {
  const run =
    args.command === 'status' ? statusCommand : args.command === 'add' ? addCommand : simpleInstanceCommand;
  if (args.command === 'add' && args.rest.length === 0) {
    throw new UsageError('add needs the command after "--", e.g. mcp-tray add notes -- npx -y my-server');
  }
  const connection = await connectControl(currentDataDir(args.dataDir));
  try {
    return await run(connection.api, args, out);
  } finally {
    connection.close();
  }
}

async function main(argv: string[]): Promise<number> {
  let args: ParsedArgs;
  try {
    args = parseCliArgs(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`mcp-tray: ${error.message}\n\n${USAGE}`);
    return 2;
  }
  if (args.version) {
    out(APP_VERSION);
    return 0;
  }
  if (args.help || args.command === null) {
    process.stdout.write(USAGE);
    return args.help ? 0 : 2;
  }
  try {
    switch (args.command) {
      case 'serve':
        return await serveCommand(args);
      case 'status':
      case 'add':
      case 'remove':
      case 'restart':
      case 'enable':
      case 'disable':
        return await controlCommand(args);
      default:
        err(`"${args.command}" is not yet available in this version.`);
        return 2;
    }
  } catch (error) {
    if (error instanceof UsageError) {
      err(error.message);
      return 2;
    }
    if (error instanceof NotRunningError) {
      err(error.message);
      return 3;
    }
    if (error instanceof ApiError || error instanceof Error) {
      err(error.message);
      return 1;
    }
    throw error;
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(
      `mcp-tray: unexpected error: ${error instanceof Error ? error.stack : String(error)}\n`,
    );
    process.exitCode = 1;
  },
);
