import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { tempDir } from '../../test/core/support/temp-dirs';

const CLI = path.resolve(import.meta.dirname, '../../dist/cli/mcp-tray.mjs');
const children: ChildProcessWithoutNullStreams[] = [];
afterEach(() => children.splice(0).forEach((c) => c.exitCode === null && c.kill('SIGKILL')));

const env = (home: string) => ({ ...process.env, HOME: home, XDG_CONFIG_HOME: path.join(home, '.config') });

interface Served {
  child: ChildProcessWithoutNullStreams;
  info: { url: string; port: number; pid: number; dataDir: string };
  stderr: () => string;
}

function serve(dataDir: string, extra: string[] = []): Promise<Served> {
  const child = spawn(
    process.execPath,
    [CLI, 'serve', '--json', '--no-open', '--port', '0', '--data-dir', dataDir, ...extra],
    {
      env: env(path.dirname(dataDir)),
    },
  );
  children.push(child);
  let err = '';
  child.stderr.on('data', (d: Buffer) => (err += d.toString()));
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      const line = out.split('\n')[0];
      if (out.includes('\n'))
        resolve({ child, info: JSON.parse(line!) as Served['info'], stderr: () => err });
    });
    child.on('exit', (code) => reject(new Error(`serve exited ${code}: ${err}`)));
  });
}

const exited = (child: ChildProcessWithoutNullStreams) =>
  new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));

function run(args: string[], home: string) {
  return spawnSync(process.execPath, [CLI, ...args], { env: env(home), encoding: 'utf8' });
}

describe('mcp-tray serve (built CLI, real process)', () => {
  it('serves the UI behind its token and stops cleanly on SIGTERM', async () => {
    const home = tempDir();
    const { child, info } = await serve(path.join(home, 'data'));
    expect(info.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]{43}$/);
    expect((await fetch(`http://127.0.0.1:${info.port}/`)).status).toBe(401);
    const first = await fetch(info.url, { redirect: 'manual' });
    expect(first.status).toBe(302);
    const cookie = first.headers.get('set-cookie')!.split(';')[0]!;
    const page = await fetch(`http://127.0.0.1:${info.port}/`, { headers: { cookie } });
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<div id="root">');
    const lock = path.join(info.dataDir, 'run', 'core.lock');
    expect(fs.existsSync(lock)).toBe(true);
    child.kill('SIGTERM');
    expect(await exited(child)).toBe(0);
    expect(fs.existsSync(lock)).toBe(false);
  });

  it('refuses a second core on the same data folder, naming the first', async () => {
    const home = tempDir();
    const dataDir = path.join(home, 'data');
    const { info } = await serve(dataDir);
    const second = run(['serve', '--no-open', '--data-dir', dataDir], home);
    expect(second.status).toBe(1);
    expect(second.stderr).toContain(`already running for this data folder (pid ${info.pid})`);
  });

  it('says which port is taken when --port is busy', async () => {
    const home = tempDir();
    const blocker = net.createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const port = (blocker.address() as net.AddressInfo).port;
    try {
      const result = run(
        ['serve', '--no-open', '--port', String(port), '--data-dir', path.join(home, 'd')],
        home,
      );
      expect(result.status).toBe(1);
      expect(result.stderr).toContain(`Port ${port} on 127.0.0.1 is already in use`);
    } finally {
      blocker.close();
    }
  });

  it('moves a corrupt settings file aside, says so, and starts', async () => {
    const home = tempDir();
    const dataDir = path.join(home, 'data');
    fs.mkdirSync(dataDir);
    fs.writeFileSync(path.join(dataDir, 'settings.json'), '{ broken');
    const { stderr } = await serve(dataDir);
    const kept = fs.readdirSync(dataDir).filter((f) => f.startsWith('settings.corrupt-'));
    expect(kept).toHaveLength(1);
    expect(fs.readFileSync(path.join(dataDir, kept[0]!), 'utf8')).toBe('{ broken');
    expect(stderr()).toMatch(/settings file could not be read; moved aside/);
  });

  it('keeps everything under --data-dir and MCP_TRAY_HOME', async () => {
    const home = tempDir();
    const dataDir = path.join(home, 'elsewhere');
    const child = spawn(process.execPath, [CLI, 'serve', '--json', '--no-open', '--port', '0'], {
      env: { ...env(home), MCP_TRAY_HOME: dataDir },
    });
    children.push(child);
    const line = await new Promise<string>((resolve) =>
      child.stdout.once('data', (d: Buffer) => resolve(String(d))),
    );
    expect(JSON.parse(line).dataDir).toBe(dataDir);
    expect(fs.readdirSync(home)).toEqual(['elsewhere']);
    expect(fs.statSync(dataDir).mode & 0o777).toBe(0o700);
  });

  it('says the core is not running (exit 3) for commands that need it, and reports usage errors', () => {
    const home = tempDir();
    for (const command of [['auth', 'github'], ['clients'], ['logs'], ['status']]) {
      const result = run(command, home);
      expect(result.status).toBe(3);
      expect(result.stderr).toContain('MCP Tray is not running');
    }
    expect(run(['frobnicate'], home).status).toBe(2);
    expect(run(['serve', '--port', 'abc'], home).stderr).toContain('--port must be a number');
    expect(run(['--version'], home).stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });
});

