// electron-builder.yml checked offline with electron-builder's own loader and schema validation
// (app-builder-lib's `getConfig` + `validateConfiguration`, which uses its scheme.json): the same
// check `electron-builder` runs before building, without building anything.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { APP_USER_MODEL_ID } from '../electron/core/platform/app-identity';
import { tempDir } from '../test/core/support/temp-dirs';

const ROOT = path.resolve(import.meta.dirname, '..');
const require = createRequire(import.meta.url);

type BuilderConfig = Record<string, unknown> & {
  asarUnpack?: string[];
  electronFuses?: Record<string, boolean>;
  mac?: Record<string, unknown> & { protocols?: { schemes: string[] }[] };
  linux?: Record<string, unknown>;
  win?: Record<string, unknown>;
  files?: Array<string | { filter: string[] }>;
};

const { getConfig, validateConfiguration } = require('app-builder-lib/out/util/config/config.js') as {
  getConfig(projectDir: string, configPath: string | null): Promise<BuilderConfig>;
  validateConfiguration(config: BuilderConfig, logger: unknown): Promise<void>;
};
const { DebugLogger } = require('builder-util/out/DebugLogger.js') as {
  DebugLogger: new (enabled: boolean) => unknown;
};

/** Loads a config file the way `electron-builder --config <file>` does, then validates it. */
async function loadAndValidate(configPath: string): Promise<BuilderConfig> {
  const config = await getConfig(ROOT, configPath);
  await validateConfiguration(config, new DebugLogger(false));
  return config;
}

const CONFIG = path.join(ROOT, 'electron-builder.yml');

describe('electron-builder.yml', () => {
  it("passes electron-builder's own validation", async () => {
    await expect(loadAndValidate(CONFIG)).resolves.toBeTruthy();
  });

  it('uses the Windows AppUserModelID the app sets, and names the desktop file Electron expects', async () => {
    const config = await loadAndValidate(CONFIG);
    expect(config.appId).toBe(APP_USER_MODEL_ID);
    // Electron reads `desktopName` for the Wayland app_id and WM_CLASS; electron-builder installs
    // `<executableName>.desktop`, and protocol registration goes through that file.
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
      desktopName?: string;
    };
    expect(pkg.desktopName).toBe(`${String(config.linux?.executableName)}.desktop`);
  });

  it('rejects a broken copy: a misspelt key, or a fuse that does not exist', async () => {
    const dir = tempDir();
    const original = fs.readFileSync(CONFIG, 'utf8');
    const misspelt = path.join(dir, 'misspelt.yml');
    fs.writeFileSync(misspelt, original.replace('hardenedRuntime: true', 'hardendRuntime: true'));
    await expect(loadAndValidate(misspelt)).rejects.toThrow(
      /Invalid configuration object[\s\S]*configuration\.mac/,
    );
    const badFuse = path.join(dir, 'bad-fuse.yml');
    fs.writeFileSync(badFuse, original.replace('runAsNode: true', 'runAsNodes: true'));
    await expect(loadAndValidate(badFuse)).rejects.toThrow(
      /Invalid configuration object[\s\S]*electronFuses/,
    );
  });

  it('keeps RunAsNode and sets every other fuse to the secure side', async () => {
    const config = await loadAndValidate(CONFIG);
    expect(config.electronFuses).toEqual({
      runAsNode: true,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      loadBrowserProcessSpecificV8Snapshot: false,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it('unpacks what other processes run: keytar, the CLI bundle, the guardian, the built-in servers', async () => {
    const config = await loadAndValidate(CONFIG);
    expect(config.asarUnpack).toEqual(
      expect.arrayContaining(['node_modules/keytar/**', 'dist/cli/**', 'dist/guardian/**', 'servers/**']),
    );
    // The loader normalises `files` into filter sets.
    const files = (config.files ?? []).flatMap((f) => (typeof f === 'string' ? [f] : f.filter));
    expect(files).toEqual(expect.arrayContaining(['dist/**/*', 'servers/*/dist/*.mjs', 'package.json']));
  });

  it('macOS: dmg, hardened runtime, the entitlements an Electron app with a native module needs, the link scheme', async () => {
    const { mac } = await loadAndValidate(CONFIG);
    expect(mac).toMatchObject({ target: ['dmg'], hardenedRuntime: true });
    expect(mac?.protocols?.flatMap((p) => p.schemes)).toEqual(['mcp-tray']);
    for (const key of ['entitlements', 'entitlementsInherit'] as const) {
      const plist = fs.readFileSync(path.join(ROOT, String(mac?.[key])), 'utf8');
      const granted = [...plist.matchAll(/<key>([^<]+)<\/key>\s*<true\/>/g)].map((m) => m[1]);
      expect(granted.sort()).toEqual([
        'com.apple.security.cs.allow-jit',
        'com.apple.security.cs.allow-unsigned-executable-memory',
        'com.apple.security.cs.disable-library-validation',
      ]);
    }
  });

  it('Windows: nsis; Linux: AppImage and deb with the link mime type and every icon size', async () => {
    const { win, linux } = await loadAndValidate(CONFIG);
    expect(win).toMatchObject({ target: ['nsis'] });
    expect(linux).toMatchObject({
      target: ['AppImage', 'deb'],
      category: 'Development',
      mimeTypes: ['x-scheme-handler/mcp-tray'],
    });
    const icons = fs.readdirSync(path.join(ROOT, String(linux?.icon)));
    for (const size of [16, 32, 48, 64, 128, 256, 512]) expect(icons).toContain(`${size}x${size}.png`);
    expect(fs.existsSync(path.join(ROOT, 'resources', 'icon.png'))).toBe(true);
  });
});
