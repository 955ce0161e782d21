import fs from 'node:fs';
import path from 'node:path';
import type { PermissionLevel, PermissionProfile } from '../../shared/permissions-contract';
import type { InstanceConfig } from '../settings/settings-schema';

// The API hosts our built-in servers call (each server's README names them). The core, not the
// server, refreshes tokens, so the sign-in hosts are not needed inside the sandbox.
const BUILT_IN_HOSTS: Record<string, string[]> = {
  github: ['api.github.com'],
  gmail: ['gmail.googleapis.com'],
  'google-calendar': ['www.googleapis.com'],
  notion: ['api.notion.com'],
};

/** The hosts of URL-valued settings (an API address the user changed, e.g. GitHub Enterprise). */
function hostsOfSettings(userConfig: InstanceConfig['userConfig']): string[] {
  const hosts: string[] = [];
  for (const value of Object.values(userConfig)) {
    if (typeof value !== 'string' || !/^https?:\/\//.test(value)) continue;
    try {
      hosts.push(new URL(value).host.toLowerCase());
    } catch {
      // Not a URL after all: nothing to allow.
    }
  }
  return hosts;
}

/** Folder arguments of a command (a filesystem server's roots): absolute, existing folders. */
export function folderArguments(args: readonly string[]): string[] {
  return args.filter((arg) => {
    if (!path.isAbsolute(arg) || arg.split(/[\\/]/).includes('..')) return false;
    try {
      return fs.statSync(arg).isDirectory();
    } catch {
      return false;
    }
  });
}

/**
 * The profile a new instance gets (issue 15 defaults): built-in integrations are strict with
 * their API hosts; registry, curated, bundle and custom servers are standard; folders given as
 * arguments become write grants. `level` overrides the default level (`add --sandbox`).
 */
export function defaultProfile(
  config: Pick<InstanceConfig, 'integrationId' | 'userConfig' | 'launch'>,
  builtIn: boolean,
  level?: PermissionLevel,
): PermissionProfile {
  const hosts = builtIn
    ? [...new Set([...(BUILT_IN_HOSTS[config.integrationId] ?? []), ...hostsOfSettings(config.userConfig)])]
    : [];
  return {
    level: level ?? (builtIn ? 'strict' : 'standard'),
    allowRead: [],
    allowWrite: folderArguments(config.launch?.args ?? []),
    allowNet: hosts,
  };
}

/** What instances that existed before sandboxing get: they keep running as they did, visibly. */
export const LEGACY_PROFILE: PermissionProfile = {
  level: 'none',
  allowRead: [],
  allowWrite: [],
  allowNet: [],
  note: 'Added before MCP Tray could sandbox servers; choose a level to turn the sandbox on.',
};
