// Bundles everything that runs in Node or Electron (not the renderer, which Vite builds).
import fs from 'node:fs';
import { build } from 'esbuild';
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

await Promise.all([
  // The CLI and the connector: plain Node. Split into chunks so `mcp-tray connect` loads only
  // the connector's few modules. Dependencies are bundled: resolving and compiling a few hundred
  // files from node_modules was a third of `serve`'s cold start. Out stay the native keytar, the
  // sandbox library (it runs helper files next to its own) and `open` (its xdg-open fallback).
  build({
    ...common,
    entryPoints: { 'mcp-tray': 'electron/cli/mcp-tray.ts' },
    outdir: 'dist/cli',
    outExtension: { '.js': '.mjs' },
    chunkNames: 'chunks/[name]-[hash]',
    format: 'esm',
    splitting: true,
    external: ['keytar', '@anthropic-ai/sandbox-runtime', 'open', 'bufferutil', 'utf-8-validate'],
    // ESM builds first: UMD ones (jsonc-parser's) require() their own files by computed names.
    mainFields: ['module', 'main'],
    // Bundled CommonJS dependencies call require() for Node's own modules.
    banner: {
      js: "#!/usr/bin/env node\nimport { createRequire as __mcpTrayRequire } from 'node:module';\nconst require = __mcpTrayRequire(import.meta.url);",
    },
    // Kept for the test that checks what each command loads (cli-chunks.test.ts).
    metafile: true,
    plugins: [writeMetafile('dist/cli/cli.meta.json')],
  }),
  // Electron main process: one self-contained CommonJS file. Electron emits `ready` only after
  // the entry has evaluated, so the entry must not await at the top level (CommonJS cannot), and
  // nothing is resolved as ESM from inside app.asar. Only `electron` and the native keytar stay out.
  build({
    ...common,
    entryPoints: { 'main/main': 'electron/main/main.ts' },
    plugins: [writeMetafile('dist/main/main.meta.json')],
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
          // Some dependencies are CommonJS and call require(); give them one.
          banner: {
            js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);",
          },
        }),
      ]),
]);
