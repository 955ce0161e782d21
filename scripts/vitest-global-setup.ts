import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { build as esbuild } from 'esbuild';
import { escapeNonAscii } from './ascii-bundles.mjs';
import { GUARDIAN_OUTFILE, guardianBuild } from './guardian-build.mjs';

// Process-level tests run the built CLI and UI; a plain `vitest` run builds what is missing.
export default async function setup(): Promise<void> {
  const build = (script: string) => execFileSync('npm', ['run', script, '--silent'], { stdio: 'inherit' });
  if (!fs.existsSync('dist/cli/mcp-tray.mjs')) build('build:node');
  if (!fs.existsSync('dist/renderer/index.html')) build('build:renderer');
  // Cores in tests start the guardian from dist: always this source's, never a stale one.
  await esbuild(guardianBuild(GUARDIAN_OUTFILE));
  escapeNonAscii(['dist/guardian']);
}
