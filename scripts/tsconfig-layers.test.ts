// Each layer is type-checked with its runtime's types (tsconfig.<layer>.json): a Node global in
// the renderer or a DOM global in the core is a type error. Proven on a probe file compiled with
// the layer's options and all its files, so a dependency that pulls in the other runtime's types
// (a `/// <reference types="node" />`, say) would make the probe compile and the test fail.
import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../test/core/support/temp-dirs';

const ROOT = path.resolve(import.meta.dirname, '..');

const NODE_PROBE = 'export const home = process.env.HOME;\nexport const bytes = Buffer.from("x");\n';
const DOM_PROBE = 'export const title = document.title;\nexport const width = window.innerWidth;\n';
// Parsing a layer's files is most of the cost: the second probe of a layer reuses the first's.
const programs = new Map<string, ts.Program>();

/** The probe's type errors when compiled as one more file of the layer. */
function probeErrors(layer: string, source: string): string[] {
  const config = ts.getParsedCommandLineOfConfigFile(path.join(ROOT, `tsconfig.${layer}.json`), undefined, {
    ...ts.sys,
    onUnRecoverableConfigFileDiagnostic: (diagnostic) => {
      throw new Error(ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'));
    },
  });
  if (!config) throw new Error(`tsconfig.${layer}.json did not parse`);
  const probe = path.join(tempDir(), 'layer-probe.ts');
  fs.writeFileSync(probe, source);
  const program = ts.createProgram({
    // Other tests' probe files live in the source tree for a moment (boundaries.test.ts writes a
    // renderer file that imports the core): they are not the layer's.
    rootNames: [...config.fileNames.filter((file) => !/probe/i.test(path.basename(file))), probe],
    options: { ...config.options, incremental: false },
    ...(programs.has(layer) ? { oldProgram: programs.get(layer)! } : {}),
  });
  programs.set(layer, program);
  const file = program.getSourceFile(probe)!;
  return [...program.getSyntacticDiagnostics(file), ...program.getSemanticDiagnostics(file)].map((d) =>
    ts.flattenDiagnosticMessageText(d.messageText, '\n'),
  );
}

describe('a tsconfig per layer', { timeout: 180_000 }, () => {
  it('the renderer has no Node types', () => {
    const errors = probeErrors('renderer', NODE_PROBE);
    expect(errors.some((e) => e.includes("Cannot find name 'process'"))).toBe(true);
    expect(errors.some((e) => e.includes("Cannot find name 'Buffer'"))).toBe(true);
    expect(probeErrors('renderer', DOM_PROBE)).toEqual([]);
  });

  it('the core, CLI, shared contract and servers have no DOM', () => {
    const errors = probeErrors('core', DOM_PROBE);
    expect(errors.some((e) => e.includes("Cannot find name 'document'"))).toBe(true);
    expect(errors.some((e) => e.includes("Cannot find name 'window'"))).toBe(true);
    expect(probeErrors('core', NODE_PROBE)).toEqual([]);
  });

  it('the Electron shell has Node types and no DOM', () => {
    expect(probeErrors('main', DOM_PROBE).some((e) => e.includes("Cannot find name 'document'"))).toBe(true);
    expect(probeErrors('main', NODE_PROBE)).toEqual([]);
  });
});
