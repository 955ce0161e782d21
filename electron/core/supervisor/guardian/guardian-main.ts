// The orphan guardian's entry (built to dist/guardian/guardian.cjs by scripts/build-node.mjs and
// started by Watchdog): `guardian <run id> [--tracker proc|ps] [--poll-ms N]`, commands on stdin.
import { Guardian } from './guardian';
import { RUN_MARKER, parseCommands, parseGuardianArgs } from './protocol';
import { readProcTable, readProcTree, readPsTable } from './table-readers';

const options = parseGuardianArgs(process.argv.slice(2));
const marker = options.runId ? `${RUN_MARKER}=${options.runId}` : null;
const tracker = options.tracker ?? (process.platform === 'linux' ? 'proc' : 'ps');
const flavor = process.platform === 'linux' ? 'procps' : 'bsd';

const guardian = new Guardian({
  readTable: (withMarker, roots) => {
    if (tracker !== 'proc') return readPsTable(flavor, withMarker ? marker : null);
    if (withMarker) return readProcTable(marker);
    return readProcTree(roots) ?? readProcTable(null);
  },
  kill: (target, signal) => {
    try {
      process.kill(target, signal);
    } catch {
      // ESRCH: already gone; EPERM: not ours to stop.
    }
  },
  every: (ms, fn) => {
    const timer = setInterval(fn, ms);
    return () => clearInterval(timer);
  },
  after: (ms, fn) => void setTimeout(fn, ms),
  exit: () => process.exit(0),
  report: (line) => void process.stdout.write(line + '\n'),
  selfPid: process.pid,
  pollMs: options.pollMs,
  graceMs: 2000,
});

// The core's terminal may send these to its whole group; only stdin ending stops the guardian.
process.on('SIGINT', () => undefined);
process.on('SIGHUP', () => undefined);
// Nobody may read our stdout (the core ignores it): a closed pipe must not kill us.
process.stdout.on('error', () => undefined);
let pending = '';
process.stdin.setEncoding('utf8');
process.stdin.on('data', (chunk: string) => {
  const { commands, rest } = parseCommands(pending + chunk);
  pending = rest;
  for (const command of commands) guardian.handle(command);
});
process.stdin.on('end', () => guardian.finish());
process.stdin.on('error', () => guardian.finish());
