import fs from 'node:fs';
import path from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '..', '..');

function sourceFiles(dir: string): string[] {
  return fs
    .readdirSync(path.join(root, dir), { recursive: true, encoding: 'utf8' })
    .filter((file) => /\.(ts|tsx|mts|cts|js|mjs)$/.test(file))
    .map((file) => path.join(dir, file));
}

const IMPORT = /(?:from\s*|import\s*\(\s*|require\s*\(\s*|import\s+)['"]([^'"]+)['"]/g;

function importsOf(file: string): string[] {
  const text = fs.readFileSync(path.join(root, file), 'utf8');
  return [...text.matchAll(IMPORT)].map((m) => m[1]!);
}

describe('layer boundaries', () => {
  it('electron/core, electron/shared and electron/cli never import electron', () => {
    const offenders = ['electron/core', 'electron/shared', 'electron/cli']
      .flatMap(sourceFiles)
      .filter((file) => importsOf(file).some((spec) => spec === 'electron' || spec.startsWith('electron/')));
    expect(offenders).toEqual([]);
  });

  it('in electron/main only main.ts takes values from electron; the setup steps take parameters', () => {
    const valueImport =
      /import\s+(?!type\b)[^;]*?from\s*['"]electron['"]|(?:require|import)\s*\(\s*['"]electron['"]\s*\)/;
    const main = path.join('electron', 'main', 'main.ts');
    const read = (file: string) => fs.readFileSync(path.join(root, file), 'utf8');
    const offenders = sourceFiles('electron/main').filter(
      (file) => file !== main && !file.endsWith('.test.ts') && valueImport.test(read(file)),
    );
    expect(offenders).toEqual([]);
    expect(valueImport.test(read(main))).toBe(true);
  });

  it('renderer imports nothing from electron/ except electron/shared', () => {
    const offenders = sourceFiles('renderer').flatMap((file) =>
      importsOf(file)
        .filter((spec) => spec === 'electron' || /(^|\/)electron\/(?!shared(\/|$))/.test(spec))
        .map((spec) => `${file}: ${spec}`),
    );
    expect(offenders).toEqual([]);
  });

  it('production code never imports the test tree (test/)', () => {
    const offenders = ['electron', 'renderer/src', 'servers']
      .flatMap(sourceFiles)
      // Test files, the test trees (renderer/src/test, the servers' test/) and the fixtures
      // beside the tests that run them are test code.
      .filter((file) => !/\.test\.tsx?$/.test(file) && !/(^|\/)(test|fixtures)\//.test(file))
      .flatMap((file) =>
        importsOf(file)
          .filter((spec) => /(^|\/)test\//.test(spec))
          .map((spec) => `${file}: ${spec}`),
      );
    expect(offenders).toEqual([]);
  });

  it('the lint rule rejects an electron import in core and a core import in the renderer', async () => {
    // Probe files on disk, so the type-aware lint setup treats them like any source file.
    const electron = ['elec', 'tron'].join('');
    const probes = {
      core: path.join(root, `electron/core/boundary-probe-${process.pid}.ts`),
      renderer: path.join(root, `renderer/src/boundary-probe-${process.pid}.ts`),
    };
    fs.writeFileSync(probes.core, `import { app } from '${electron}';\nexport const name = app.name;\n`);
    fs.writeFileSync(
      probes.renderer,
      "import { createCore } from '../../electron/core/core';\nexport const f = createCore;\n",
    );
    try {
      const results = await new ESLint({ cwd: root }).lintFiles(Object.values(probes));
      for (const result of results) {
        expect(result.messages.map((m) => m.ruleId)).toContain('no-restricted-imports');
      }
    } finally {
      Object.values(probes).forEach((file) => fs.rmSync(file, { force: true }));
    }
  });
});

describe('file names', () => {
  it('the lint rule rejects a file name that is not kebab-case', async () => {
    const probe = path.join(root, `electron/core/BoundaryProbe${process.pid}.ts`);
    fs.writeFileSync(probe, 'export const probe = 1;\n');
    try {
      const [result] = await new ESLint({ cwd: root }).lintFiles([probe]);
      expect(result!.messages.map((m) => m.ruleId)).toContain('unicorn/filename-case');
    } finally {
      fs.rmSync(probe, { force: true });
    }
  });
});
