import fs from 'node:fs';
import path from 'node:path';

/**
 * Installs a stand-in Claude Desktop in a test HOME the way the Linux community packages do: a
 * launcher on a PATH folder inside HOME and its `.desktop` file. Returns the env a served core
 * needs to find it (HOME, XDG data folder, PATH).
 */
export function installClaudeDesktop(home: string): NodeJS.ProcessEnv {
  const bin = path.join(home, '.local', 'bin');
  const program = path.join(bin, 'claude-desktop');
  fs.mkdirSync(bin, { recursive: true });
  fs.writeFileSync(program, '#!/bin/sh\nexit 0\n', { mode: 0o755 });
  const apps = path.join(home, '.local', 'share', 'applications');
  fs.mkdirSync(apps, { recursive: true });
  fs.writeFileSync(
    path.join(apps, 'claude-desktop.desktop'),
    `[Desktop Entry]\nType=Application\nName=Claude\nExec=${program} %u\n`,
  );
  return { HOME: home, XDG_DATA_HOME: path.join(home, '.local', 'share') };
}
