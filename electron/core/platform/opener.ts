import type { Logger } from './logger';

/** Opens a URL in the user's browser (Electron: `shell.openExternal`). */
export interface Opener {
  openExternal(url: string): Promise<void>;
}

/** Only http(s) URLs are ever handed to the system. */
export function assertOpenableUrl(url: string): void {
  const { protocol } = new URL(url);
  if (protocol !== 'https:' && protocol !== 'http:') {
    throw new Error(`Refusing to open a ${protocol} URL`);
  }
}

/** Headless opener: uses the desktop's handler via `open`, or prints the URL when told to. */
export class NodeOpener implements Opener {
  constructor(
    private readonly logger: Logger,
    private readonly print: ((url: string) => void) | null = null,
  ) {}

  async openExternal(url: string): Promise<void> {
    assertOpenableUrl(url);
    if (this.print) {
      this.print(url);
      return;
    }
    const { default: open } = await import('open');
    const child = await open(url);
    child.on('error', (error) => this.logger.warn('could not open browser', { error: String(error) }));
  }
}
