import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CommandResolver, readLoginShellPath } from '../supervisor/command-resolver';
import { tempDir } from '../../../test/core/support/temp-dirs';
import { clientAdapters } from './adapters/index';
import type { DetectorDeps } from './client-detector';
import { ClientDetector, nodeDetectorDeps } from './client-detector';

/** A made-up machine: which paths exist, what folders list, which commands are on PATH. */
function fakeMachine(
  platform: NodeJS.Platform,
  home: string,
  {
    existing = [],
    commands = {},
    env = {},
  }: { existing?: string[]; commands?: Record<string, string>; env?: Record<string, string> },
): DetectorDeps {
  const present = new Set(existing);
  return {
    platform,
    home,
    env,
    exists: (file) => present.has(file),
    listDir: () => [],
    readText: () => null,
    isExecutable: (file) => present.has(file),
    findCommand: (name) => Promise.resolve(commands[name] ?? null),
  };
}

async function installedIds(detector: ClientDetector): Promise<string[]> {
  const found: string[] = [];
  for (const adapter of clientAdapters)
    if ((await detector.detect(adapter.id)).installed) found.push(adapter.id);
  return found;
}

describe('ClientDetector on macOS and Windows (injected file system)', () => {
  it('finds macOS app bundles in /Applications and ~/Applications, and nothing from config folders', async () => {
    const mac = fakeMachine('darwin', '/Users/ada', {
      existing: [
        '/Applications/Claude.app',
        '/Users/ada/Applications/Cursor.app',
        // Config folders (ours or left over) prove nothing.
        '/Users/ada/Library/Application Support/Code',
        '/Users/ada/.codeium/windsurf',
        '/Users/ada/.gemini',
      ],
      commands: { codex: '/opt/homebrew/bin/codex' },
    });
    const detector = new ClientDetector(mac);
    expect(await installedIds(detector)).toEqual(['claude-desktop', 'cursor', 'codex']);
    expect(await detector.detect('cursor')).toEqual({
      installed: true,
      evidence: [{ kind: 'app-bundle', path: '/Users/ada/Applications/Cursor.app' }],
    });
  });

  it('finds Windows per-user installs and MSIX packages, not %APPDATA% folders', async () => {
    const env = { LOCALAPPDATA: 'C:\\Users\\ada\\AppData\\Local', ProgramFiles: 'C:\\Program Files' };
    const win = fakeMachine('win32', 'C:\\Users\\ada', {
      env,
      existing: [
        'C:\\Users\\ada\\AppData\\Local\\Packages\\Claude_pzs8sxrjxfjjc',
        'C:\\Program Files\\Microsoft VS Code\\Code.exe',
        'C:\\Users\\ada\\AppData\\Roaming\\Cursor',
        'C:\\Users\\ada\\.local\\bin\\claude.exe',
      ],
    });
    const detector = new ClientDetector(win);
    expect(await installedIds(detector)).toEqual(['claude-desktop', 'claude-code', 'vscode']);
    expect((await detector.detect('claude-desktop')).evidence).toEqual([
      { kind: 'msix-package', path: 'C:\\Users\\ada\\AppData\\Local\\Packages\\Claude_pzs8sxrjxfjjc' },
    ]);
  });
});

function writeFile(file: string, text: string, mode = 0o644): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text, { mode });
}

describe('ClientDetector on Linux (real files, real executables, real login shell)', () => {
  it.skipIf(process.platform !== 'linux')(
    'finds CLIs on the login-shell PATH, desktop files whose program exists, AppImages and Flatpaks',
    async () => {
      const home = tempDir('mcp-tray-detect-');
      const tools = path.join(home, 'tools');
      // `claude` only on the PATH the user's ~/.profile builds: not in this process's PATH.
      writeFile(path.join(tools, 'claude'), '#!/bin/sh\necho claude\n', 0o755);
      writeFile(path.join(home, '.profile'), `PATH="${tools}:$PATH"\nexport PATH\n`);
      // `gemini` on the inherited PATH; `codex` there too but not executable: not a program.
      const bin = path.join(home, 'bin');
      writeFile(path.join(bin, 'gemini'), '#!/bin/sh\n', 0o755);
      writeFile(path.join(bin, 'codex'), 'not a program\n', 0o644);
      const apps = path.join(home, '.local', 'share', 'applications');
      writeFile(path.join(apps, 'cursor.desktop'), '[Desktop Entry]\nExec=/usr/share/cursor/cursor %F\n');
      // A desktop file left behind by an AppImage the user deleted.
      writeFile(
        path.join(apps, 'appimagekit_0123abcd-windsurf.desktop'),
        `[Desktop Entry]\nExec="${home}/Applications/Windsurf.AppImage" %U\n`,
      );
      writeFile(path.join(home, 'Applications', 'LM-Studio-0.3.30-x64.AppImage'), 'ELF', 0o755);
      fs.mkdirSync(path.join(home, '.local', 'share', 'flatpak', 'app', 'dev.zed.Zed'), { recursive: true });
      // Config files MCP Tray (or anyone) wrote: none of them counts.
      writeFile(path.join(home, '.config', 'Claude', 'claude_desktop_config.json'), '{"mcpServers":{}}');
      writeFile(path.join(home, '.config', 'Code', 'User', 'mcp.json'), '{"servers":{}}');
      writeFile(path.join(home, '.codex', 'config.toml'), '');

      const env = {
        HOME: home,
        PATH: `${bin}:/usr/bin:/bin`,
        SHELL: '/bin/bash',
        XDG_DATA_DIRS: path.join(home, 'share'),
      };
      const resolver = new CommandResolver({
        platform: 'linux',
        env,
        loginShellPath: () => readLoginShellPath({ shell: '/bin/bash', env }),
      });
      const detector = new ClientDetector(
        nodeDetectorDeps({
          platform: 'linux',
          home,
          env,
          findCommand: (name) => resolver.which(name),
          isExecutable: (file) => resolver.canRun(file),
        }),
      );
      // /usr/share/cursor/cursor does not exist here: a desktop file for a missing program is stale.
      expect(fs.existsSync('/usr/share/cursor/cursor')).toBe(false);
      expect(await installedIds(detector)).toEqual(['claude-code', 'gemini-cli', 'lm-studio', 'zed']);
      expect((await detector.detect('claude-code')).evidence).toEqual([
        { kind: 'command', path: path.join(tools, 'claude') },
      ]);
      expect((await detector.detect('lm-studio')).evidence).toEqual([
        { kind: 'appimage', path: path.join(home, 'Applications', 'LM-Studio-0.3.30-x64.AppImage') },
      ]);
      expect((await detector.detect('zed')).evidence[0]?.kind).toBe('flatpak');

      // Once the program behind the desktop file exists, Cursor counts.
      const cursorBin = path.join(home, 'opt', 'cursor');
      writeFile(cursorBin, '#!/bin/sh\n', 0o755);
      writeFile(path.join(apps, 'cursor.desktop'), `[Desktop Entry]\nName=Cursor\nExec=${cursorBin} %F\n`);
      expect(await detector.detect('cursor')).toEqual({
        installed: true,
        evidence: [{ kind: 'desktop-file', path: path.join(apps, 'cursor.desktop') }],
      });
    },
  );
});
