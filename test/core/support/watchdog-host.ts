// A stand-in for the core, run as its own process (bundled by the test) so a test can SIGKILL
// it: the real Watchdog starts the real guardian and watches real servers started the way the
// supervisor starts them. It prints `guardian <pid>`, `server <pid>`, and the `grandchild <pid>`
// and `daemon <pid>` lines its servers report.
import { nodeSpawner } from '../../../electron/core/supervisor/process-group';
import type { WatchdogOptions } from '../../../electron/core/supervisor/watchdog';
import { Watchdog } from '../../../electron/core/supervisor/watchdog';

/** What the test passes as the one argument, in JSON. */
export interface WatchdogHostInput {
  guardianScript: string;
  options: WatchdogOptions;
  /** The server script, and one environment per server to start. */
  server: string;
  servers: Record<string, string>[];
}

const input = JSON.parse(process.argv[2] ?? '{}') as WatchdogHostInput;
const say = (line: string) => process.stdout.write(line + '\n');
const watchdog = new Watchdog(
  { execPath: process.execPath, env: {}, guardianScript: input.guardianScript },
  input.options,
);
watchdog.start();
say(`guardian ${watchdog.pid}`);
for (const env of input.servers) {
  const child = nodeSpawner.spawn({
    file: process.execPath,
    args: [input.server],
    env: { ...process.env, ...env, ...watchdog.marker },
    cwd: null,
  });
  watchdog.watch(child.pid!);
  say(`server ${child.pid}`);
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (text: string) => {
    for (const [, kind, pid] of text.matchAll(/(grandchild|daemon) (\d+)/g)) say(`${kind} ${pid}`);
  });
}
// Runs until killed, as a core would.
setInterval(() => undefined, 1 << 30);
