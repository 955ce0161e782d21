import path from 'node:path';
import { Menu, Tray, app, nativeImage } from 'electron';
import type { ShellContext } from './shell-context';

/** A minimal tray (open, quit); health indicators come with the tray issue. */
export function setupTray(ctx: ShellContext, showWindow: () => void): Tray {
  const icon = nativeImage.createFromPath(path.join(ctx.distDir, '..', 'resources', 'tray', 'idle.png'));
  const tray = new Tray(icon);
  tray.setToolTip('MCP Tray');
  tray.setContextMenu(
    Menu.buildFromTemplate([
      { label: 'Open MCP Tray', click: showWindow },
      { type: 'separator' },
      { label: 'Quit', click: () => app.quit() },
    ]),
  );
  tray.on('click', showWindow);
  return tray;
}
