import os from 'node:os';
import path from 'node:path';

// Unix socket paths are limited to ~104 bytes (macOS) / 108 (Linux).
const MAX_SOCKET_PATH = 100;

/**
 * Where the core listens for local clients (CLI, connector): a Unix socket in the 0700 run
 * folder, or, when that path is too long, in a per-user 0700 folder under the temp dir; a
 * named pipe on Windows. Derived from the data folder so each instance has its own.
 */
export function controlSocketPath(
  dataDir: string,
  runDir: string,
  platform: NodeJS.Platform = process.platform,
): { path: string; dir: string | null } {
  // Only hashed when needed: loading node:crypto was a tenth of a short CLI command's start.
  const hash = () =>
    process
      .getBuiltinModule('node:crypto')
      .createHash('sha256')
      .update(path.resolve(dataDir))
      .digest('hex')
      .slice(0, 16);
  if (platform === 'win32') return { path: `\\\\.\\pipe\\mcp-tray-${hash()}`, dir: null };
  const preferred = path.join(runDir, 'core.sock');
  if (preferred.length <= MAX_SOCKET_PATH) return { path: preferred, dir: runDir };
  const uid = typeof process.getuid === 'function' ? process.getuid() : 'user';
  const dir = path.join(os.tmpdir(), `mcp-tray-${uid}`);
  return { path: path.join(dir, `${hash()}.sock`), dir };
}
