// Bundles everything that runs in Node or Electron (not the renderer, which Vite builds).
import fs from 'node:fs';
import { isBuiltin } from 'node:module';
import path from 'node:path';
import { build } from 'esbuild';
import { escapeNonAscii } from './ascii-bundles.mjs';
import { GUARDIAN_OUTFILE, guardianBuild } from './guardian-build.mjs';

// Built-in servers run from `servers/<id>/dist/server.mjs` with nothing else installed (a
// packaged app has no node_modules for them), so each is one self-contained file.
const serverEntries = Object.fromEntries(
  fs
    .readdirSync('servers', { withFileTypes: true })
    .filter((d) => d.isDirectory() && fs.existsSync(`servers/${d.name}/src/server.ts`))
    .map((d) => [`${d.name}/dist/server`, `servers/${d.name}/src/server.ts`]),
);

// OAuth clients an official build ships (a build-time setting): GitHub's device flow needs only
// the public client id, and a Google desktop client's secret is not a secret (RFC 8252). Without
// them, the app keeps the "use your own OAuth client" steps. See bundled-client.ts.
const bundledClients = {
  github: { clientId: process.env.MCP_TRAY_GITHUB_CLIENT_ID },
  'google-calendar': {
    clientId: process.env.MCP_TRAY_GOOGLE_CLIENT_ID,
    clientSecret: process.env.MCP_TRAY_GOOGLE_CLIENT_SECRET,
  },
  gmail: {
    clientId: process.env.MCP_TRAY_GOOGLE_CLIENT_ID,
    clientSecret: process.env.MCP_TRAY_GOOGLE_CLIENT_SECRET,
  },
};
for (const [id, client] of Object.entries(bundledClients)) {
  const file = `servers/${id}/dist/oauth-client.json`;
  if (!fs.existsSync(`servers/${id}`)) continue;
  if (client.clientId) {
    fs.mkdirSync(`servers/${id}/dist`, { recursive: true });
    const json = {
      clientId: client.clientId,
      ...(client.clientSecret ? { clientSecret: client.clientSecret } : {}),
    };
    fs.writeFileSync(file, JSON.stringify(json) + '\n');
  } else {
    fs.rmSync(file, { force: true });
  }
}

// The main process was an ESM file before; a stale one must not be mistaken for the build.
fs.rmSync('dist/main', { recursive: true, force: true });

const common = {
  bundle: true,
  platform: 'node',
  target: 'node22',
  sourcemap: 'linked',
  logLevel: 'warning',
  legalComments: 'none',
};

/** Keeps what a bundle imports from outside it, for the test that checks it (main-bundle.test.ts). */
const writeMetafile = (file) => ({
  name: 'write-metafile',
  setup(build) {
    build.onEnd((result) => {
      if (result.metafile) fs.writeFileSync(file, JSON.stringify(result.metafile));
    });
  },
});

/**
 * zod in English only: its index of locales re-exports all ~45 of them (366 KB, 15% of the
 * core's code), which esbuild cannot drop behind `export * as locales`. Errors we show are
 * English and nothing asks zod for another locale.
 */
const englishOnlyZod = {
  name: 'english-only-zod',
  setup(build) {
    build.onResolve({ filter: /^\.\.\/locales\/index\.js$/ }, (args) => {
      if (!/[\\/]node_modules[\\/]zod[\\/]/.test(args.importer)) return undefined;
      const localesDir = path.resolve(args.resolveDir, '../locales');
      return { path: 'locales-en-only.js', namespace: 'zod', pluginData: { localesDir } };
    });
    build.onLoad({ filter: /.*/, namespace: 'zod' }, (args) => ({
      contents: "export { default as en } from './en.js';",
      resolveDir: args.pluginData.localesDir,
    }));
  },
};

/**
 * conf as MCP Tray uses it: ajv (conf never gets a JSON schema), node:assert (one deepEqual) and
 * semver (comparing plain migration versions) replaced by the small modules in
 * scripts/conf-stand-ins/. Loading the three was ~15 ms of every start.
 */
const confStandIns = {
  name: 'conf-stand-ins',
  setup(build) {
    const standIn = (name) => path.resolve('scripts/conf-stand-ins', `${name}.ts`);
    const names = {
      'ajv-formats': 'ajv',
      'ajv/dist/2020.js': 'ajv',
      'node:assert': 'assert',
      semver: 'semver',
    };
    build.onResolve({ filter: /^(ajv-formats|ajv\/dist\/2020\.js|node:assert|semver)$/ }, (args) => {
      if (!/[\\/]node_modules[\\/]conf[\\/]/.test(args.importer)) return undefined;
      return { path: standIn(names[args.path]) };
    });
  },
};

const CLI_EXTERNAL = ['keytar', '@anthropic-ai/sandbox-runtime', 'open', 'bufferutil', 'utf-8-validate'];
const cliCommon = {
  ...common,
  format: 'esm',
  outExtension: { '.js': '.mjs' },
  external: CLI_EXTERNAL,
  // ESM builds first: UMD ones (jsonc-parser's) require() their own files by computed names.
  mainFields: ['module', 'main'],
  // Bundled CommonJS dependencies call require() for Node's own modules.
  banner: {
    js: "#!/usr/bin/env node\nimport { createRequire as __mcpTrayRequire } from 'node:module';\nconst require = __mcpTrayRequire(import.meta.url);",
  },
  // Kept for the test that checks what each command loads (cli-chunks.test.ts).
  metafile: true,
};

