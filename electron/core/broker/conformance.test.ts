import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BearerProxy } from '../../../test/core/support/bearer-proxy';
import { startBearerProxy } from '../../../test/core/support/bearer-proxy';
import type { ScenarioResult } from '../../../test/core/support/conformance-suite';
import { runConformanceSuite } from '../../../test/core/support/conformance-suite';
import type { HttpCore } from '../../../test/core/support/http-core';
import { startHttpCore } from '../../../test/core/support/http-core';

/**
 * The MCP conformance suite (@modelcontextprotocol/conformance 0.1.16, server scenarios) against
 * the broker's Streamable HTTP endpoint, with a stdio fixture server behind it that implements
 * what the scenarios ask for: the suite measures what the broker forwards and how the endpoint
 * behaves. The suite cannot send headers, so a loopback proxy adds the bearer token (see
 * `bearer-proxy.ts`); the endpoint runs exactly as in production.
 *
 * Known failures are in `conformance-baseline.json` (scenario → reason). A failure outside it
 * fails the first test; a baseline entry that passes now fails the second, so the baseline can
 * only shrink.
 */
const FIXTURE = path.join(import.meta.dirname, 'fixtures/conformance-server.mjs');
const baseline = JSON.parse(
  fs.readFileSync(path.join(import.meta.dirname, 'conformance-baseline.json'), 'utf8'),
) as Record<string, string>;

describe('MCP conformance suite against the HTTP endpoint', () => {
  let env: HttpCore | undefined;
  let proxy: BearerProxy | undefined;
  let outDir = '';
  let results: ScenarioResult[] = [];
  let output = '';

  beforeAll(async () => {
    env = await startHttpCore([{ id: 'conformance', args: [FIXTURE] }]);
    proxy = await startBearerProxy(env.port, env.token);
    outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'mcp-tray-conformance-'));
    ({ results, output } = await runConformanceSuite(
      `http://127.0.0.1:${proxy.port}/mcp/conformance`,
      outDir,
      100_000,
    ));
  }, 130_000);

  afterAll(async () => {
    await proxy?.close();
    await env?.close();
    if (outDir) fs.rmSync(outDir, { recursive: true, force: true });
  });

  it('runs every server scenario of the suite', () => {
    expect(results.length, output.slice(-2000)).toBe(32);
    expect(results.map((r) => r.scenario)).toEqual(
      expect.arrayContaining(['server-initialize', 'tools-call-sampling', 'dns-rebinding-protection']),
    );
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
