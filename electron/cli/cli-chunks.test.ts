// Static guards on the built CLI (`npm run build` makes it): what each command loads.
import fs from 'node:fs';
import { isBuiltin } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../..');

interface Meta {
  outputs: Record<
    string,
    { imports: { path: string; kind: string; external?: boolean }[]; inputs: Record<string, unknown> }
  >;
}

/** The light bundle (`mcp-tray.mjs`) or the heavy build beside it (`heavy/`). */
const meta = (which: 'cli' | 'heavy' = 'cli'): Meta =>
  JSON.parse(fs.readFileSync(path.join(ROOT, `dist/cli/${which}.meta.json`), 'utf8')) as Meta;

/** Every source file and package (bundled or outside) loaded, without dynamic imports, by the chunks given. */
function loadedBy(m: Meta, outputs: string[]): { sources: Set<string>; packages: Set<string> } {
  const sources = new Set<string>();
  const packages = new Set<string>();
  const seen = new Set<string>();
  const visit = (output: string) => {
    if (seen.has(output)) return;
    seen.add(output);
    const chunk = m.outputs[output]!;
    for (const input of Object.keys(chunk.inputs)) {
      // Dependencies are bundled: a package counts as loaded when any of its files is.
      const bundled = /^node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(input);
      if (bundled) packages.add(bundled[1]!);
      else sources.add(input);
    }
    for (const i of chunk.imports) {
      if (i.kind !== 'import-statement') continue;
      if (i.external) {
        if (!isBuiltin(i.path)) packages.add(i.path);
      } else visit(i.path);
    }
  };
  outputs.forEach(visit);
  return { sources, packages };
}

/** The chunk holding a source file. */
const chunkOf = (m: Meta, source: string): string =>
  Object.keys(m.outputs).find((o) => o.endsWith('.mjs') && source in m.outputs[o]!.inputs)!;

