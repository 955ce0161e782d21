import { describe, expect, it } from 'vitest';
import { AddCustomInstance } from './contract';
import type { InstallRequest } from './deep-link';
import { deepLinkFromArgv, installLink, parseInstallLink } from './deep-link';

const ok = (link: string): InstallRequest => {
  const parsed = parseInstallLink(link);
  if (!parsed.ok) throw new Error(`refused ${link}: ${parsed.reason}`);
  return parsed.request;
};
const reason = (link: string): string => {
  const parsed = parseInstallLink(link);
  if (parsed.ok) throw new Error(`accepted ${link}: ${JSON.stringify(parsed.request)}`);
  return parsed.reason;
};

describe('parseInstallLink: catalog', () => {
  it('reads an integration id', () => {
    expect(ok('mcp-tray://install?integration=github')).toEqual({ kind: 'catalog', integrationId: 'github' });
  });

  it('accepts the spellings browsers and shells produce', () => {
    for (const link of [
      'mcp-tray://install/?integration=github',
      'mcp-tray:install?integration=github',
      'MCP-TRAY://install?integration=github',
      ' mcp-tray://install?integration=github\n',
    ]) {
      expect(ok(link), link).toEqual({ kind: 'catalog', integrationId: 'github' });
    }
  });

  it('refuses a bad id and parameters that belong to another kind', () => {
    expect(reason('mcp-tray://install?integration=../../etc')).toMatch(/integration id.*lowercase/);
    expect(reason('mcp-tray://install?integration=')).toMatch(/integration id/);
    expect(reason('mcp-tray://install?integration=github&name=Work')).toMatch(
      /"name" cannot be used with integration/,
    );
  });
});

describe('parseInstallLink: remote', () => {
  it('reads an https address and an optional name', () => {
    expect(ok('mcp-tray://install?url=https%3A%2F%2Fmcp.example.com%2Fmcp&name=Example%20MCP')).toEqual({
      kind: 'remote',
      url: 'https://mcp.example.com/mcp',
      name: 'Example MCP',
    });
    expect(ok('mcp-tray://install?url=https://mcp.example.com/mcp')).toEqual({
      kind: 'remote',
      url: 'https://mcp.example.com/mcp',
    });
  });

  it('allows plain http only to this computer', () => {
    for (const url of ['http://localhost:3000/mcp', 'http://127.0.0.1:8080/mcp', 'http://[::1]:9000/mcp']) {
      expect(ok(`mcp-tray://install?url=${encodeURIComponent(url)}`)).toMatchObject({ kind: 'remote', url });
    }
    expect(reason('mcp-tray://install?url=http%3A%2F%2Fexample.com%2Fmcp')).toMatch(/must use https/);
    expect(reason('mcp-tray://install?url=http%3A%2F%2F127.0.0.1.evil.com%2Fmcp')).toMatch(/must use https/);
  });

  it('refuses other schemes, credentials and nonsense', () => {
    expect(reason('mcp-tray://install?url=file%3A%2F%2F%2Fetc%2Fpasswd')).toMatch(/https address, not file:/);
    expect(reason('mcp-tray://install?url=javascript%3Aalert(1)')).toMatch(/https address/);
    expect(reason('mcp-tray://install?url=https%3A%2F%2Fu%3Ap%40example.com%2F')).toMatch(
      /user name or password/,
    );
    expect(reason('mcp-tray://install?url=not%20a%20url')).toMatch(/not a valid address/);
  });
});

