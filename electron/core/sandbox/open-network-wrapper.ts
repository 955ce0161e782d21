import { Worker } from 'node:worker_threads';

/** What the worker is asked: wrap `command` with these filesystem rules, no network rules. */
interface WrapMessage {
  seq: number;
  command: string;
  filesystem: Record<string, unknown>;
  cwd: string | undefined;
}

// Runs in a worker thread: a second, never-initialized copy of the library. An initialized
// SandboxManager (ours, in the main thread, for strict instances) applies its network allow list
// to every command it wraps; an uninitialized one wraps with filesystem rules only and no network
// namespace, which is what an open network means. Worker threads have their own module graph, so
// the two copies share no state.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const lib = import(workerData.libraryUrl);
parentPort.on('message', async (m) => {
  try {
    const { SandboxManager } = await lib;
    const w = await SandboxManager.wrapWithSandboxArgv(m.command, undefined, { filesystem: m.filesystem }, undefined, m.cwd);
    parentPort.postMessage({ seq: m.seq, argv: w.argv });
  } catch (error) {
    parentPort.postMessage({ seq: m.seq, error: String(error && error.message || error) });
  }
});
`;

/**
 * Wraps commands for instances whose network is open, in a worker thread that holds its own
 * copy of @anthropic-ai/sandbox-runtime. Started on first use; `close` ends it.
 */
export class OpenNetworkWrapper {
  private worker: Worker | null = null;
  private seq = 0;
  private readonly pending = new Map<
    number,
    { resolve: (argv: string[]) => void; reject: (e: Error) => void }
  >();

  constructor(private readonly libraryUrl: string) {}

  /** The argv that runs `command` (one shell-quoted line) in the sandbox without network rules. */
  wrap(command: string, filesystem: Record<string, unknown>, cwd: string | undefined): Promise<string[]> {
    const worker = this.start();
    const seq = ++this.seq;
    return new Promise((resolve, reject) => {
      this.pending.set(seq, { resolve, reject });
      worker.postMessage({ seq, command, filesystem, cwd } satisfies WrapMessage);
    });
  }

  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = null;
    if (worker) await worker.terminate();
  }

  private start(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { libraryUrl: this.libraryUrl } });
    // The worker must not keep the process alive; only pending wraps do, through their promises.
    worker.unref();
    worker.on('message', (m: { seq: number; argv?: string[]; error?: string }) => {
      const waiter = this.pending.get(m.seq);
      this.pending.delete(m.seq);
      if (m.argv) waiter?.resolve(m.argv);
      else waiter?.reject(new Error(m.error ?? 'the sandbox could not wrap the command'));
    });
    worker.on('error', (error) => this.failAll(error));
    worker.on('exit', () => {
      if (this.worker === worker) this.worker = null;
      this.failAll(new Error('the sandbox worker stopped'));
    });
    this.worker = worker;
    return worker;
  }

  private failAll(error: Error): void {
    for (const waiter of this.pending.values()) waiter.reject(error);
    this.pending.clear();
  }
}
