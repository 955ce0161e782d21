import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';

const SCRIPTS = import.meta.dirname;
const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

function project(packageJson: object, lock: object): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mcp-tray-start-'));
  dirs.push(dir);
  fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify(packageJson, null, 2));
  fs.writeFileSync(path.join(dir, 'package-lock.json'), JSON.stringify(lock, null, 2));
  return dir;
}

function run(script: string, dir: string, env: NodeJS.ProcessEnv = {}) {
  return spawnSync('bash', [path.join(SCRIPTS, script), dir], {
    encoding: 'utf8',
    env: { ...process.env, ...env },
    timeout: 120_000,
  });
}

const base = { name: 'fixture', version: '1.0.0', private: true };
const baseLock = {
  name: 'fixture',
  version: '1.0.0',
  lockfileVersion: 3,
  requires: true,
  packages: { '': base },
};

/** A package in node_modules that code of the project requires (stands for keytar and friends). */
function installedModule(dir: string): void {
  const mod = path.join(dir, 'node_modules', 'hello');
  fs.mkdirSync(mod, { recursive: true });
  fs.writeFileSync(path.join(mod, 'package.json'), '{"name":"hello","main":"index.js"}');
  fs.writeFileSync(path.join(mod, 'index.js'), 'module.exports = "still working";');
}

const leftovers = (dir: string) => fs.readdirSync(dir).filter((name) => name.startsWith('.npm-install'));

describe('scripts/install-npm.sh (real npm)', () => {
  it('installs into a fresh folder and swaps it in, then does nothing while the lockfile is the same', () => {
    const dir = project(base, baseLock);
    fs.mkdirSync(path.join(dir, 'node_modules'));
    fs.writeFileSync(path.join(dir, 'node_modules', 'from-before'), '');
    const first = run('install-npm.sh', dir);
    expect(first.status, first.stderr).toBe(0);
    expect(fs.existsSync(path.join(dir, 'node_modules', '.mcp-tray-install-stamp'))).toBe(true);
    expect(fs.existsSync(path.join(dir, 'node_modules', 'from-before'))).toBe(false);
    expect(leftovers(dir)).toEqual([]);

    installedModule(dir);
    const again = run('install-npm.sh', dir);
    expect(again.status).toBe(0);
    expect(again.stdout).toBe('');
    expect(fs.existsSync(path.join(dir, 'node_modules', 'hello'))).toBe(true);
  });

  it('keeps the old node_modules working when npm ci fails (unreachable registry)', () => {
    const dir = project(base, baseLock);
    expect(run('install-npm.sh', dir).status).toBe(0);
    installedModule(dir);
    const stamp = fs.readFileSync(path.join(dir, 'node_modules', '.mcp-tray-install-stamp'), 'utf8');
    // The lockfile changes: a dependency from a registry that cannot be reached.
    const withDep = { ...base, dependencies: { 'left-pad': '1.3.0' } };
    fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify(withDep));
    fs.writeFileSync(
      path.join(dir, 'package-lock.json'),
      JSON.stringify({
        ...baseLock,
        packages: {
          '': withDep,
          'node_modules/left-pad': {
            version: '1.3.0',
            resolved: 'https://registry.npmjs.org/left-pad/-/left-pad-1.3.0.tgz',
            integrity: `sha512-${Buffer.alloc(64).toString('base64')}`,
          },
        },
      }),
    );
    const cache = fs.mkdtempSync(path.join(os.tmpdir(), 'mcp-tray-npm-cache-'));
    dirs.push(cache);
    const failed = run('install-npm.sh', dir, {
      npm_config_registry: 'http://127.0.0.1:9/',
      npm_config_cache: cache,
      npm_config_fetch_retries: '0',
      npm_config_fetch_timeout: '2000',
    });
    expect(failed.status).toBe(1);
    expect(failed.stderr).toContain('the packages installed before are kept and still used');
    // Untouched: same stamp (so the next start tries again), same packages, still loadable.
    expect(fs.readFileSync(path.join(dir, 'node_modules', '.mcp-tray-install-stamp'), 'utf8')).toBe(stamp);
    const load = spawnSync(process.execPath, ['-p', 'require("hello")'], { cwd: dir, encoding: 'utf8' });
    expect(load.stdout.trim()).toBe('still working');
    expect(leftovers(dir)).toEqual([]);
  });
});

describe('scripts/build-if-changed.sh (real npm run build)', () => {
  it('builds when a source changed, not when nothing or only a test did', () => {
    const build =
      "node -e \"require('fs').mkdirSync('dist',{recursive:true});require('fs').appendFileSync('dist/built','x')\"";
    const dir = project({ ...base, scripts: { build } }, baseLock);
    const source = path.join(dir, 'electron', 'core', 'a.ts');
    fs.mkdirSync(path.dirname(source), { recursive: true });
    fs.writeFileSync(source, 'export const a = 1;\n');
    fs.writeFileSync(path.join(dir, 'electron', 'core', 'a.test.ts'), '');
    const builds = () => fs.readFileSync(path.join(dir, 'dist', 'built'), 'utf8').length;

    expect(run('build-if-changed.sh', dir).status).toBe(0);
    expect(builds()).toBe(1);
    const same = run('build-if-changed.sh', dir);
    expect(same.stdout).toBe('');
    expect(builds()).toBe(1);

    fs.writeFileSync(path.join(dir, 'electron', 'core', 'a.test.ts'), 'test("x", () => {});\n');
    run('build-if-changed.sh', dir);
    expect(builds()).toBe(1);

    fs.writeFileSync(source, 'export const a = 2;\n');
    expect(run('build-if-changed.sh', dir).stdout).toContain('building MCP Tray');
    expect(builds()).toBe(2);
  });
});
