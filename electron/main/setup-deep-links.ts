import path from 'node:path';
import type { App } from 'electron';
import type { LaunchArgs } from '../core/platform/launch-args';
import { DEEP_LINK_SCHEME } from '../shared/deep-link';
import { eventChannel } from '../shared/ipc-channels';
import type { ShellContext } from './shell-context';
import type { PreventableEvent, ShellWindow } from './setup-window';

/** The parts of Electron's `app` that receive links. */
export interface DeepLinkApp extends Pick<
  App,
  'isPackaged' | 'isDefaultProtocolClient' | 'setAsDefaultProtocolClient'
> {
  on(event: 'open-url', listener: (event: PreventableEvent, url: string) => void): unknown;
}

/** What the inbox hands its messages to, once the core and window exist. */
export interface InboxHandler {
  open(url: string): void;
  focus(): void;
}

/**
 * Holds `mcp-tray://` links and second launches that arrive before the core and window exist
 * (macOS sends `open-url` before `ready`; a second launch can come at any time).
 */
export class DeepLinkInbox {
  private readonly pending: string[] = [];
  private handler: InboxHandler | null = null;

  /** An install link from the OS. */
  receive(url: string): void {
    if (this.handler) this.handler.open(url);
    // A handful is plenty; a flood of links before start-up is not worth keeping.
    else if (this.pending.length < 5) this.pending.push(url);
  }

  /** Another launch of the app: open its link, or else bring the window forward. */
  secondLaunch(launch: LaunchArgs): void {
    if (launch.deepLink) this.receive(launch.deepLink);
    // Before start-up finishes the window is about to open anyway.
    else this.handler?.focus();
  }

  /** From now on messages go to `handler`; the ones held so far go first. */
  attach(handler: InboxHandler): void {
    this.handler = handler;
    for (const url of this.pending.splice(0)) handler.open(url);
  }
}

/**
 * Listens for install links from the start: macOS's `open-url` (it may fire before `ready`) and
 * the link Windows and Linux put on the first launch's command line. Registers the app as the
 * `mcp-tray:` handler when packaged (a development build would steal it from an installed app;
 * use `mcp-tray open <link>` there).
 */
export function registerDeepLinks(launch: LaunchArgs, app: DeepLinkApp): DeepLinkInbox {
  const inbox = new DeepLinkInbox();
  app.on('open-url', (event, url) => {
    event.preventDefault();
    inbox.receive(url);
  });
  if (launch.deepLink) inbox.receive(launch.deepLink);
  if (app.isPackaged && !app.isDefaultProtocolClient(DEEP_LINK_SCHEME)) {
    app.setAsDefaultProtocolClient(DEEP_LINK_SCHEME);
  } else if (process.env.MCP_TRAY_REGISTER_PROTOCOL === '1' && process.argv[1]) {
    app.setAsDefaultProtocolClient(DEEP_LINK_SCHEME, process.execPath, [path.resolve(process.argv[1])]);
  }
  return inbox;
}

/**
 * Links go to the core (`DeepLinkService`), which parses them and announces `installRequested`
 * (or posts a notice saying why a link was refused). Whatever opened the link (the OS, `mcp-tray
 * open`, a UI), the shell shows the window and hands the request to the page once it has loaded.
 */
export function setupDeepLinks(
  ctx: ShellContext,
  window: Pick<ShellWindow, 'deliver' | 'show'>,
  inbox: DeepLinkInbox,
): void {
  const { core, deps } = ctx.running;
  core.bus.on('installRequested', (payload) => {
    window
      .deliver(eventChannel('installRequested'), payload)
      .catch((error: unknown) =>
        deps.logger.error('could not show the install request', { error: String(error) }),
      );
  });
  inbox.attach({
    open: (url) => {
      try {
        core.services.deepLinks.open(url);
      } catch {
        // Refused: the notice in the window says why.
        window.show();
      }
    },
    focus: () => window.show(),
  });
}
