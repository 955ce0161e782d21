import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../../test/core/support/temp-dirs';
import type { ResolvedCommand } from './command-resolver';
import { CommandResolver, readLoginShellPath } from './command-resolver';

const script = (file: string, mode = 0o755): string => {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, '#!/bin/sh\nexit 0\n', { mode });
  fs.chmodSync(file, mode);
  return file;
};

const posix = (PATH: string, login: string | null = null) => {
  let calls = 0;
  const resolver = new CommandResolver({
    platform: 'linux',
    env: { PATH },
    loginShellPath: async () => {
      calls++;
      return login;
    },
  });
  return { resolver, calls: () => calls };
};

describe.skipIf(process.platform === 'win32')('CommandResolver on POSIX', () => {
  it('puts the login shell PATH first, keeps ours after it without duplicates, and asks once', async () => {
    const { resolver, calls } = posix('/usr/bin::/bin:/opt/x/bin', '/opt/x/bin:/home/u/.nvm/bin:/usr/bin');
    const [first, second] = await Promise.all([resolver.searchPath(), resolver.searchPath()]);
    expect(first).toBe('/opt/x/bin:/home/u/.nvm/bin:/usr/bin:/bin');
    expect(second).toBe(first);
    await resolver.searchPath();
    expect(calls()).toBe(1);
  });

  it('falls back to our own PATH when the login shell gives nothing or fails', async () => {
    expect(await posix('/usr/bin:/bin', null).resolver.searchPath()).toBe('/usr/bin:/bin');
    const failing = new CommandResolver({
      platform: 'darwin',
      env: { PATH: '/bin' },
      loginShellPath: () => Promise.reject(new Error('boom')),
    });
    expect(await failing.searchPath()).toBe('/bin');
  });

  it('finds a command in PATH order, and in the login shell PATH before ours', async () => {
    const dir = tempDir();
    const [a, b, login] = ['a', 'b', 'login'].map((d) => path.join(dir, d));
    script(path.join(a!, 'tool'));
    script(path.join(b!, 'tool'));
    expect(await posix(`${a}:${b}`).resolver.resolve('tool', ['--x'])).toEqual({
      ok: true,
      file: path.join(a!, 'tool'),
      args: ['--x'],
    });
    expect((await posix(`${b}:${a}`).resolver.resolve('tool', [])) as { file: string }).toMatchObject({
      file: path.join(b!, 'tool'),
    });
    script(path.join(login!, 'tool'));
    expect(await posix(`${a}:${b}`, login!).resolver.resolve('tool', [])).toMatchObject({
      file: path.join(login!, 'tool'),
    });
  });

  it('skips files that are not executable and directories of the same name', async () => {
    const dir = tempDir();
    script(path.join(dir, 'plain', 'tool'), 0o644);
    fs.mkdirSync(path.join(dir, 'folder', 'tool'), { recursive: true });
    fs.chmodSync(path.join(dir, 'folder', 'tool'), 0o755);
    script(path.join(dir, 'real', 'tool'));
    const PATH = ['plain', 'folder', 'real'].map((d) => path.join(dir, d)).join(':');
    expect(await posix(PATH).resolver.resolve('tool', [])).toMatchObject({
      file: path.join(dir, 'real', 'tool'),
    });
  });

  it('checks absolute and relative paths directly, without searching PATH', async () => {
    const dir = tempDir();
    const tool = script(path.join(dir, 'bin', 'tool'));
    const { resolver } = posix(path.join(dir, 'bin'));
    expect(await resolver.resolve(tool, ['a'])).toEqual({ ok: true, file: tool, args: ['a'] });
    expect(await resolver.resolve('./bin/tool', [], { cwd: dir })).toMatchObject({ ok: true, file: tool });
    const missing = await resolver.resolve(path.join(dir, 'nope', 'tool'), []);
    expect(missing.ok).toBe(false);
  });

  it('explains a missing command with a hint for well-known runtimes, without the PATH', async () => {
    const { resolver } = posix('/nonexistent/secret-dir');
    const uvx = (await resolver.resolve('uvx', ['mcp-server-git'])) as Extract<
      ResolvedCommand,
      { ok: false }
    >;
    expect(uvx).toEqual({
      ok: false,
      reason:
        '"uvx" was not found. Install uv (https://docs.astral.sh/uv/), then press Restart; or remove the service and add it again with the full path to uvx.',
    });
    expect(((await resolver.resolve('npx', [])) as { reason: string }).reason).toContain(
      'Install Node.js (https://nodejs.org/)',
    );
    expect(((await resolver.resolve('docker', [])) as { reason: string }).reason).toContain('Docker Desktop');
    const other = (await resolver.resolve('my-server', [])) as { reason: string };
    expect(other.reason).toBe(
      '"my-server" was not found. Install it, then press Restart; or remove the service and add it again with the full path to my-server.',
    );
    expect(other.reason).not.toContain('secret-dir');
    expect(((await resolver.resolve('  ', [])) as { reason: string }).reason).toMatch(/No command/);
  });
});

