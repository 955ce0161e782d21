import { spawn } from 'node:child_process';
import fs from 'node:fs';
import fsPromises from 'node:fs/promises';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../../test/core/support/temp-dirs';
import type { AtomicFs } from './atomic-write';
import { TEMP_MARK, writeFileAtomic } from './atomic-write';

const RUNS = 200;

/** A big config (about 1.5 MB) so a kill often lands in the middle of writing it. */
function bigConfig(version: string): Buffer {
  const servers = Object.fromEntries(
    Array.from({ length: 15_000 }, (_, i) => [
      `server-${i}`,
      { command: 'node', args: [`${version}-${'x'.repeat(40)}`] },
    ]),
  );
  return Buffer.from(JSON.stringify({ version, mcpServers: servers }, null, 2));
}

/** Bundles a child that rewrites the target forever with the real `writeFileAtomic`. */
async function buildChild(dir: string): Promise<string> {
  const outfile = path.join(dir, 'writer-child.mjs');
  await build({
    stdin: {
      contents: `
        import { readFileSync } from 'node:fs';
        import { writeFileAtomic } from ${JSON.stringify(path.join(import.meta.dirname, 'atomic-write.ts'))};
        const [target, a, b] = process.argv.slice(2);
        const contents = [readFileSync(a), readFileSync(b)];
        process.stdout.write('ready\\n');
        for (let n = 0; ; n++) await writeFileAtomic(target, contents[n % 2], { mode: 0o600 });
      `,
      resolveDir: import.meta.dirname,
      loader: 'ts',
    },
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    outfile,
    logLevel: 'error',
  });
  return outfile;
}

async function killMidWrite(child: string, args: string[]): Promise<void> {
  const proc = spawn(process.execPath, [child, ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
  const exited = new Promise((resolve) => proc.once('exit', resolve));
  await new Promise<void>((resolve, reject) => {
    createInterface({ input: proc.stdout }).once('line', () => resolve());
    proc.once('error', reject);
  });
  await new Promise((resolve) => setTimeout(resolve, Math.random() * 25));
  proc.kill('SIGKILL');
  await exited;
}

describe('writeFileAtomic', () => {
  it(`leaves the old or the new file, never a mix, when killed at random points (${RUNS} runs)`, async () => {
    const dir = tempDir();
    const child = await buildChild(dir);
    const versions = { A: bigConfig('A'), B: bigConfig('B') };
    const aFile = path.join(dir, 'a.json');
    const bFile = path.join(dir, 'b.json');
    fs.writeFileSync(aFile, versions.A);
    fs.writeFileSync(bFile, versions.B);
    const target = path.join(dir, 'config', 'claude_desktop_config.json');
    fs.mkdirSync(path.dirname(target));
    fs.writeFileSync(target, versions.A);
    const seen = { A: 0, B: 0 };
    let leftovers = 0;
    for (let run = 0; run < RUNS; run++) {
      await killMidWrite(child, [target, aFile, bFile]);
      const now = fs.readFileSync(target);
      const version = now.equals(versions.A) ? 'A' : now.equals(versions.B) ? 'B' : null;
      expect(version, `run ${run}: the target is neither the old nor the new content`).not.toBeNull();
      expect((JSON.parse(now.toString('utf8')) as { version: string }).version).toBe(version);
      seen[version!]++;
      // A kill between creating and renaming the temp file leaves it behind; clear it for the next run.
      for (const name of fs.readdirSync(path.dirname(target))) {
        if (name.includes(TEMP_MARK)) {
          leftovers++;
          fs.rmSync(path.join(path.dirname(target), name));
        }
      }
    }
    console.log(
      `crash test: ${RUNS} kills, final content A ${seen.A}× / B ${seen.B}×, ${leftovers} temp files left`,
    );
    expect(seen.A).toBeGreaterThan(0);
    expect(seen.B).toBeGreaterThan(0);
  }, 180_000);

  it('keeps the target and removes its temp file when the rename fails', async () => {
    const dir = tempDir();
    const target = path.join(dir, 'mcp.json');
    fs.writeFileSync(target, '{"old": true}');
    const failing: AtomicFs = {
      ...fsPromises,
      rename: () => Promise.reject(Object.assign(new Error('disk full'), { code: 'ENOSPC' })),
    };
    await expect(writeFileAtomic(target, '{"new": true}', { mode: 0o600, fs: failing })).rejects.toThrow(
      'disk full',
    );
    expect(fs.readFileSync(target, 'utf8')).toBe('{"old": true}');
    expect(fs.readdirSync(dir)).toEqual(['mcp.json']);
  });

  it('abandons the write when told to just before the rename', async () => {
    const dir = tempDir();
    const target = path.join(dir, 'mcp.json');
    fs.writeFileSync(target, 'old');
    const done = await writeFileAtomic(target, 'new', {
      mode: 0o600,
      beforeRename: () => Promise.resolve(false),
    });
    expect(done).toBe(false);
    expect(fs.readFileSync(target, 'utf8')).toBe('old');
    expect(fs.readdirSync(dir)).toEqual(['mcp.json']);
  });

  it.skipIf(process.platform === 'win32')('sets the requested mode despite the umask', async () => {
    const dir = tempDir();
    const target = path.join(dir, 'mcp.json');
    await writeFileAtomic(target, 'x', { mode: 0o664 });
    expect(fs.statSync(target).mode & 0o777).toBe(0o664);
  });
});
