import { UserFacingError } from '../rpc/errors';

/** Stops this core on request (`mcp-tray quit`): the host that runs it does the stopping. */
export class LifecycleService {
  constructor(
    private readonly onQuit: (() => void) | null,
    private readonly pid: number,
  ) {}

  /**
   * Asks the host to stop: servers are stopped, the socket closed and the data folder released,
   * as on Ctrl+C or the tray's Quit. The answer goes out first (the stop starts on the next turn).
   */
  quit(): { stopping: true; pid: number } {
    const onQuit = this.onQuit;
    if (!onQuit) throw new UserFacingError('unsupported', 'This MCP Tray cannot be stopped from outside.');
    setImmediate(onQuit);
    return { stopping: true, pid: this.pid };
  }
}
