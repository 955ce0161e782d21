// Fast static guards on the built main bundle (`npm run build` makes it); the boot-order test
// runs it. Electron loads it as the app's entry, inside app.asar when packaged.
import { isBuiltin } from 'node:module';
import fs from 'node:fs';
import path from 'node:path';
import { transform } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { mainBundle } from '../../test/electron-double/boot-app';

/** Throws if `code` awaits at its top level (CommonJS output cannot carry a top-level await). */
const assertNoTopLevelAwait = (code: string) =>
  transform(code, { format: 'cjs', loader: 'js', logLevel: 'silent' });

describe('main bundle', () => {
  it('is one CommonJS file with no top-level await', async () => {
    const file = mainBundle();
    expect(path.extname(file)).toBe('.cjs');
    await expect(assertNoTopLevelAwait(fs.readFileSync(file, 'utf8'))).resolves.toBeTruthy();
  });

  it('the guard itself catches a top-level await on ready', async () => {
    const entry = "const { app } = require('electron');\nawait app.whenReady();\n";
    await expect(assertNoTopLevelAwait(entry)).rejects.toThrow(/top-level await/i);
  });

  it('takes only electron, keytar, the sandbox library and Node built-ins from outside the bundle', () => {
    const meta = JSON.parse(fs.readFileSync(mainBundle().replace(/\.cjs$/, '.meta.json'), 'utf8')) as {
      outputs: Record<string, { imports: { path: string; external?: boolean }[] }>;
    };
    const outside = Object.values(meta.outputs)
      .flatMap((o) => o.imports)
      .filter((i) => i.external)
      .map((i) => i.path)
      .filter((p) => !isBuiltin(p));
    expect(new Set(outside)).toEqual(new Set(['electron', 'keytar', '@anthropic-ai/sandbox-runtime']));
  });

  it('gives conf stand-ins for ajv, node:assert and semver, while the SDK keeps the real ajv', () => {
    const meta = JSON.parse(fs.readFileSync(mainBundle().replace(/\.cjs$/, '.meta.json'), 'utf8')) as {
      inputs: Record<string, { imports: { path: string; original?: string }[] }>;
    };
    // A conf that imports them under another path would bring the real ones back into its start.
    const confImports = Object.entries(meta.inputs)
      .filter(([file]) => /node_modules\/conf\//.test(file))
      .flatMap(([, input]) => input.imports.map((i) => i.path))
      .filter((p) => /ajv|assert|semver/.test(p));
    expect(new Set(confImports)).toEqual(
      new Set([
        'scripts/conf-stand-ins/ajv.ts',
        'scripts/conf-stand-ins/assert.ts',
        'scripts/conf-stand-ins/semver.ts',
      ]),
    );
    expect(Object.keys(meta.inputs).some((file) => /node_modules\/ajv\//.test(file))).toBe(true);
    expect(Object.keys(meta.inputs).some((file) => /node_modules\/semver\//.test(file))).toBe(false);
  });
});
