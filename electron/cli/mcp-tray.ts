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
  if (args.command === 'serve' && !args.help && !supportedNode(process.versions.node)) {
    // The core's native modules (the keychain) are built for Node 22: on an older Node it
    // would start and then crash at the first keychain use, without a word.
    process.stderr.write(
      `mcp-tray: the core needs Node ${MIN_NODE.join('.')} or later; this is Node ${process.versions.node}. ` +
        'Start it with scripts/start.sh (it installs Node 22) or the Node 22 you installed.\n',
    );
    return 1;
  }
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

/** The oldest Node the core runs on (package.json `engines`). */
const MIN_NODE = [22, 12] as const;

/** Whether `version` (`process.versions.node`) is at least {@link MIN_NODE}. */
function supportedNode(version: string): boolean {
  const [major = 0, minor = 0] = version.split('.').map(Number);
  return major > MIN_NODE[0] || (major === MIN_NODE[0] && minor >= MIN_NODE[1]);
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
