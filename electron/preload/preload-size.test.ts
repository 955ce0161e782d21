import fs from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');

describe('the preload stays lean', () => {
  it('bundles no zod: it builds its API from the contract names alone', async () => {
    const result = await build({
      entryPoints: [path.join(root, 'electron/preload/preload.ts')],
      bundle: true,
      write: false,
      metafile: true,
      format: 'cjs',
      platform: 'node',
      external: ['electron'],
      logLevel: 'silent',
    });
    const inputs = Object.keys(result.metafile.inputs);
    expect(inputs.filter((file) => /node_modules\/zod\//.test(file))).toEqual([]);
    expect(inputs).not.toContain('electron/shared/contract.ts');
  });

  it('the built preload is under 20 KB', () => {
    const built = path.join(root, 'dist/preload/preload.cjs');
    expect(fs.existsSync(built), 'run `npm run build` first').toBe(true);
    expect(fs.statSync(built).size).toBeLessThanOrEqual(20 * 1024);
  });
});
