import { FilesystemConfigSchema, NetworkConfigSchema } from '@anthropic-ai/sandbox-runtime';
import { describe, expect, it } from 'vitest';
import type { PermissionProfile } from '../../shared/permissions-contract';
import { sandboxSettings } from './sandbox-settings';
import type { SandboxContext } from './sandbox-settings';

const profile = (p: Partial<PermissionProfile>): PermissionProfile => ({
  level: 'standard',
  allowRead: [],
  allowWrite: [],
  allowNet: [],
  ...p,
});

const CONTEXTS: Record<'linux' | 'macos' | 'windows', SandboxContext> = {
  linux: {
    platform: 'linux',
    home: '/home/ada',
    dataDir: '/home/ada/.config/mcp-tray',
    instanceDir: '/home/ada/.config/mcp-tray/instances/notes',
    tmpDir: '/tmp',
    clientConfigs: ['/home/ada/.config/Claude/claude_desktop_config.json'],
    programDirs: [],
  },
  macos: {
    platform: 'darwin',
    home: '/Users/ada',
    dataDir: '/Users/ada/Library/Application Support/MCP Tray',
    instanceDir: '/Users/ada/Library/Application Support/MCP Tray/instances/notes',
    tmpDir: '/var/folders/xy/T',
    clientConfigs: ['/Users/ada/Library/Application Support/Claude/claude_desktop_config.json'],
    programDirs: ['/Users/ada/Library/Application Support/MCP Tray/bundles/notes'],
  },
  windows: {
    platform: 'win32',
    home: 'C:\\Users\\ada',
    dataDir: 'C:\\Users\\ada\\AppData\\Roaming\\MCP Tray',
    instanceDir: 'C:\\Users\\ada\\AppData\\Roaming\\MCP Tray\\instances\\notes',
    tmpDir: 'C:\\Users\\ada\\AppData\\Local\\Temp',
    clientConfigs: ['C:\\Users\\ada\\AppData\\Roaming\\Claude\\claude_desktop_config.json'],
    programDirs: [],
  },
};

// Linux runs for real in sandbox-e2e.test.ts; macOS (Seatbelt) and Windows are covered here only,
// by the settings MCP Tray generates and the library's own schema accepting them.
describe.each(Object.entries(CONTEXTS))('sandbox settings on %s', (_name, ctx) => {
  it('denies secret stores, other AI clients and MCP Tray’s data, but opens the instance’s own folder', () => {
    const { filesystem } = sandboxSettings(profile({}), ctx);
    const sep = ctx.platform === 'win32' ? '\\' : '/';
    const home = (p: string) => `${ctx.home}${sep}${p.split('/').join(sep)}`;
    for (const secret of [
      '.ssh',
      '.aws',
      '.gnupg',
      '.config/gcloud',
      '.kube',
      '.docker/config.json',
      '.netrc',
    ]) {
      expect(filesystem.denyRead).toContain(home(secret));
    }
    expect(filesystem.denyRead).toContain(ctx.clientConfigs[0]);
    expect(filesystem.denyRead).toContain(ctx.dataDir);
    expect(filesystem.allowRead).toContain(ctx.instanceDir);
    expect(filesystem.allowRead).toEqual(expect.arrayContaining(ctx.programDirs));
    expect(filesystem.allowWrite).toEqual([ctx.instanceDir, ctx.tmpDir]);
    expect(FilesystemConfigSchema.safeParse(filesystem).success).toBe(true);
  });

  it('browser profiles and keyrings are denied too', () => {
    const { filesystem } = sandboxSettings(profile({}), ctx);
    const browsers = filesystem.denyRead.filter((p) => /chrome|firefox|mozilla/i.test(p));
    const keyrings = filesystem.denyRead.filter((p) => /keyring|keychain|1password|credentials/i.test(p));
    expect(browsers.length).toBeGreaterThan(0);
    expect(keyrings.length).toBeGreaterThan(0);
  });

  it('standard leaves the network open; strict allows exactly the listed hosts', () => {
    expect(sandboxSettings(profile({ allowNet: ['api.github.com'] }), ctx).network).toBeNull();
    const strict = sandboxSettings(
      profile({ level: 'strict', allowNet: ['api.github.com', '*.example.com'] }),
      ctx,
    );
    expect(strict.network).toEqual({ allowedDomains: ['api.github.com', '*.example.com'] });
    expect(NetworkConfigSchema.safeParse({ ...strict.network, deniedDomains: [] }).success).toBe(true);
    expect(sandboxSettings(profile({ level: 'strict' }), ctx).network).toEqual({ allowedDomains: [] });
  });

  it('grants add exactly the folders given, for reading and writing', () => {
    const grant = ctx.platform === 'win32' ? 'D:\\notes' : '/srv/notes';
    const { filesystem } = sandboxSettings(profile({ allowWrite: [grant], allowRead: [`${grant}-ro`] }), ctx);
    expect(filesystem.allowWrite).toEqual([ctx.instanceDir, ctx.tmpDir, grant]);
    expect(filesystem.allowRead).toEqual(expect.arrayContaining([grant, `${grant}-ro`]));
    expect(filesystem.allowWrite).not.toContain(`${grant}-ro`);
  });
});
