import path from 'node:path';
import type { AdapterContext } from '../client-adapter';

/**
 * Path helpers that follow the injected platform, not the host's: a Windows path is built with
 * backslashes even when the tests run on Linux.
 */
export function pathsFor(ctx: Pick<AdapterContext, 'platform'>): path.PlatformPath {
  return ctx.platform === 'win32' ? path.win32 : path.posix;
}

/** `join` for the context's platform. */
export function joinFor(ctx: Pick<AdapterContext, 'platform'>, ...parts: string[]): string {
  return pathsFor(ctx).join(...parts);
}

/** An environment variable holding an absolute path, else null (relative values are ignored). */
export function envPath(ctx: AdapterContext, name: string): string | null {
  const value = ctx.env[name];
  return value && pathsFor(ctx).isAbsolute(value) ? value : null;
}

/** `%APPDATA%` (Roaming). */
export function roamingAppData(ctx: AdapterContext): string {
  return envPath(ctx, 'APPDATA') ?? joinFor(ctx, ctx.home, 'AppData', 'Roaming');
}

/** `%LOCALAPPDATA%`. */
export function localAppData(ctx: AdapterContext): string {
  return envPath(ctx, 'LOCALAPPDATA') ?? joinFor(ctx, ctx.home, 'AppData', 'Local');
}

/** `$XDG_CONFIG_HOME`, else `~/.config` (the XDG spec ignores relative values). */
export function xdgConfigHome(ctx: AdapterContext): string {
  return envPath(ctx, 'XDG_CONFIG_HOME') ?? joinFor(ctx, ctx.home, '.config');
}

/** `~/Library/Application Support` on macOS. */
function macAppSupport(ctx: AdapterContext): string {
  return joinFor(ctx, ctx.home, 'Library', 'Application Support');
}

/**
 * The per-user settings folder Electron-style apps use: `~/Library/Application Support/<name>`,
 * `%APPDATA%\<name>`, or `$XDG_CONFIG_HOME/<name>`.
 */
export function appConfigDir(ctx: AdapterContext, name: string): string {
  if (ctx.platform === 'darwin') return joinFor(ctx, macAppSupport(ctx), name);
  if (ctx.platform === 'win32') return joinFor(ctx, roamingAppData(ctx), name);
  return joinFor(ctx, xdgConfigHome(ctx), name);
}