/** A Node older than the core needs (Debian 12's system Node 20), if this machine has one. */
const OLD_NODE = ['/usr/bin/node', '/usr/local/bin/node'].find((file) => {
  const version = spawnSync(file, ['--version'], { encoding: 'utf8' }).stdout?.trim() ?? '';
  const [major = 0, minor = 0] = version.replace(/^v/, '').split('.').map(Number);
  return major > 0 && (major < 22 || (major === 22 && minor < 12));
});

describe.skipIf(!OLD_NODE)('on a Node older than 22.12', () => {
  it('refuses to start the core, in words, before it could crash at the first keychain use', () => {
    const home = tempDir();
    const result = spawnSync(
      OLD_NODE!,
      [CLI, 'serve', '--no-open', '--port', '0', '--data-dir', path.join(home, 'data')],
      { encoding: 'utf8', env: env(home), timeout: 20_000 },
    );
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(
      /^mcp-tray: the core needs Node 22\.12 or later; this is Node \d+\.\d+\.\d+\./,
    );
    expect(fs.existsSync(path.join(home, 'data', 'settings.json'))).toBe(false);
    // The commands that only talk to a core still run there (AI clients may start the connector with it).
    expect(spawnSync(OLD_NODE!, [CLI, '--version'], { encoding: 'utf8' }).stdout.trim()).toMatch(
      /^\d+\.\d+\.\d+$/,
    );
  });
});

describe('compile cache', () => {
  // Everyday commands are one small file compiled before the cache can be turned on; `serve`
  // loads the core's code after it, and that is what the cache is for.
  it("keeps V8's compile cache in the data folder, and a second start uses it", async () => {
    const dataDir = path.join(tempDir('cli-cache-'), 'data');
    // No folder yet: nothing is created for the cache (the core makes it, private).
    spawnSync(process.execPath, [CLI, 'status', '--json', '--data-dir', dataDir], {
      env: env(path.dirname(dataDir)),
    });
    expect(fs.existsSync(dataDir)).toBe(false);
    const startAndStop = async () => {
      const { child } = await serve(dataDir);
      await new Promise((resolve) => {
        child.once('exit', resolve);
        child.kill('SIGTERM');
      });
    };
    const cached = () =>
      fs
        .readdirSync(path.join(dataDir, 'cache', 'v8'), { recursive: true, withFileTypes: true })
        .filter((e) => e.isFile())
        .map((e) => e.name)
        .sort();
    // The first start makes the folder (after the cache was looked for), the second fills it.
    await startAndStop();
    await startAndStop();
    const first = cached();
    expect(first.length).toBeGreaterThan(0);
    await startAndStop();
    expect(cached()).toEqual(first);
  });
});
