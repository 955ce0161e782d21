import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../../test/core/support/temp-dirs';
import { writeZip } from '../../../test/core/support/zip-writer';
import { checkEntryName, extractBundle, openBundle, readZip } from './mcpb-bundle';

const MANIFEST = {
  manifest_version: '0.3',
  name: 'weather',
  display_name: 'Weather',
  version: '1.2.0',
  description: 'Forecasts for your AI client.',
  author: { name: 'Ada' },
  server: {
    type: 'node',
    entry_point: 'server/index.js',
    mcp_config: { command: 'node', args: ['${__dirname}/server/index.js'] },
  },
};

const manifestFile = { name: 'manifest.json', data: JSON.stringify(MANIFEST) };
/** Where the central directory starts (from the end record), to tamper with it. */
const centralStart = (zip: Buffer) => zip.readUInt32LE(zip.length - 22 + 16);

const hasZipCommand = (() => {
  try {
    execFileSync('zip', ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

describe('readZip', () => {
  it('reads stored and deflated files, skips folders, keeps the executable bit', async () => {
    const zip = writeZip([
      { name: 'a.txt', data: 'stored text', store: true },
      { name: 'dir/', data: '' },
      { name: 'dir/b.txt', data: 'deflated '.repeat(100) },
      { name: 'bin/run', data: '#!/bin/sh\n', mode: 0o100755 },
      { name: './dot/c.txt', data: 'c' },
    ]);
    const entries = await readZip(zip);
    expect(entries.map((e) => [e.name, e.size, e.mode])).toEqual([
      ['a.txt', 11, 0o644],
      ['dir/b.txt', 900, 0o644],
      ['bin/run', 10, 0o755],
      ['dot/c.txt', 1, 0o644],
    ]);
    expect((await entries[1]!.read()).toString()).toBe('deflated '.repeat(100));
  });

  it.skipIf(!hasZipCommand)('reads what the zip command writes', async () => {
    const dir = tempDir();
    fs.mkdirSync(path.join(dir, 'src', 'server'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'src', 'manifest.json'), JSON.stringify(MANIFEST));
    fs.writeFileSync(path.join(dir, 'src', 'server', 'index.js'), 'console.log(1)\n'.repeat(50));
    execFileSync('zip', ['-qr', path.join(dir, 'b.mcpb'), '.'], { cwd: path.join(dir, 'src') });
    const bundle = await openBundle(fs.readFileSync(path.join(dir, 'b.mcpb')));
    expect(bundle.manifest.name).toBe('weather');
    expect(bundle.entries.map((e) => e.name).sort()).toEqual(['manifest.json', 'server/index.js']);
  });

  it.each([
    ['../evil.sh', /outside the bundle/],
    ['server/../../evil.sh', /outside the bundle/],
    ['/etc/passwd', /absolute path/],
    ['C:/Windows/evil.dll', /absolute path/],
    ['server\\..\\evil.sh', /backslashes/],
  ])('refuses the path %s', async (name, message) => {
    await expect(async () => readZip(writeZip([manifestFile, { name, data: 'x' }]))).rejects.toThrow(message);
  });

  it('refuses symbolic links, encrypted files and names that clash', async () => {
    await expect(async () =>
      readZip(writeZip([{ name: 'link', data: '/etc/passwd', mode: 0o120777 }])),
    ).rejects.toThrow(/symbolic link/);
    const encrypted = writeZip([{ name: 'secret.txt', data: 'x' }]);
    const at = centralStart(encrypted);
    encrypted.writeUInt16LE(encrypted.readUInt16LE(at + 8) | 1, at + 8);
    await expect(async () => readZip(encrypted)).rejects.toThrow(/encrypted/);
    await expect(async () =>
      readZip(
        writeZip([
          { name: 'README.md', data: 'a' },
          { name: 'readme.md', data: 'b' },
        ]),
      ),
    ).rejects.toThrow(/appears twice/);
  });

  it('holds to its limits on files and sizes', async () => {
    const many = writeZip(Array.from({ length: 5 }, (_, i) => ({ name: `f${i}`, data: 'x' })));
    const limits = { maxEntries: 4, maxTotalBytes: 1000, maxEntryBytes: 1000 };
    await expect(async () => readZip(many, limits)).rejects.toThrow(/more than 4 files/);
    const big = writeZip([{ name: 'big', data: Buffer.alloc(2000) }]);
    await expect(async () => readZip(big, { ...limits, maxEntryBytes: 10_000 })).rejects.toThrow(
      /add up to more/,
    );
    await expect(async () => readZip(big, { ...limits, maxTotalBytes: 10_000 })).rejects.toThrow(
      /larger than the limit/,
    );
  });

  it('stops a file that inflates past the size it declares (zip bomb)', async () => {
    const bomb = writeZip([{ name: 'zeros', data: Buffer.alloc(5_000_000) }]);
    expect(bomb.length).toBeLessThan(10_000);
    bomb.writeUInt32LE(100, centralStart(bomb) + 24);
    const [entry] = await readZip(bomb);
    await expect(async () => entry!.read()).rejects.toThrow(/damaged or larger than it says/);
  });

  it('notices damage: not a zip, cut short, a wrong checksum', async () => {
    await expect(async () => readZip(Buffer.from('definitely not a zip file at all'))).rejects.toThrow(
      /not a zip file/,
    );
    const zip = writeZip([{ name: 'a.txt', data: 'hello', store: true }]);
    await expect(async () => readZip(zip.subarray(10))).rejects.toThrow(/damaged|not a zip/);
    const flipped = Buffer.from(zip);
    const at = 30 + 'a.txt'.length;
    flipped.writeUInt8(flipped.readUInt8(at) ^ 0xff, at);
    await expect(async () => (await readZip(flipped))[0]!.read()).rejects.toThrow(/damaged/);
  });

  it('normalises harmless names', async () => {
    expect(checkEntryName('./a//b/./c.txt')).toBe('a/b/c.txt');
  });
});

describe('openBundle', () => {
  it('reads the manifest and checks every file', async () => {
    const bundle = await openBundle(writeZip([manifestFile, { name: 'server/index.js', data: 'run()' }]));
    expect(bundle.manifest.display_name).toBe('Weather');
    expect(bundle.totalBytes).toBe(JSON.stringify(MANIFEST).length + 5);
  });

  it('says what is wrong with the manifest', async () => {
    await expect(async () => openBundle(writeZip([{ name: 'x.txt', data: '' }]))).rejects.toThrow(
      /no manifest.json/,
    );
    await expect(async () => openBundle(writeZip([{ name: 'manifest.json', data: '{' }]))).rejects.toThrow(
      /not valid JSON/,
    );
    const incomplete = { ...MANIFEST, server: undefined };
    await expect(async () =>
      openBundle(writeZip([{ name: 'manifest.json', data: JSON.stringify(incomplete) }])),
    ).rejects.toThrow(/incomplete \(server/);
  });
});

describe('extractBundle', () => {
  it('writes the files with their modes into a new folder', async () => {
    const root = tempDir();
    const { entries } = await openBundle(
      writeZip([manifestFile, { name: 'bin/run', data: '#!/bin/sh\n', mode: 0o100755 }]),
    );
    const dir = path.join(root, 'bundles', 'weather');
    await extractBundle(entries, dir);
    expect(JSON.parse(fs.readFileSync(path.join(dir, 'manifest.json'), 'utf8')).name).toBe('weather');
    expect(fs.statSync(path.join(dir, 'bin', 'run')).mode & 0o777).toBe(0o755);
    await expect(async () => extractBundle(entries, dir)).rejects.toThrow(/already exists/);
  });

  it('leaves nothing behind when a file turns out damaged', async () => {
    const root = tempDir();
    const zip = writeZip([manifestFile, { name: 'a.txt', data: 'hello', store: true }]);
    const entries = await readZip(zip);
    // Damage a.txt after listing: extraction fails midway.
    const dataAt = zip.length - 22 - (46 + 'manifest.json'.length) - (46 + 'a.txt'.length) - 5;
    zip.writeUInt8(zip.readUInt8(dataAt) ^ 0xff, dataAt);
    await expect(async () => extractBundle(entries, path.join(root, 'weather'))).rejects.toThrow(/damaged/);
    expect(fs.readdirSync(root)).toEqual([]);
  });
});
