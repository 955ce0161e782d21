import fs from 'node:fs';
import path from 'node:path';

/**
 * Where the Electron binary is, without requiring the `electron` package: requiring it starts
 * a download when the binary is missing, which must never happen in tests or `npm start`.
 * @param {string} root project folder
 * @returns {{ path: string | null, reason: string }}
 */
export function findElectronBinary(root = process.cwd()) {
  const pkgDir = path.join(root, 'node_modules', 'electron');
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  if (override && fs.existsSync(path.join(override, 'electron'))) {
    return { path: path.join(override, 'electron'), reason: 'ELECTRON_OVERRIDE_DIST_PATH' };
  }
  const pathFile = path.join(pkgDir, 'path.txt');
  if (!fs.existsSync(pathFile)) {
    return {
      path: null,
      reason: 'the Electron binary is not installed (its download needs the internet and was skipped)',
    };
  }
  const binary = path.join(pkgDir, 'dist', fs.readFileSync(pathFile, 'utf8').trim());
  if (!fs.existsSync(binary)) return { path: null, reason: `the Electron binary ${binary} is missing` };
  return { path: binary, reason: 'installed' };
}

/**
 * Why a desktop window cannot open here, or null when it can.
 * @returns {string | null}
 */
export function noDisplayReason() {
  if (process.platform !== 'linux') return null;
  if (process.env.DISPLAY || process.env.WAYLAND_DISPLAY) return null;
  return 'there is no graphical display (DISPLAY and WAYLAND_DISPLAY are unset)';
}