/** Undoes one round of cmd.exe caret escaping (the text holds no unescaped quotes). */
const uncaret = (text: string): string => text.replace(/\^(.)/gs, '$1');

/** CommandLineToArgvW, enough for what quoteArgument produces. */
function parseArgv(line: string): string[] {
  const out: string[] = [];
  let i = 0;
  while (i < line.length) {
    while (line[i] === ' ') i++;
    if (i >= line.length) break;
    let arg = '';
    let quoted = false;
    for (; i < line.length && (quoted || line[i] !== ' '); i++) {
      let slashes = 0;
      for (; line[i] === '\\'; i++) slashes++;
      if (line[i] === '"') {
        arg += '\\'.repeat(Math.floor(slashes / 2));
        if (slashes % 2) arg += '"';
        else quoted = !quoted;
      } else {
        arg += '\\'.repeat(slashes);
        if (i < line.length) arg += line[i];
      }
    }
    out.push(arg);
  }
  return out;
}

describe('CommandResolver on Windows (injected)', () => {
  const windows = (files: string[], env: NodeJS.ProcessEnv = {}) =>
    new CommandResolver({
      platform: 'win32',
      env: {
        Path: 'C:\\Tools;C:\\Program Files\\nodejs;c:\\tools',
        ComSpec: 'C:\\WINDOWS\\system32\\cmd.exe',
        ...env,
      },
      loginShellPath: () => Promise.reject(new Error('never on Windows')),
      isExecutable: (file) => files.some((f) => f.toLowerCase() === file.toLowerCase()),
    });

  it('uses the Path variable, case-insensitive, and never the login shell', async () => {
    expect(await windows([]).searchPath()).toBe('C:\\Tools;C:\\Program Files\\nodejs');
  });

  it('tries PATHEXT extensions in order in each folder', async () => {
    const files = ['C:\\Tools\\tool.exe', 'C:\\Tools\\tool.com', 'C:\\Program Files\\nodejs\\tool.com'];
    expect(await windows(files).resolve('tool', ['x'])).toEqual({
      ok: true,
      file: 'C:\\Tools\\tool.com',
      args: ['x'],
    });
    expect(await windows(files, { PATHEXT: '.EXE;.COM' }).resolve('tool', [])).toMatchObject({
      file: 'C:\\Tools\\tool.exe',
    });
    expect(await windows(files).resolve('tool.exe', [])).toMatchObject({ file: 'C:\\Tools\\tool.exe' });
  });

  it('runs npx.cmd through cmd.exe with verbatim, escaped arguments', async () => {
    const resolver = windows(['C:\\Program Files\\nodejs\\npx.cmd']);
    const args = ['-y', '@scope/server', 'C:\\My Files\\', 'a&b', 'say "hi" | more', '%PATH%', '(x)^!', ''];
    const resolved = await resolver.resolve('npx', args);
    if (!resolved.ok) throw new Error(resolved.reason);
    expect(resolved.file).toBe('C:\\WINDOWS\\system32\\cmd.exe');
    expect(resolved.windowsVerbatimArguments).toBe(true);
    expect(resolved.args.slice(0, 3)).toEqual(['/d', '/s', '/c']);
    const line = resolved.args[3]!;
    expect(line).toBe(
      '""C:\\Program Files\\nodejs\\npx.cmd" -y @scope/server ^^^"C:\\My^^^ Files\\\\^^^" ^^^"a^^^&b^^^" ' +
        '^^^"say^^^ \\^^^"hi\\^^^"^^^ ^^^|^^^ more^^^" ^^^"^^^%PATH^^^%^^^" ^^^"^^^(x^^^)^^^^^^^!^^^" ^^^"^^^""',
    );
    // cmd /s strips the outer quotes; cmd and then the batch file each remove one round of carets.
    const inner = line.slice(1, -1);
    const afterPath = inner.slice(inner.indexOf('" ') + 2);
    expect(afterPath.includes('&') && !/[^^]&/.test(afterPath)).toBe(true);
    expect(parseArgv(uncaret(uncaret(afterPath)))).toEqual(args);
  });

  it('refuses arguments cmd.exe cannot carry, and explains a missing command', async () => {
    const resolver = windows(['C:\\Tools\\npx.cmd']);
    expect((await resolver.resolve('npx', ['a\nb'])).ok).toBe(false);
    const missing = await windows([]).resolve('uvx', []);
    expect(missing).toMatchObject({ ok: false, reason: expect.stringContaining('Install uv') });
  });
});

