import { Worker } from 'node:worker_threads';

/** What the library says of this machine: supported at all, and which programs are missing. */
export type DependencyAnswer =
  { kind: 'answered'; supported: boolean; errors: string[] } | { kind: 'failed'; message: string };

// Runs in a worker thread: loading the library (and the TLS code it brings) takes a few hundred
// ms of CPU, and its dependency check finds programs with synchronous `which` and `bwrap
// --version` runs. On the core's own thread that stalled every call in flight for about half a
// second; here it runs beside it.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
(async () => {
  try {
    const { SandboxManager } = await import(workerData.libraryUrl);
    if (!SandboxManager.isSupportedPlatform()) return parentPort.postMessage({ kind: 'answered', supported: false, errors: [] });
    const deps = await SandboxManager.checkDependenciesAsync();
    parentPort.postMessage({ kind: 'answered', supported: true, errors: deps.errors.map(String) });
  } catch (error) {
    parentPort.postMessage({ kind: 'failed', message: String((error && error.message) || error) });
  }
})();
`;

/** The library's platform and dependency check, in a worker thread that ends with its answer. */
export function checkDependencies(libraryUrl: string): Promise<DependencyAnswer> {
  return new Promise((resolve) => {
    const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { libraryUrl } });
    worker.unref();
    let answered = false;
    const settle = (answer: DependencyAnswer) => {
      if (answered) return;
      answered = true;
      resolve(answer);
      void worker.terminate();
    };
    worker.once('message', (answer: DependencyAnswer) => settle(answer));
    worker.once('error', (error) => settle({ kind: 'failed', message: error.message }));
    worker.once('exit', (code) => settle({ kind: 'failed', message: `the check stopped (exit ${code})` }));
  });
}
