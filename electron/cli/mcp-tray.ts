import fs from 'node:fs';
import nodeModule from 'node:module';
import path from 'node:path';
import { currentDataDir } from '../core/platform/paths';
import { USAGE, UsageError, parseCliArgs } from './args';
import type { ParsedArgs } from './args';
import { runCommand } from './run-command';
import { runConnector } from './connector';

// Only the connector's path is loaded eagerly: AI clients start it on every launch, so it must
// not pay for the core's modules. Everything else is imported when its command runs.

async function main(argv: string[]): Promise<number> {
  let args: ParsedArgs;
  try {
    args = parseCliArgs(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`mcp-tray: ${error.message}\n\n${USAGE}`);
    return 2;
  }
  useCompileCache(currentDataDir(args.dataDir));
  if (args.command === 'connect' && !args.help) {
    const [instance, extra] = args.positionals;
    if ((!instance && !args.profile && !args.client) || extra !== undefined) {
      process.stderr.write(
        'mcp-tray: connect takes one service id, or --profile NAME for a combined entry\n',
      );
      return 2;
    }
    return runConnector({
      ...(instance ? { instance } : {}),
      ...(args.profile ? { profile: args.profile } : {}),
      ...(args.client ? { client: args.client } : {}),
      dataDir: currentDataDir(args.dataDir),
      stdin: process.stdin,
      stdout: process.stdout,
      stderr: process.stderr,
    });
  }
  // A reader that stops early (`mcp-tray logs | head`) closes the pipe: end quietly, as other
  // command-line tools do, not with an unhandled EPIPE and its stack trace.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
    process.exit(0);
  });
  return runCommand(args);
}

/**
 * V8's compile cache for the chunks loaded next (Node 22.1+): every command is a new process, and
 * compiling the same bundled code on each run was most of a short command's time. It lives in
 * the data folder (private to the user, and everything stays under `--data-dir`), never a shared
 * temp folder another user could write to. A folder that does not exist yet is left for the core
 * to create with its own permissions; a cache that cannot be used only costs speed.
 */
function useCompileCache(dataDir: string): void {
  const enable = (nodeModule as { enableCompileCache?: (dir: string) => unknown }).enableCompileCache;
  if (enable && fs.existsSync(dataDir)) enable(path.join(dataDir, 'cache', 'v8'));
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
