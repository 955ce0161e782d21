// `npm start`: the tray app where Electron can run; otherwise the headless host, saying why.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { findElectronBinary, noDisplayReason } from './electron-binary.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const binary = findElectronBinary(root);
const why = binary.path ? noDisplayReason() : binary.reason;

const [command, commandArgs] =
  why === null
    ? [binary.path, [root, ...args]]
    : [process.execPath, [path.join(root, 'dist', 'cli', 'mcp-tray.mjs'), 'serve', ...args]];
if (why !== null) {
  process.stdout.write(
    `MCP Tray: the tray app can't start here because ${why}; starting the headless host instead.\n`,
  );
}

const child = spawn(command, commandArgs, { stdio: 'inherit', cwd: root });
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => child.kill(signal));
}
child.on('exit', (code, signal) => {
  process.exitCode = code ?? (signal ? 1 : 0);
});
