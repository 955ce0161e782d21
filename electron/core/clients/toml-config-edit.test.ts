import { parse } from 'smol-toml';
import { describe, expect, it } from 'vitest';
import { ConfigEditError, ConfigParseError } from './config-errors';
import { tomlConfigEditor } from './toml-config-edit';
import { scanTomlHeaders } from './toml-scan';

const editor = tomlConfigEditor({ file: 'config.toml', clientName: 'Codex', serversPath: ['mcp_servers'] });
const ours = { command: '/usr/local/bin/node', args: ['/opt/mcp-tray.mjs', 'connect', 'files'] };

const userConfig = `# Codex settings
model = "gpt-5"
approval_policy = "on-request"

[mcp_servers.github]
command = "docker"
args = ["run", "-i", "--rm", "ghcr.io/github/github-mcp-server"]

[mcp_servers.github.env]
GITHUB_PERSONAL_ACCESS_TOKEN = "ghp_user_secret" # keep this out of git

# Profiles come last
[profiles.fast]
model = "gpt-5-mini"
`;

describe('TOML edits (Codex config.toml)', () => {
  it('appends our table at the end and leaves the rest byte for byte', () => {
    const out = editor.edit(userConfig, { set: { files: ours }, remove: [] });
    expect(out).toBe(
      `${userConfig}\n[mcp_servers.files]\ncommand = "/usr/local/bin/node"\n` +
        `args = [ "/opt/mcp-tray.mjs", "connect", "files" ]\n`,
    );
    expect(editor.servers(out).files).toEqual(ours);
    expect(editor.edit(out, { set: {}, remove: ['files'] })).toBe(userConfig);
  });

  it('replaces our table, with its sub-tables, wherever it is, keeping neighbouring comments', () => {
    const text = `${userConfig.replace(
      '# Profiles come last',
      '[mcp_servers.files]\ncommand = "old"\nargs = []\n\n[mcp_servers.files.env]\nX = "1"\n\n# Profiles come last',
    )}`;
    const out = editor.edit(text, { set: { files: ours }, remove: [] });
    expect(out).toContain('ghp_user_secret" # keep this out of git\n\n# Profiles come last\n[profiles.fast]');
    expect(out).not.toContain('command = "old"');
    expect(out).not.toContain('X = "1"');
    const doc = parse(out) as { mcp_servers: Record<string, unknown>; profiles: unknown };
    expect(doc.mcp_servers.files).toEqual(ours);
    expect(Object.keys(doc.mcp_servers)).toEqual(['github', 'files']);
    expect(doc.profiles).toEqual({ fast: { model: 'gpt-5-mini' } });
  });

  it('finds quoted and spaced headers, and ignores look-alikes inside strings and arrays', () => {
    const text = `title = """
[mcp_servers.files]
not a header"""
args = [
  [1, 2],
  "[mcp_servers.files]",
]
[ mcp_servers . "files" ]  # ours, spaced and quoted
command = "old"
[[mcp_servers."files".tools]]
name = "a"
[mcp_servers.'other']
command = "theirs"
`;
    expect(scanTomlHeaders(text).map((h) => h.path)).toEqual([
      ['mcp_servers', 'files'],
      ['mcp_servers', 'files', 'tools'],
      ['mcp_servers', 'other'],
    ]);
    const out = editor.edit(text, { set: {}, remove: ['files'] });
    expect(out).toBe(text.replace(/\[ mcp_servers[^]*?name = "a"\n/, ''));
    expect(parse(out)).toEqual({
      title: '[mcp_servers.files]\nnot a header',
      args: [[1, 2], '[mcp_servers.files]'],
      mcp_servers: { other: { command: 'theirs' } },
    });
  });

  it('keeps CRLF line ends and adds a newline to a file that lacks one', () => {
    const crlf = 'model = "gpt-5"\r\n\r\n[mcp_servers.github]\r\ncommand = "docker"';
    const out = editor.edit(crlf, { set: { files: ours }, remove: [] });
    expect(out.startsWith(`${crlf}\r\n\r\n[mcp_servers.files]\r\n`)).toBe(true);
    expect(out.replace(/\r\n/g, '')).not.toContain('\n');
  });

  it('writes a fresh file with just our table', () => {
    expect(editor.edit('', { set: { files: ours }, remove: [] })).toBe(
      '[mcp_servers.files]\ncommand = "/usr/local/bin/node"\nargs = [ "/opt/mcp-tray.mjs", "connect", "files" ]\n',
    );
  });

  it('refuses a file that does not parse, with line and column', () => {
    const broken = 'model = "gpt-5"\n[mcp_servers.github\ncommand = "docker"\n';
    let error: unknown;
    try {
      editor.edit(broken, { set: { files: ours }, remove: [] });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigParseError);
    expect(error).toMatchObject({ file: 'config.toml', line: 2 });
    expect((error as ConfigParseError).message).toMatch(/not valid TOML/);
  });

  it('refuses, rather than guess, when our name is defined inline or mcp_servers is an inline table', () => {
    const dotted = '[mcp_servers]\nfiles.command = "old"\n';
    expect(() => editor.edit(dotted, { set: { files: ours }, remove: [] })).toThrow(ConfigEditError);
    const inline = 'mcp_servers = { github = { command = "docker" } }\n';
    expect(() => editor.edit(inline, { set: { files: ours }, remove: [] })).toThrow(/inline table/);
  });

  it('does nothing when our table is already as wanted', () => {
    const out = editor.edit(userConfig, { set: { files: ours }, remove: [] });
    expect(editor.edit(out, { set: { files: { args: ours.args, command: ours.command } }, remove: [] })).toBe(
      out,
    );
  });
});
