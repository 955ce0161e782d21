// Bundles everything that runs in Node or Electron (not the renderer, which Vite builds).
import fs from 'node:fs';
import { build } from 'esbuild';

// Built-in servers run from `servers/<id>/dist/server.mjs` with nothing else installed (a
// packaged app has no node_modules for them), so each is one self-contained file.
const serverEntries = Object.fromEntries(
  fs
    .readdirSync('servers', { withFileTypes: true })
    .filter((d) => d.isDirectory() && fs.existsSync(`servers/${d.name}/src/server.ts`))
    .map((d) => [`${d.name}/dist/server`, `servers/${d.name}/src/server.ts`]),
);

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  sourcemap: 'linked',
  logLevel: 'warning',
  legalComments: 'none',
};

await Promise.all([
  // The CLI and the connector: plain Node, dependencies from node_modules. Split into chunks
  // so `mcp-tray connect` loads only the connector's few modules.
  build({
    ...common,
    entryPoints: { 'mcp-tray': 'electron/cli/mcp-tray.ts' },
    outdir: 'dist/cli',
    outExtension: { '.js': '.mjs' },
    chunkNames: 'chunks/[name]-[hash]',
    format: 'esm',
    splitting: true,
    packages: 'external',
    banner: { js: '#!/usr/bin/env node' },
  }),
  // Electron main process: ESM (Electron >= 28), dependencies and electron external.
  build({
    ...common,
    entryPoints: { 'main/main': 'electron/main/main.ts' },
    outdir: 'dist',
    outExtension: { '.js': '.mjs' },
    format: 'esm',
    packages: 'external',
  }),
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
