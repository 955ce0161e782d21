import type { ClientId } from './client-adapter';

/**
 * Where each client's program is found once it is installed. Only the program counts: a config
 * file or settings folder proves nothing (MCP Tray may have created it itself).
 *
 * Sources: each vendor's install docs (macOS bundle names, Windows per-user installers under
 * `%LOCALAPPDATA%\Programs`, Linux `.deb`/`.rpm` desktop files, Flathub ids), and the package
 * names of the CLIs (`@anthropic-ai/claude-code` → `claude`, `@google/gemini-cli` → `gemini`,
 * `@openai/codex` → `codex`).
 */
export interface ClientPrograms {
  /** macOS bundle names, looked for in `/Applications` and `~/Applications`. */
  macApps?: readonly string[];
  /** Windows install folders' program files, relative to `%LOCALAPPDATA%` or `%ProgramFiles%`. */
  windowsPrograms?: readonly { base: 'LOCALAPPDATA' | 'ProgramFiles'; path: readonly string[] }[];
  /** Windows MSIX package family names (a folder under `%LOCALAPPDATA%\Packages`). */
  msixPackages?: readonly string[];
  /** Linux `.desktop` file names (without `.desktop`), matched case-insensitively. */
  desktopFiles?: readonly string[];
  /** Flatpak application ids. */
  flatpakIds?: readonly string[];
  /** AppImage file names start with one of these (case-insensitive), in the usual folders. */
  appImagePrefixes?: readonly string[];
  /** Programs on the login-shell PATH. */
  commands?: readonly string[];
  /** Install locations of the CLI relative to HOME, for installers that do not touch PATH. */
  homePrograms?: readonly (readonly string[])[];
}

/** The program facts of every client. */
export const clientPrograms: Readonly<Record<ClientId, ClientPrograms>> = {
  'claude-desktop': {
    macApps: ['Claude.app'],
    windowsPrograms: [{ base: 'LOCALAPPDATA', path: ['AnthropicClaude', 'claude.exe'] }],
    msixPackages: ['Claude_pzs8sxrjxfjjc'],
    // No official Linux build: community packages (claude-desktop-debian) install these.
    desktopFiles: ['claude-desktop', 'com.anthropic.claude-desktop'],
    appImagePrefixes: ['claude-desktop', 'Claude_Desktop'],
    commands: ['claude-desktop'],
  },
  'claude-code': {
    commands: ['claude'],
    // The native installer puts it in ~/.local/bin; the old local install in ~/.claude/local.
    homePrograms: [
      ['.local', 'bin', 'claude'],
      ['.claude', 'local', 'claude'],
    ],
  },
  cursor: {
    macApps: ['Cursor.app'],
    windowsPrograms: [{ base: 'LOCALAPPDATA', path: ['Programs', 'cursor', 'Cursor.exe'] }],
    desktopFiles: ['cursor', 'co.anysphere.cursor'],
    appImagePrefixes: ['Cursor'],
    commands: ['cursor'],
  },
  vscode: {
    macApps: ['Visual Studio Code.app'],
    windowsPrograms: [
      { base: 'LOCALAPPDATA', path: ['Programs', 'Microsoft VS Code', 'Code.exe'] },
      { base: 'ProgramFiles', path: ['Microsoft VS Code', 'Code.exe'] },
    ],
    desktopFiles: ['code', 'code_code', 'com.visualstudio.code'],
    flatpakIds: ['com.visualstudio.code'],
    commands: ['code'],
  },
  windsurf: {
    macApps: ['Windsurf.app'],
    windowsPrograms: [{ base: 'LOCALAPPDATA', path: ['Programs', 'Windsurf', 'Windsurf.exe'] }],
    desktopFiles: ['windsurf'],
    commands: ['windsurf'],
  },
  'gemini-cli': { commands: ['gemini'] },
  'lm-studio': {
    macApps: ['LM Studio.app'],
    windowsPrograms: [{ base: 'LOCALAPPDATA', path: ['Programs', 'LM Studio', 'LM Studio.exe'] }],
    desktopFiles: ['lm-studio', 'lmstudio'],
    appImagePrefixes: ['LM-Studio', 'LM_Studio'],
    // `lms`, the CLI LM Studio installs into ~/.lmstudio/bin on first run.
    commands: ['lms'],
    homePrograms: [['.lmstudio', 'bin', 'lms']],
  },
  zed: {
    macApps: ['Zed.app'],
    windowsPrograms: [{ base: 'LOCALAPPDATA', path: ['Programs', 'Zed', 'Zed.exe'] }],
    desktopFiles: ['dev.zed.Zed', 'zed'],
    flatpakIds: ['dev.zed.Zed'],
    commands: ['zed', 'zeditor'],
    homePrograms: [['.local', 'zed.app', 'bin', 'zed']],
  },
  codex: { commands: ['codex'] },
};
