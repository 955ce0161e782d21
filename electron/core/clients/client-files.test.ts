import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../../test/core/support/temp-dirs';
import { clientAdapters } from './adapters/index';
import type { AdapterContext, ClientAdapter } from './client-adapter';
import { ClientDetector, nodeDetectorDeps } from './client-detector';
import { ConfigParseError } from './config-errors';
import { resolveEntryName } from './connector-entry';
import { ourEntry, testWriter } from '../../../test/core/clients/test-helpers';

/** A machine whose home is a fresh temp folder, seen as the host platform. */
function tempHome(): AdapterContext {
  return {
    platform: process.platform,
    home: tempDir('mcp-tray-home-'),
    env: {},
    exists: (file) => fs.existsSync(file),
    readText: (file) => (fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : null),
  };
}

/** Detection in that home only, with an empty PATH. */
function detectorFor(ctx: AdapterContext): ClientDetector {
  return new ClientDetector(
    nodeDetectorDeps({
      platform: ctx.platform,
      home: ctx.home,
      env: { XDG_DATA_DIRS: path.join(ctx.home, 'share') },
      findCommand: () => Promise.resolve(null),
      isExecutable: (file) => fs.existsSync(file),
    }),
  );
}

/** What a user's file for this client might hold: servers with env, settings we do not know. */
function userFixture(adapter: ClientAdapter): string {
  const key = adapter.serversPath[0]!;
  if (adapter.format === 'toml') {
    return `# my Codex setup
model = "gpt-5"

[${key}.files]
command = "npx"
args = ["-y", "@modelcontextprotocol/server-filesystem", "/home/ada"]
env = { ROOT = "/home/ada" }

[${key}.github]
command = "docker"
args = ["run", "-i", "--rm", "ghcr.io/github/github-mcp-server"]

[${key}.github.env]
GITHUB_PERSONAL_ACCESS_TOKEN = "ghp_secret" # rotate monthly

[profiles.fast]
model = "gpt-5-mini"
`;
  }
  const comments = adapter.format === 'jsonc';
  const trailing = comments && adapter.trailingCommas ? ',' : '';
  return `{
  "globalShortcut": "Ctrl+Space",${comments ? ' // my shortcut' : ''}
  "${key}": {
    "files": { "command": "npx", "args": ["-y", "@modelcontextprotocol/server-filesystem", "/home/ada"], "env": { "ROOT": "/home/ada" } },
    ${comments ? '/* work */\n    ' : ''}"github": {
      "command": "docker",
      "args": ["run", "-i", "--rm", "ghcr.io/github/github-mcp-server"],
      "env": { "GITHUB_PERSONAL_ACCESS_TOKEN": "ghp_secret" }${trailing}
    }${trailing}
  },
  "preferences": { "sidebarMode": "chat" }${trailing}
}
`;
}

function variants(adapter: ClientAdapter): Array<[string, string]> {
  const lf = userFixture(adapter);
  return [
    ['LF', lf],
    ['BOM + CRLF', `\uFEFF${lf.replace(/\n/g, '\r\n')}`],
  ];
}

describe.each(clientAdapters.map((adapter) => [adapter.id, adapter] as const))(
  '%s, real files',
  (_id, adapter) => {
    it.each(variants(adapter))(
      'adds and removes our entry, leaving the user file intact (%s)',
      async (_kind, fixture) => {
        const ctx = tempHome();
        const file = adapter.configPath(ctx);
        expect(file.startsWith(ctx.home)).toBe(true);
        fs.mkdirSync(path.dirname(file), { recursive: true });
        fs.writeFileSync(file, fixture);
        // A config file alone is no proof that the client is installed.
        expect((await detectorFor(ctx).detect(adapter.id)).installed).toBe(false);

        const writer = testWriter();
        const current = await writer.read(adapter, file);
        expect(current.servers.files).toEqual({
          command: 'npx',
          args: ['-y', '@modelcontextprotocol/server-filesystem', '/home/ada'],
          env: { ROOT: '/home/ada' },
        });
        expect(current.servers.github?.env).toEqual({ GITHUB_PERSONAL_ACCESS_TOKEN: 'ghp_secret' });

        // The user already has a "files" entry of their own: ours goes next to it.
        const name = resolveEntryName(current.servers, 'files');
        expect(name).toBe('files-mcp-tray');
        const entry = ourEntry(adapter, 'files');
        const added = await writer.apply(adapter, file, { set: { [name]: entry }, remove: [] });
        expect(added.changed).toBe(true);
        const after = await writer.read(adapter, file);
        expect(after.raw[name]).toEqual(entry);
        expect(after.raw.files).toEqual(current.raw.files);
        expect(after.raw.github).toEqual(current.raw.github);
        expect(JSON.stringify(after.raw[name])).not.toMatch(/"env"|secret/i);
        const text = fs.readFileSync(file, 'utf8');
        // A byte order mark stays exactly where it was.
        expect(text.startsWith('\uFEFF')).toBe(fixture.startsWith('\uFEFF'));
        if (fixture.includes('\r\n')) expect(text.replace(/\r\n/g, '')).not.toContain('\n');
        expect(resolveEntryName(after.servers, 'files')).toBe(name);

        const removed = await writer.apply(adapter, file, { set: {}, remove: [name] });
        expect(removed.changed).toBe(true);
        expect(fs.readFileSync(file, 'utf8')).toBe(fixture);
        expect(fs.readFileSync(added.backup!, 'utf8')).toBe(fixture);
      },
    );

    it('refuses a file that does not parse and leaves it byte for byte', async () => {
      const ctx = tempHome();
      const file = adapter.configPath(ctx);
      fs.mkdirSync(path.dirname(file), { recursive: true });
      const fixture = userFixture(adapter);
      const broken =
        adapter.format === 'toml'
          ? fixture.replace('[profiles.fast]', '[profiles.fast')
          : fixture.slice(0, -40);
      fs.writeFileSync(file, broken);
      const writer = testWriter();
      const set = { set: { x: ourEntry(adapter, 'x') }, remove: [] };
      const error = await writer.apply(adapter, file, set).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ConfigParseError);
      expect((error as ConfigParseError).line).toBeGreaterThan(1);
      expect(fs.readFileSync(file, 'utf8')).toBe(broken);
      expect(fs.readdirSync(path.dirname(file))).toEqual([path.basename(file)]);
    });

    it('creates the file and its folder when the client has none yet', async () => {
      const ctx = tempHome();
      const file = adapter.configPath(ctx);
      const entry = ourEntry(adapter, 'git');
      const result = await testWriter().apply(adapter, file, { set: { git: entry }, remove: [] });
      expect(result).toMatchObject({ changed: true, backup: null });
      expect((await testWriter().read(adapter, file)).raw).toEqual({ git: entry });
    });
  },
);
