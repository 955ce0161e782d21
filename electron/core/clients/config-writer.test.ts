import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../../test/core/support/temp-dirs';
import { claudeDesktopAdapter, geminiCliAdapter, vscodeAdapter } from './adapters/index';
import { ConfigParseError, ConfigPathError } from './config-errors';
import {
  claudeUserConfig,
  fixtureFile,
  ourEntry,
  siblings,
  testWriter,
} from '../../../test/core/clients/test-helpers';

const claude = claudeDesktopAdapter;
const files = ourEntry(claude, 'files');

describe('ConfigWriter: only our entries change', () => {
  it("adds our entry after the user's, keeping everything else byte for byte", async () => {
    const file = fixtureFile('claude_desktop_config.json', claudeUserConfig);
    const writer = testWriter();
    const plan = await writer.plan(claude, file, { set: { files }, remove: [] });
    expect(plan).toMatchObject({ file, exists: true, before: claudeUserConfig, changed: true });
    expect(fs.readFileSync(file, 'utf8')).toBe(claudeUserConfig); // planning writes nothing
    const result = await writer.apply(plan);
    expect(result.changed).toBe(true);
    const after = fs.readFileSync(file, 'utf8');
    expect(after).toBe(plan.after);
    const userEnd = claudeUserConfig.indexOf('\n    }\n  },') + '\n    }'.length;
    expect(after.startsWith(claudeUserConfig.slice(0, userEnd))).toBe(true);
    expect(after.endsWith(claudeUserConfig.slice(userEnd + 1))).toBe(true);
    const parsed = JSON.parse(after) as Record<string, Record<string, unknown>>;
    expect(Object.keys(parsed)).toEqual(['globalShortcut', 'mcpServers', 'preferences']);
    expect(Object.keys(parsed.mcpServers!)).toEqual(['filesystem', 'files']);
    expect(parsed.mcpServers!.files).toEqual(files);
  });

  it('shows a readable unified diff of just our lines', async () => {
    const file = fixtureFile('claude_desktop_config.json', claudeUserConfig);
    const { diff } = await testWriter().plan(claude, file, { set: { files }, remove: [] });
    expect(diff).toMatch(/^--- .*claude_desktop_config\.json\n\+\+\+ .*\n@@ -\d+,\d+ \+\d+,\d+ @@\n/);
    const lines = diff.split('\n');
    expect(lines).toContain('+    "files": {');
    expect(lines).toContain('+      "command": "/usr/local/bin/node",');
    // Nothing is shown as removed, and no added line is the user's.
    expect(lines.filter((line) => /^-(?!--)/.test(line))).toEqual([]);
    const added = lines.filter((line) => /^\+(?!\+\+)/.test(line));
    expect(added.every((line) => !line.includes('filesystem') && !line.includes('preferences'))).toBe(true);
  });

  it("removes our entry and leaves the user's; add then remove restores the file exactly", async () => {
    const file = fixtureFile('claude_desktop_config.json', claudeUserConfig);
    const writer = testWriter();
    await writer.apply(claude, file, { set: { files }, remove: [] });
    const removed = await writer.apply(claude, file, { set: {}, remove: ['files', 'not-there'] });
    expect(removed.changed).toBe(true);
    expect(fs.readFileSync(file, 'utf8')).toBe(claudeUserConfig);
  });

  it('replaces only the changed entry, in place', async () => {
    const file = fixtureFile('claude_desktop_config.json', claudeUserConfig);
    const writer = testWriter();
    await writer.apply(claude, file, { set: { files, git: ourEntry(claude, 'git') }, remove: [] });
    const moved = { ...files, args: [...(files.args as string[]), '--verbose'] };
    await writer.apply(claude, file, { set: { files: moved }, remove: [] });
    const servers = (JSON.parse(fs.readFileSync(file, 'utf8')) as { mcpServers: Record<string, unknown> })
      .mcpServers;
    expect(Object.keys(servers)).toEqual(['filesystem', 'files', 'git']);
    expect(servers.files).toEqual(moved);
  });

  it('creates a missing file, and its folder, with just our entries', async () => {
    const file = path.join(tempDir(), 'Claude', 'nested', 'claude_desktop_config.json');
    const writer = testWriter();
    const plan = await writer.plan(claude, file, { set: { files }, remove: [] });
    expect(plan).toMatchObject({ exists: false, before: '', changed: true });
    const result = await writer.apply(plan);
    expect(result.backup).toBeNull();
    expect(JSON.parse(fs.readFileSync(file, 'utf8'))).toEqual({ mcpServers: { files } });
    expect(fs.readFileSync(file, 'utf8')).toMatch(/^\{\n {2}"mcpServers": \{\n {4}"files": \{\n/);
    if (process.platform !== 'win32') expect(fs.statSync(file).mode & 0o777).toBe(0o600);
  });

  it('does not create a file just to remove nothing from it', async () => {
    const file = path.join(tempDir(), 'claude_desktop_config.json');
    const result = await testWriter().apply(claude, file, { set: {}, remove: ['files'] });
    expect(result.changed).toBe(false);
    expect(fs.existsSync(file)).toBe(false);
  });

  it('adds the servers key to a file that has none, keeping its indentation', async () => {
    const original = '{\n    "preferences": {\n        "sidebarMode": "chat"\n    }\n}\n';
    const file = fixtureFile('claude_desktop_config.json', original);
    await testWriter().apply(claude, file, { set: { files }, remove: [] });
    const after = fs.readFileSync(file, 'utf8');
    expect(
      after.startsWith(
        '{\n    "preferences": {\n        "sidebarMode": "chat"\n    },\n    "mcpServers": {\n',
      ),
    ).toBe(true);
    expect(JSON.parse(after)).toEqual({ preferences: { sidebarMode: 'chat' }, mcpServers: { files } });
  });

  it('follows a file indented with tabs', async () => {
    const file = fixtureFile('mcp.json', '{\n\t"mcpServers": {\n\t\t"a": { "command": "x" }\n\t}\n}\n');
    await testWriter().apply(claude, file, { set: { files }, remove: [] });
    expect(fs.readFileSync(file, 'utf8')).toContain('\n\t\t"files": {\n\t\t\t"command": ');
  });

  it('accepts a BOM and CRLF: writes CRLF throughout and keeps the BOM', async () => {
    const crlf = claudeUserConfig.replace(/\n/g, '\r\n');
    const file = fixtureFile('claude_desktop_config.json', `\uFEFF${crlf}`);
    const result = await testWriter().apply(claude, file, { set: { files }, remove: [] });
    const bytes = fs.readFileSync(file);
    expect(bytes.subarray(0, 3).equals(Buffer.from([0xef, 0xbb, 0xbf]))).toBe(true);
    const after = bytes.subarray(3).toString('utf8');
    expect(after.startsWith('{\r\n  "globalShortcut"')).toBe(true);
    expect(after.replace(/\r\n/g, '')).not.toContain('\n');
    expect(JSON.parse(after)).toMatchObject({ mcpServers: { files } });
    expect(fs.readFileSync(result.backup!)[0]).toBe(0xef); // the backup is the file as it was
  });

  it('says in words when a folder sits where the config file should be, and changes nothing', async () => {
    const file = fixtureFile('claude_desktop_config.json/keep.txt', 'mine');
    const folder = path.dirname(file);
    const writer = testWriter();
    await expect(writer.apply(claude, folder, { set: { files }, remove: [] })).rejects.toThrow(
      /is a folder, not a file/,
    );
    await expect(writer.read(claude, folder)).rejects.toBeInstanceOf(ConfigPathError);
    expect(fs.readdirSync(folder)).toEqual(['keep.txt']);
  });

  it('leaves a file alone when the only difference would be dropping its BOM', async () => {
    const file = fixtureFile('claude_desktop_config.json', `\uFEFF${claudeUserConfig}`);
    const writer = testWriter();
    const result = await writer.apply(claude, file, { set: {}, remove: ['files'] });
    expect(result.changed).toBe(false);
    expect(fs.readFileSync(file, 'utf8')).toBe(`\uFEFF${claudeUserConfig}`);
  });
});

describe('ConfigWriter: files it must not touch', () => {
  async function expectRefused(
    adapter: typeof claude,
    content: string,
    where: { line: number; column: number },
  ) {
    const file = fixtureFile('config.json', content);
    const writer = testWriter();
    const error = await writer.plan(adapter, file, { set: { files }, remove: [] }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfigParseError);
    expect(error).toMatchObject({ file, ...where });
    await expect(writer.apply(adapter, file, { set: { files }, remove: [] })).rejects.toThrow(
      ConfigParseError,
    );
    expect(fs.readFileSync(file, 'utf8')).toBe(content);
    expect(siblings(file)).toEqual([]); // no backup, no temp file
    return error as ConfigParseError;
  }

  it('refuses a file that does not parse, with line and column', async () => {
    const error = await expectRefused(claude, '{\n  "mcpServers": {\n    "a": { "command": "x" \n', {
      line: 4,
      column: 1,
    });
    expect(error.message).toMatch(/not valid JSON/);
  });

  it('refuses comments in strict-JSON Claude Desktop files and says why', async () => {
    const content = '{\n  // my servers\n  "mcpServers": {}\n}\n';
    const error = await expectRefused(claude, content, { line: 2, column: 3 });
    expect(error.message).toContain('Claude Desktop reads this file as strict JSON');
    expect(error.message).toContain('a comment');
  });

  it('refuses trailing commas where the client cannot read them', async () => {
    await expectRefused(claude, '{\n  "mcpServers": {\n    "a": { "command": "x" },\n  }\n}\n', {
      line: 3,
      column: 28,
    });
    await expectRefused(geminiCliAdapter, '{\n  // ok\n  "mcpServers": {},\n}\n', { line: 3, column: 19 });
  });

  it('refuses a servers key that is not an object, and a root that is not one', async () => {
    await expectRefused(claude, '{\n  "mcpServers": [1, 2]\n}\n', { line: 2, column: 17 });
    await expectRefused(vscodeAdapter, '[]\n', { line: 1, column: 1 });
  });

  it('keeps comments and trailing commas in JSONC files that allow them', async () => {
    const content = `{
  // Servers for work
  "servers": {
    "github": { "type": "stdio", "command": "docker", "args": ["run"], }, /* keep me */
  },
  "inputs": [],
}
`;
    const file = fixtureFile('mcp.json', content);
    const writer = testWriter();
    await writer.apply(vscodeAdapter, file, { set: { files: ourEntry(vscodeAdapter, 'files') }, remove: [] });
    const after = fs.readFileSync(file, 'utf8');
    expect(after).toContain('  // Servers for work\n');
    expect(after).toContain('"args": ["run"], }, /* keep me */');
    expect(after).toContain('  "inputs": [],\n}');
    await writer.apply(vscodeAdapter, file, { set: {}, remove: ['files'] });
    expect(fs.readFileSync(file, 'utf8')).toBe(content);
  });
});