describe.skipIf(process.platform === 'win32')('readLoginShellPath', () => {
  it('reads PATH from a login interactive shell despite rc files printing junk', async () => {
    const home = tempDir();
    const extra = path.join(home, 'custom-bin');
    const rc = `echo "welcome banner %s"\nprintf 'junk\\n' >&2\nexport PATH="${extra}:$PATH"\n`;
    fs.writeFileSync(path.join(home, '.bashrc'), rc);
    fs.writeFileSync(path.join(home, '.bash_profile'), `echo profile junk\n. "$HOME/.bashrc"\n`);
    const result = await readLoginShellPath({
      shell: '/bin/bash',
      env: { HOME: home, PATH: '/usr/bin:/bin', TERM: 'dumb' },
    });
    expect(result).not.toBeNull();
    expect(result!.split(':')[0]).toBe(extra);
    expect(result).toContain('/usr/bin');
    expect(result).not.toMatch(/junk|banner|welcome/);
  });

  it('gives up after the timeout and kills the shell', async () => {
    const dir = tempDir();
    const pidFile = path.join(dir, 'pid');
    const shell = path.join(dir, 'slow-shell');
    fs.writeFileSync(shell, `#!/bin/sh\necho $$ > "${pidFile}"\nexec sleep 30\n`, { mode: 0o755 });
    const started = Date.now();
    expect(await readLoginShellPath({ shell, env: { PATH: '/usr/bin:/bin' }, timeoutMs: 300 })).toBeNull();
    expect(Date.now() - started).toBeLessThan(5000);
    const pid = Number(fs.readFileSync(pidFile, 'utf8'));
    await expect.poll(() => alive(pid), { timeout: 5000 }).toBe(false);
  });

  it('resolves null when the shell does not exist or prints no PATH', async () => {
    const dir = tempDir();
    expect(await readLoginShellPath({ shell: path.join(dir, 'no-shell'), env: {} })).toBeNull();
    const quiet = path.join(dir, 'quiet-shell');
    fs.writeFileSync(quiet, '#!/bin/sh\necho hello\n', { mode: 0o755 });
    expect(await readLoginShellPath({ shell: quiet, env: { PATH: '/usr/bin:/bin' } })).toBeNull();
  });
});

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

describe("CommandResolver: the app's own Node", () => {
  const app = {
    execPath: '/Applications/MCP Tray.app/Contents/MacOS/MCP Tray',
    env: { ELECTRON_RUN_AS_NODE: '1' },
  };
  const resolver = (appNode = app) =>
    new CommandResolver({
      platform: 'darwin',
      env: { PATH: '/usr/local/bin' },
      loginShellPath: async () => null,
      isExecutable: (file) => file === '/usr/local/bin/node',
      appNode,
    });

  it('runs `node` on the app binary as Node when the integration asks for the host runtime', async () => {
    const resolved = await resolver().resolve('node', ['/app/servers/gh/dist/server.mjs'], { appNode: true });
    expect(resolved).toEqual({
      ok: true,
      file: app.execPath,
      args: ['/app/servers/gh/dist/server.mjs'],
      env: { ELECTRON_RUN_AS_NODE: '1' },
    });
    if (resolved.ok) expect(resolved.env).not.toBe(app.env);
  });

  it("keeps the user's node for everything else, and other commands on PATH", async () => {
    expect(await resolver().resolve('node', ['x.js'])).toEqual({
      ok: true,
      file: '/usr/local/bin/node',
      args: ['x.js'],
    });
    expect(await resolver().resolve('npx', ['-y', 'x'], { appNode: true })).toMatchObject({ ok: false });
    expect(await resolver().resolve('/usr/local/bin/node', [], { appNode: true })).toEqual({
      ok: true,
      file: '/usr/local/bin/node',
      args: [],
    });
  });
});