describe('the CLI loads only what a command needs', () => {
  it('connect, status, logs, restart and the other everyday commands are one file without the core or zod', () => {
    const m = meta();
    const entry = 'dist/cli/mcp-tray.mjs';
    expect(Object.keys(m.outputs).filter((o) => o.endsWith('.mjs'))).toEqual([entry]);
    const { sources, packages } = loadedBy(m, [entry]);
    expect([...packages]).toEqual([]);
    for (const source of [
      'electron/cli/connector.ts',
      'electron/cli/control-command.ts',
      'electron/cli/commands/instance-commands.ts',
      'electron/cli/commands/logs-command.ts',
    ]) {
      expect(sources.has(source)).toBe(true);
    }
    expect([...sources].filter((s) => s.includes('contract') || s.includes('/core/broker/'))).toEqual([]);
    expect([...sources].some((s) => s.includes('serve-command'))).toBe(false);
    // Node's own modules are required, not imported: an import evaluates all their lazy exports.
    expect(
      m.outputs[entry]!.imports.filter((i) => i.kind === 'import-statement' && i.path !== 'node:module'),
    ).toEqual([]);
  });

  it('what the light file imports on demand is built into heavy/', () => {
    const dynamic = meta().outputs['dist/cli/mcp-tray.mjs']!.imports.filter(
      (i) => i.kind === 'dynamic-import',
    );
    expect(dynamic.map((i) => i.path)).toContain('./heavy/serve-command.mjs');
    for (const i of dynamic) {
      expect(i.external).toBe(true);
      expect(fs.existsSync(path.join(ROOT, 'dist/cli', i.path))).toBe(true);
    }
  });

  it("serve's start loads neither undici, the HTTP endpoint's transport, ws nor fflate", () => {
    // An ESM import of node:http, or Hono's node server reading global.Request, loads all of
    // Node's undici (~25 ms of every start); the endpoint's transport comes with its first session.
    const m = meta('heavy');
    const serve = chunkOf(m, 'electron/cli/serve-command.ts');
    const { packages } = loadedBy(m, [serve]);
    expect(packages.has('@hono/node-server')).toBe(false);
    // Loaded on first use too: ws with the page's WebSocket (it brings https and tls), fflate
    // with the first diagnostics archive (it builds its tables when loaded).
    expect(packages.has('ws')).toBe(false);
    expect(packages.has('fflate')).toBe(false);
    const imported = Object.values(m.outputs).flatMap((o) =>
      o.imports.filter((i) => i.kind === 'import-statement').map((i) => i.path),
    );
    expect(imported.filter((p) => /^(node:)?http$/.test(p))).toEqual([]);
  });

  it("serve's start loads neither the MCP SDK nor ajv, the config parsers, the diff library, the zip reader or the SDK's own dependencies", () => {
    // They come with their first use (a server started, a session, a sign-in, a client's file
    // that exists, a change to one, a bundle): evaluating the SDK's schemas and ajv was most of
    // the cold start.
    const m = meta('heavy');
    const { packages } = loadedBy(m, [chunkOf(m, 'electron/cli/serve-command.ts')]);
    for (const name of [
      '@modelcontextprotocol/sdk',
      'ajv',
      'ajv-formats',
      'diff',
      'jsonc-parser',
      'smol-toml',
      'yauzl',
      'eventsource',
      'eventsource-parser',
      'zod-to-json-schema',
    ]) {
      expect(packages.has(name), name).toBe(false);
    }
    // Still in the build, for when they are needed.
    const all = loadedBy(
      m,
      Object.keys(m.outputs).filter((o) => o.endsWith('.mjs')),
    ).packages;
    expect([...all]).toEqual(expect.arrayContaining(['@modelcontextprotocol/sdk', 'ajv', 'diff', 'yauzl']));
  });

  it("zod is bundled with its English locale only (the others were 15% of the core's code)", () => {
    const inputs = (m: Meta) => Object.values(m.outputs).flatMap((o) => Object.keys(o.inputs));
    const main = JSON.parse(fs.readFileSync(path.join(ROOT, 'dist/main/main.meta.json'), 'utf8')) as Meta;
    for (const m of [meta('heavy'), main]) {
      const locales = inputs(m).filter((i) => i.startsWith('node_modules/zod/v4/locales/'));
      expect(locales).toEqual(['node_modules/zod/v4/locales/en.js']);
    }
  });

  it("zod's compiler and JSON Schema import are not in serve's start (import * as z leaves them out)", () => {
    const m = meta('heavy');
    const chunks = new Set<string>();
    const visit = (output: string) => {
      if (chunks.has(output)) return;
      chunks.add(output);
      for (const i of m.outputs[output]!.imports)
        if (i.kind === 'import-statement' && !i.external) visit(i.path);
    };
    visit(chunkOf(m, 'electron/cli/serve-command.ts'));
    const zod = [...chunks]
      .flatMap((c) => Object.keys(m.outputs[c]!.inputs))
      .filter((i) => i.includes('/zod/'));
    expect(zod).toContain('node_modules/zod/v4/classic/schemas.js');
    for (const unused of ['core/compile.js', 'classic/from-json-schema.js']) {
      expect(zod).not.toContain(`node_modules/zod/v4/${unused}`);
    }
  });

  it('serve loads the core', () => {
    const m = meta('heavy');
    const { packages, sources } = loadedBy(m, [chunkOf(m, 'electron/cli/serve-command.ts')]);
    expect([...packages]).toEqual(expect.arrayContaining(['conf', 'zod']));
    expect(sources.has('electron/core/broker/broker.ts')).toBe(true);
  });

  it('every bundle is ASCII (Node decodes a module with one non-ASCII character on its slow path)', () => {
    const code = ['dist/cli', 'dist/main', 'dist/guardian'].flatMap((dir) =>
      fs
        .readdirSync(path.join(ROOT, dir), { recursive: true })
        .map((name) => path.join(ROOT, dir, String(name)))
        .filter((file) => /\.(mjs|cjs|js)$/.test(file)),
    );
    expect(code.length).toBeGreaterThan(10);
    // eslint-disable-next-line no-control-regex -- the range is the point
    const offenders = code.filter((file) => /[^\x00-\x7f]/.test(fs.readFileSync(file, 'utf8')));
    expect(offenders).toEqual([]);
  });
});
