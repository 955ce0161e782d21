import path from 'node:path';

/** Where a platform keeps what a server must never read, relative to the user's home. */
export interface SecretPathsInput {
  platform: NodeJS.Platform;
  home: string;
  /** Config files of the AI clients MCP Tray knows (their adapters' paths on this machine). */
  clientConfigs: string[];
}

// Credentials of developer tools: the same on every platform.
const TOOL_SECRETS = ['.ssh', '.aws', '.gnupg', '.config/gcloud', '.kube', '.docker/config.json', '.netrc'];
const MORE_TOOL_SECRETS = ['.git-credentials', '.config/gh/hosts.yml', '.npmrc', '.pypirc', '.azure'];

// Browser profiles (cookies, saved passwords), password managers and keyrings, per platform.
const LINUX = [
  '.mozilla',
  '.config/google-chrome',
  '.config/chromium',
  '.config/BraveSoftware',
  '.config/microsoft-edge',
  '.config/vivaldi',
  '.config/opera',
  '.local/share/keyrings',
  '.local/share/kwalletd',
  '.password-store',
  '.config/1Password',
  '.config/Bitwarden',
  '.config/keepassxc',
];
const MACOS = [
  'Library/Keychains',
  'Library/Cookies',
  'Library/Safari',
  'Library/Application Support/Google/Chrome',
  'Library/Application Support/Chromium',
  'Library/Application Support/Firefox',
  'Library/Application Support/BraveSoftware',
  'Library/Application Support/Microsoft Edge',
  'Library/Application Support/Arc',
  'Library/Group Containers/2BUA8C4S2C.com.1password',
  'Library/Application Support/1Password',
  'Library/Application Support/Bitwarden',
  '.password-store',
];
const WINDOWS = [
  'AppData/Local/Google/Chrome/User Data',
  'AppData/Local/Microsoft/Edge/User Data',
  'AppData/Local/BraveSoftware',
  'AppData/Roaming/Mozilla',
  'AppData/Roaming/Microsoft/Credentials',
  'AppData/Local/Microsoft/Credentials',
  'AppData/Roaming/Microsoft/Protect',
  'AppData/Roaming/Bitwarden',
  'AppData/Local/1Password',
];

// AI clients' own folders, besides the config files their adapters name (tokens, sessions).
const AI_CLIENTS = ['.claude', '.claude.json', '.cursor', '.codex', '.gemini', '.codeium', '.lmstudio'];

/**
 * Every path a sandboxed server is denied reading, absolute: developer credentials, browser
 * profiles, password managers and keyrings, other AI clients' configs. MCP Tray's own data
 * folder is added by the caller (with the instance's folder carved out).
 */
export function secretPaths(input: SecretPathsInput): string[] {
  const join = input.platform === 'win32' ? path.win32.join : path.posix.join;
  const own = input.platform === 'darwin' ? MACOS : input.platform === 'win32' ? WINDOWS : LINUX;
  const relative = [...TOOL_SECRETS, ...MORE_TOOL_SECRETS, ...own, ...AI_CLIENTS];
  const all = [...relative.map((p) => join(input.home, p)), ...input.clientConfigs];
  return [...new Set(all)];
}