describe('parseInstallLink: custom command', () => {
  it('reads command, repeated args in order, env, secret names, id and name', () => {
    const link =
      'mcp-tray://install?command=npx&arg=-y&arg=%40acme%2Fnotes-mcp&arg=--root&arg=%2Ftmp%2Fa%20b' +
      '&env=MODE%3Dfast&env=EMPTY%3D&env=EQ%3Da%3Db&secret=NOTES_TOKEN&id=notes&name=My%20notes';
    expect(ok(link)).toEqual({
      kind: 'custom',
      id: 'notes',
      name: 'My notes',
      command: 'npx',
      args: ['-y', '@acme/notes-mcp', '--root', '/tmp/a b'],
      env: { MODE: 'fast', EMPTY: '', EQ: 'a=b' },
      secretEnvNames: ['NOTES_TOKEN'],
    });
  });

  it('gives what the Add flow submits in a shape the core accepts', () => {
    const request = ok('mcp-tray://install?command=uvx&arg=mcp-server-time&id=time&env=TZ%3DUTC');
    if (request.kind !== 'custom') throw new Error('expected custom');
    const parsed = AddCustomInstance.safeParse({
      id: request.id,
      command: request.command,
      args: request.args,
      env: request.env,
      secretEnv: Object.fromEntries(request.secretEnvNames.map((n) => [n, 'typed by the user'])),
    });
    expect(parsed.success).toBe(true);
  });

  it('never lets a link carry a secret value', () => {
    for (const name of ['GITHUB_TOKEN', 'API_KEY', 'DB_PASSWORD', 'CLIENT_SECRET', 'aws_credentials']) {
      expect(reason(`mcp-tray://install?command=x&env=${name}%3Dabc`), name).toMatch(
        /looks like a secret.*secret=/,
      );
    }
    expect(reason('mcp-tray://install?command=x&env=A%3D1&secret=A')).toMatch(
      /both as a secret and as a plain value/,
    );
  });

  it('refuses bad variables, ids and control characters', () => {
    expect(reason('mcp-tray://install?command=x&env=NOEQUALS')).toMatch(/NAME=value/);
    expect(reason('mcp-tray://install?command=x&env=1BAD%3Dv')).toMatch(/NAME=value/);
    expect(reason('mcp-tray://install?command=x&env=A%3D1&env=A%3D2')).toMatch(/given twice/);
    expect(reason('mcp-tray://install?command=x&secret=bad-name')).toMatch(/not a valid variable name/);
    expect(reason('mcp-tray://install?command=x&id=Not_Valid')).toMatch(/service id.*lowercase/);
    expect(reason('mcp-tray://install?command=')).toMatch(/command.*empty/);
    expect(reason('mcp-tray://install?command=x&arg=a%0Ab')).toMatch(/control characters/);
    expect(reason('mcp-tray://install?command=x&name=' + 'n'.repeat(201))).toMatch(/name.*200/);
    const many = Array.from({ length: 257 }, (_, i) => `arg=${i}`).join('&');
    expect(reason(`mcp-tray://install?command=x&${many}`)).toMatch(/arguments.*256/);
  });
});

describe('parseInstallLink: everything else', () => {
  it('refuses unknown, repeated, mixed or missing parameters', () => {
    expect(reason('mcp-tray://install?integration=github&run=1')).toMatch(/does not know: "run"/);
    expect(reason('mcp-tray://install?integration=a&integration=b')).toMatch(/more than once/);
    expect(reason('mcp-tray://install?command=x&command=y')).toMatch(/more than once/);
    expect(reason('mcp-tray://install?integration=github&command=sh')).toMatch(
      /mixes integration and command/,
    );
    expect(reason('mcp-tray://install?url=https%3A%2F%2Fa.b&command=sh')).toMatch(/mixes/);
    expect(reason('mcp-tray://install')).toMatch(/does not say what to add/);
    expect(reason('mcp-tray://install?name=x')).toMatch(/does not say what to add/);
  });

  it('refuses other actions, schemes and malformed links', () => {
    expect(reason('mcp-tray://run?command=sh')).toMatch(/only ask to install/);
    expect(reason('mcp-tray://install/extra?integration=github')).toMatch(/only ask to install/);
    expect(reason('mcp-tray://user@install?integration=github')).toMatch(/not a link/);
    expect(reason('https://install?integration=github')).toMatch(/not an mcp-tray:\/\/ link/);
    expect(reason('mcp-tray')).toMatch(/not a link/);
    expect(reason(`mcp-tray://install?command=x&arg=${'a'.repeat(20_000)}`)).toMatch(/too long/);
  });
});

describe('installLink', () => {
  it('round-trips every kind, including characters that need encoding', () => {
    const requests: InstallRequest[] = [
      { kind: 'catalog', integrationId: 'github' },
      { kind: 'remote', url: 'https://mcp.example.com/mcp?x=1&y=2', name: 'A & B + C' },
      {
        kind: 'custom',
        id: 'notes',
        name: 'Notes "work"',
        command: 'C:\\Program Files\\node\\node.exe',
        args: ['-e', 'console.log(1+1)', '--flag=a&b', '', 'ünïcode'],
        env: { MODE: 'a=b c', PLUS: '+' },
        secretEnvNames: ['NOTES_TOKEN'],
      },
    ];
    for (const request of requests) expect(ok(installLink(request))).toEqual(request);
  });
});

describe('deepLinkFromArgv', () => {
  it('finds the link among the arguments Windows and Linux pass', () => {
    expect(
      deepLinkFromArgv(['C:\\MCP Tray.exe', '--allow-file-access', 'mcp-tray://install?integration=x']),
    ).toBe('mcp-tray://install?integration=x');
    expect(deepLinkFromArgv(['/opt/mcp-tray/mcp-tray', '--hidden'])).toBeNull();
  });
});
