// `npm run chaos`: bundles the fault-injection suite (test/chaos) and runs it against the built
// CLI (`npm run build` first). An optional argument runs only the cases whose name contains it.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { build } from 'esbuild';

if (!fs.existsSync('dist/cli/mcp-tray.mjs')) {
  console.error('chaos: dist/cli/mcp-tray.mjs is missing; run "npm run build" first');
  process.exit(1);
}
const outfile = '.cache/chaos/run-chaos.mjs';
await build({
  entryPoints: ['test/chaos/run-chaos.ts'],
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  outfile,
  logLevel: 'warning',
  // The cases find the repository from their own folder.
  define: { 'import.meta.dirname': JSON.stringify(`${process.cwd()}/test/chaos`) },
});
const run = spawnSync(process.execPath, [outfile, ...process.argv.slice(2)], {
  stdio: 'inherit',
  env: { ...process.env, MCP_TRAY_CRASH_ON_UNEXPECTED: '1' },
});
process.exitCode = run.status ?? 1;
