import { APP_VERSION } from '../core/core';
import { USAGE, UsageError, parseCliArgs } from './args';
import { serveCommand } from './serve-command';

/** Exit code for commands whose issue has not landed yet. */
const NOT_YET = 2;

async function main(argv: string[]): Promise<number> {
  let args;
  try {
    args = parseCliArgs(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`mcp-tray: ${error.message}\n\n${USAGE}`);
    return 2;
  }
  if (args.version) {
    process.stdout.write(`${APP_VERSION}\n`);
    return 0;
  }
  if (args.help || args.command === null) {
    process.stdout.write(USAGE);
    return args.help ? 0 : 2;
  }
  if (args.command === 'serve') return serveCommand(args);
  process.stderr.write(`mcp-tray: "${args.command}" is not yet available in this version.\n`);
  return NOT_YET;
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
