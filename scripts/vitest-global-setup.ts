import { execFileSync } from 'node:child_process';
import fs from 'node:fs';

// Process-level tests run the built CLI and UI; a plain `vitest` run builds what is missing.
export default function setup(): void {
  const build = (script: string) => execFileSync('npm', ['run', script, '--silent'], { stdio: 'inherit' });
  if (!fs.existsSync('dist/cli/mcp-tray.mjs')) build('build:node');
  if (!fs.existsSync('dist/renderer/index.html')) build('build:renderer');
}