/**
 * Sends every dynamic import of our own modules out of the light bundle, to the heavy build's
 * file of the same name, and collects them as the heavy build's entry points.
 */
const heavyImports = (entries) => ({
  name: 'heavy-imports',
  setup(build) {
    build.onResolve({ filter: /^\./ }, (args) => {
      if (args.kind !== 'dynamic-import') return undefined;
      const source = path.relative('.', path.resolve(args.resolveDir, args.path)) + '.ts';
      const name = path.basename(source, '.ts');
      if (entries[name] && entries[name] !== source) throw new Error(`two heavy modules named ${name}`);
      entries[name] = source;
      return { path: `./heavy/${name}.mjs`, external: true };
    });
  },
});

/**
 * The CLI and the connector: plain Node, in two builds. `mcp-tray.mjs` is one file holding what
 * AI clients and the everyday commands run (`connect`, `status`, `logs`, `restart`…): every
 * extra chunk a short command loads cost it about 2 ms. What it imports dynamically (`serve` and
 * the core, the registry, the contract's commands) is built from those modules into `heavy/`,
 * split into shared chunks. Dependencies are bundled: resolving and compiling a few hundred
 * files from node_modules was a third of `serve`'s cold start. Out stay the native keytar, the
 * sandbox library (it runs helper files next to its own) and `open` (its xdg-open fallback).
 */
/**
 * Node's own modules (those matching `filter`) through `require()` instead of `import`: an ESM
 * import of a built-in evaluates every lazy export of it (`node:fs` loads fs/promises and
 * readline, `node:util` the worker threads, `node:http` all of undici for its WebSocket).
 */
const requiredBuiltins = (filter) => ({
  name: 'required-builtins',
  setup(build) {
    build.onResolve({ filter }, (args) => {
      if (!isBuiltin(args.path)) return undefined;
      if (args.namespace === 'builtin') return { path: args.path, external: true };
      return { path: args.path, namespace: 'builtin' };
    });
    build.onLoad({ filter: /.*/, namespace: 'builtin' }, (args) => ({
      contents: `module.exports = require(${JSON.stringify(args.path)});`,
      loader: 'js',
    }));
  },
});

async function cliBuilds() {
  fs.rmSync('dist/cli', { recursive: true, force: true });
  const entries = {};
  await build({
    ...cliCommon,
    entryPoints: { 'mcp-tray': 'electron/cli/mcp-tray.ts' },
    outdir: 'dist/cli',
    plugins: [
      requiredBuiltins(/^(node:)?[a-z_]+(\/[a-z_]+)?$/),
      heavyImports(entries),
      writeMetafile('dist/cli/cli.meta.json'),
    ],
  });
  await build({
    ...cliCommon,
    entryPoints: entries,
    outdir: 'dist/cli/heavy',
    chunkNames: 'chunks/[name]-[hash]',
    splitting: true,
    // Only node:http: requiring every built-in measured slower here than importing them.
    plugins: [
      englishOnlyZod,
      confStandIns,
      requiredBuiltins(/^(node:)?http$/),
      writeMetafile('dist/cli/heavy.meta.json'),
    ],
  });
}

await Promise.all([
  cliBuilds(),
  // Electron main process: one self-contained CommonJS file. Electron emits `ready` only after
  // the entry has evaluated, so the entry must not await at the top level (CommonJS cannot), and
  // nothing is resolved as ESM from inside app.asar. Only `electron` and the native keytar stay out.
  build({
    ...common,
    entryPoints: { 'main/main': 'electron/main/main.ts' },
    plugins: [englishOnlyZod, confStandIns, writeMetafile('dist/main/main.meta.json')],
    outdir: 'dist',
    outExtension: { '.js': '.cjs' },
    format: 'cjs',
    // The sandbox library finds its own helper binaries (seccomp filters) next to its files.
    external: ['electron', 'keytar', '@anthropic-ai/sandbox-runtime'],
    // ESM builds first: UMD ones (jsonc-parser's) require() their own files by computed names,
    // which a bundle cannot follow.
    mainFields: ['module', 'main'],
    metafile: true,
    // Bundled ESM dependencies (and our own code) read import.meta.url: give them this file's.
    define: { 'import.meta.url': '__mcpTrayImportMetaUrl' },
    banner: { js: "const __mcpTrayImportMetaUrl = require('node:url').pathToFileURL(__filename).href;" },
  }),
  // The orphan guardian: a separate process the core starts, so its own small file.
  build(guardianBuild(GUARDIAN_OUTFILE)),
  // Preload runs sandboxed: one self-contained CommonJS file, only `electron` may be required.
  build({
    ...common,
    entryPoints: { 'preload/preload': 'electron/preload/preload.ts' },
    outdir: 'dist',
    outExtension: { '.js': '.cjs' },
    format: 'cjs',
    external: ['electron'],
    minify: true,
  }),
  ...(Object.keys(serverEntries).length === 0
    ? []
    : [
        build({
          ...common,
          entryPoints: serverEntries,
          outdir: 'servers',
          outExtension: { '.js': '.mjs' },
          format: 'esm',
          plugins: [englishOnlyZod],
          // Some dependencies are CommonJS and call require(); give them one.
          banner: {
            js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);",
          },
        }),
      ]),
]);

escapeNonAscii(['dist/cli', 'dist/main', 'dist/guardian']);
