// knip (run by `npm run lint`) finds unused files, exports and dependencies from the entries in
// knip.jsonc. Proven here on a probe: the tree reports nothing but the probe file nobody imports.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '..');
const KNIP = path.join(ROOT, 'node_modules/knip/bin/knip.js');

/** Every finding of knip's JSON report as `kind file[:name]`. */
function knipFindings(): string[] {
  const run = spawnSync(process.execPath, [KNIP, '--reporter', 'json', '--no-progress'], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  const report = JSON.parse(run.stdout) as { issues: Array<Record<string, unknown> & { file: string }> };
  return report.issues.flatMap((issue) =>
    Object.entries(issue).flatMap(([kind, value]) => {
      if (kind === 'file' || !Array.isArray(value)) return [];
      return value.map((item: { name?: string }) => `${kind} ${issue.file}:${item.name ?? ''}`);
    }),
  );
}

describe('knip', () => {
  it('reports a file nothing imports, and nothing else in the tree', () => {
    const probe = `electron/core/knip-probe-${process.pid}.ts`;
    fs.writeFileSync(path.join(ROOT, probe), 'export const probe = 1;\n');
    try {
      const findings = knipFindings();
      expect(findings).toContain(`files ${probe}:${probe}`);
      // Other tests write probe files of their own for a moment; those are not findings.
      expect(findings.filter((finding) => !/probe-?\d+\.ts/i.test(finding))).toEqual([]);
    } finally {
      fs.rmSync(path.join(ROOT, probe), { force: true });
    }
  }, 120_000);
});
