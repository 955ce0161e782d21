import path from 'node:path';
import type { PermissionProfile } from '../../shared/permissions-contract';
import { secretPaths } from './secret-paths';

/** Where one instance lives and what the machine looks like, for its sandbox settings. */
export interface SandboxContext {
  platform: NodeJS.Platform;
  home: string;
  /** MCP Tray's data folder: denied, except this instance's own folder. */
  dataDir: string;
  /** This instance's folder under the data folder: readable and writable. */
  instanceDir: string;
  tmpDir: string;
  /** AI clients' config files (denied). */
  clientConfigs: string[];
  /** Folders the server's own files live in when they are under the data folder (bundles). */
  programDirs: string[];
}

/**
 * The settings handed to @anthropic-ai/sandbox-runtime for one instance (its `filesystem`
 * and `network` keys). `network: null` means the network is open: the command is wrapped
 * without a network namespace. Pure, so the macOS and Windows forms are unit-tested here too.
 */
export interface InstanceSandboxSettings {
  filesystem: { denyRead: string[]; allowRead: string[]; allowWrite: string[]; denyWrite: string[] };
  network: { allowedDomains: string[] } | null;
}

/** Builds the settings for a sandboxed profile (`level` is `standard` or `strict`). */
export function sandboxSettings(profile: PermissionProfile, ctx: SandboxContext): InstanceSandboxSettings {
  const denyRead = [
    ...secretPaths({ platform: ctx.platform, home: ctx.home, clientConfigs: ctx.clientConfigs }),
    ctx.dataDir,
  ];
  // Most specific wins in the library: these re-open paths inside a denied area.
  const allowRead = unique([
    ctx.instanceDir,
    ...ctx.programDirs,
    ...profile.allowRead,
    ...profile.allowWrite,
  ]);
  const allowWrite = unique([ctx.instanceDir, ctx.tmpDir, ...profile.allowWrite]);
  // Writes into a folder that a read deny covers would re-expose it; the library keeps the deny.
  const denyWrite = denyRead.filter((p) => !allowWrite.some((w) => isInside(w, p)));
  return {
    filesystem: { denyRead, allowRead, allowWrite, denyWrite: unique(denyWrite) },
    network: profile.level === 'strict' ? { allowedDomains: unique(profile.allowNet) } : null,
  };
}

/** Whether `child` is `parent` or inside it (plain string paths, already absolute). */
function isInside(child: string, parent: string): boolean {
  const rel = path.relative(parent, child);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

const unique = (items: string[]): string[] => [...new Set(items)];
