import type { Logger } from './logger';

/** The line a guarded process logs for an error nothing else handled (tests look for it). */
export const UNEXPECTED_ERROR = 'unexpected error; the core keeps serving';

/**
 * Keeps a long-running host (the headless host, the tray app) serving its other sessions when one
 * of them hits an error nothing handled: the error is logged with its stack and counted, never
 * swallowed in silence. With `MCP_TRAY_CRASH_ON_UNEXPECTED=1` (the test suite sets it) the
 * process exits instead, so a test cannot pass over one.
 */
export class ProcessGuard {
  private count = 0;

  constructor(
    private readonly logger: Logger,
    private readonly env: NodeJS.ProcessEnv = process.env,
    private readonly exit: (code: number) => void = (code) => process.exit(code),
  ) {}

  /** Errors caught so far. */
  get caught(): number {
    return this.count;
  }

  install(target: NodeJS.EventEmitter = process): () => void {
    const onError = (error: unknown) => this.handle(error);
    target.on('uncaughtException', onError);
    target.on('unhandledRejection', onError);
    return () => {
      target.off('uncaughtException', onError);
      target.off('unhandledRejection', onError);
    };
  }

  handle(error: unknown): void {
    this.count++;
    const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
    this.logger.error(UNEXPECTED_ERROR, { error: detail, count: this.count });
    if (this.env.MCP_TRAY_CRASH_ON_UNEXPECTED === '1') this.exit(70);
  }
}
