import fs from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';

/** Test helper: asserts that no file under `dir` contains any of `secrets` (tokens, codes). */
export function expectNoSecretsIn(dir: string, secrets: Array<string | undefined>): void {
  const needles = secrets.filter((s): s is string => typeof s === 'string' && s.length >= 8);
  expect(needles.length).toBeGreaterThan(0);
  const files = fs
    .readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((name) => path.join(dir, name))
    .filter((file) => fs.statSync(file).isFile());
  expect(files.length).toBeGreaterThan(0);
  for (const file of files) {
    const text = fs.readFileSync(file, 'utf8');
    for (const needle of needles) {
      expect(text.includes(needle), `${path.basename(file)} contains a secret`).toBe(false);
    }
  }
}
