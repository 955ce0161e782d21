// Child-process entry: runs a built main bundle under the Electron double (electron-double.ts).
// Usage (after esbuild): node harness.cjs <bundle> [app args…]; talks to its parent over IPC.
import fs from 'node:fs';
import Module, { register } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { createElectronDouble } from './electron-double';
import type { HarnessMessage, HarnessCommand } from './harness-protocol';

const [bundle, ...appArgs] = process.argv.slice(2);
if (!bundle) throw new Error('usage: harness <bundle> [args…]');

const send = (message: HarnessMessage, then?: () => void) => {
  if (process.send) process.send(message, undefined, undefined, () => then?.());
  else then?.();
};

// What Electron gives a development app: [electron, app folder, …switches].
const argv = [process.execPath, path.dirname(path.dirname(bundle)), ...appArgs];
process.argv = argv;
const double = createElectronDouble({
  argv,
  exit: (code) => send({ type: 'exit', code, state: double.state }, () => process.exit(code)),
});

// CommonJS bundles `require('electron')`.
type Loader = (request: string, parent: unknown, isMain: boolean) => unknown;
const modules = Module as unknown as { _load: Loader };
const load = modules._load;
modules._load = function (request, parent, isMain) {
  if (request === 'electron') return double.exports;
  return load.call(this, request, parent, isMain);
};

// An ESM entry `import`s it: resolve `electron` to a module re-exporting the double.
function registerEsmElectron(): void {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'electron-double-'));
  const stub = path.join(dir, 'electron.mjs');
  const names = Object.keys(double.exports);
  fs.writeFileSync(
    stub,
    `const e = globalThis.__electronDouble;\nexport default e;\n` +
      names.map((n) => `export const ${n} = e.${n};`).join('\n'),
  );
  (globalThis as Record<string, unknown>).__electronDouble = double.exports;
  const hooks = `export async function resolve(s, c, next) {
    return s === 'electron' ? { url: ${JSON.stringify(pathToFileURL(stub).href)}, shortCircuit: true } : next(s, c);
  }`;
  register(`data:text/javascript,${encodeURIComponent(hooks)}`);
}

process.on('message', (command: HarnessCommand) => {
  if (command.cmd === 'state') send({ type: 'state', state: double.state });
  if (command.cmd === 'quit') double.quit();
});
process.on('uncaughtException', (error) => {
  send({ type: 'crash', error: String(error.stack ?? error) }, () => process.exit(70));
});
process.on('unhandledRejection', (error) => {
  send({ type: 'crash', error: String(error instanceof Error ? error.stack : error) }, () =>
    process.exit(70),
  );
});

async function evaluate(): Promise<void> {
  if (bundle!.endsWith('.mjs')) {
    registerEsmElectron();
    await import(pathToFileURL(bundle!).href);
  } else {
    // A CommonJS entry evaluates synchronously, as Electron loads it.
    const require = Module.createRequire(bundle!);
    require(bundle!);
  }
}

evaluate().then(
  () => {
    send({ type: 'evaluated' });
    // Electron emits `ready` only once the entry module has finished evaluating.
    setImmediate(() => {
      double.emitReady();
      send({ type: 'ready' });
    });
  },
  (error: unknown) => {
    send({ type: 'crash', error: String(error instanceof Error ? error.stack : error) }, () =>
      process.exit(70),
    );
  },
);
