import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ScenarioResult } from '../../../test/core/support/conformance-suite';
import { runConformanceClientSuite } from '../../../test/core/support/conformance-suite';
import { ROOT } from '../../../test/core/support/served-core';

/**
 * The MCP conformance suite (@modelcontextprotocol/conformance 0.1.16) against MCP Tray as a
 * client, for the authorization scenarios: `fixtures/conformance-client.ts` runs our core with
 * the scenario's server added as a remote instance, so the suite measures the remote runner,
 * `RemoteSignIn` (the SDK's `auth()`), the loopback flow and the broker (see that file).
 *
 * Known failures are in `conformance-client-baseline.json` (scenario → reason). A failure
 * outside it fails the first test; a baseline entry that passes now fails the second.
 */
const baseline = JSON.parse(
  fs.readFileSync(path.join(import.meta.dirname, 'conformance-client-baseline.json'), 'utf8'),
) as Record<string, string>;

/** The suite's authorization scenarios for spec 2025-11-25, its back-compat and draft ones. */
const SCENARIOS = [
  'auth/metadata-default',
  'auth/scope-step-up',
  'auth/pre-registration',
  'auth/resource-mismatch',
  'auth/2025-03-26-oauth-metadata-backcompat',
];

describe('MCP conformance suite: authorization scenarios against our client', () => {
  let outDir = '';
  let results: ScenarioResult[] = [];
  let output = '';

  beforeAll(async () => {
    // Inside the checkout (dist/ is ignored) so its node_modules resolve the packages.
    const entry = path.join(ROOT, 'dist/conformance/client.mjs');
    await build({
      entryPoints: [path.join(import.meta.dirname, 'fixtures/conformance-client.ts')],
      bundle: true,
      platform: 'node',
      target: 'node20',
      format: 'esm',
      packages: 'external',
      outfile: entry,
      logLevel: 'warning',
    });
    outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'mcp-tray-conformance-client-'));
    // The suite splits the command at spaces and runs it with a shell: no spaces in these paths.
    ({ results, output } = await runConformanceClientSuite(`${process.execPath} ${entry}`, outDir, 150_000));
  }, 180_000);

  afterAll(() => {
    if (outDir) fs.rmSync(outDir, { recursive: true, force: true });
  });

  it('runs the authorization scenarios', () => {
    expect(results.length, output.slice(-2000)).toBeGreaterThanOrEqual(20);
    expect(results.map((r) => r.scenario)).toEqual(expect.arrayContaining(SCENARIOS));
  });

  it('fails no scenario outside the baseline', () => {
    const unexpected = results
      .filter((r) => r.failed && !(r.scenario in baseline))
      .map((r) => `${r.scenario}: ${r.problems.join(' | ')}`);
    expect(
      unexpected,
      'new conformance failures (fix them, or add a specific reason to the baseline)',
    ).toEqual([]);
  });

  it('still fails every baseline entry (delete the entries that pass now)', () => {
    const ran = new Map(results.map((r) => [r.scenario, r]));
    const stale = Object.keys(baseline).filter((scenario) => ran.get(scenario)?.failed !== true);
    expect(stale, 'baseline entries that pass or no longer exist: remove them').toEqual([]);
  });
});
