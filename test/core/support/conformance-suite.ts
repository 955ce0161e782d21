import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { ROOT } from './served-core';

const PEERS = path.join(ROOT, 'scripts/peers/node_modules');
/**
 * The suite needs Node 22, which is the project's floor: the scripts run the tests on it
 * (the system's, or the one scripts/node22.sh installs), so it is this process's own binary.
 */
const NODE22 = process.execPath;
const CONFORMANCE_CLI = path.join(PEERS, '@modelcontextprotocol/conformance/dist/index.js');

/** One check of one scenario, as the suite writes it to `checks.json`. */
interface ConformanceCheck {
  id: string;
  status: 'SUCCESS' | 'FAILURE' | 'WARNING' | 'INFO' | string;
  errorMessage?: string;
}

/** What one scenario gave. */
export interface ScenarioResult {
  scenario: string;
  /** True when a check failed or warned: the suite's own baseline rule counts both. */
  failed: boolean;
  /** `check-id: message` of every failing or warning check. */
  problems: string[];
}

/** Runs the suite's CLI with Node 22, `shell: false`, killed after `timeoutMs`; its output. */
async function runSuite(args: string[], timeoutMs: number): Promise<string> {
  const child = spawn(NODE22, [CONFORMANCE_CLI, ...args], {
    shell: false,
    env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr.on('data', (d: Buffer) => (output += d.toString()));
  const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
  await new Promise<void>((resolve) => child.once('close', () => resolve()));
  clearTimeout(timer);
  return output;
}

/**
 * The results in `dir`, one folder per scenario named `<prefix><scenario>-<ISO time with : and .
 * as ->>` holding `checks.json`; each named `<label><scenario>`.
 */
function readResults(dir: string, prefix: string, label: string): ScenarioResult[] {
  if (!fs.existsSync(dir)) return [];
  const folder = new RegExp(`^${prefix}(.+)-\\d{4}-\\d{2}-\\d{2}T[\\d-]+Z$`);
  return fs
    .readdirSync(dir)
    .flatMap((name) => {
      const scenario = folder.exec(name)?.[1];
      const file = path.join(dir, name, 'checks.json');
      if (!scenario || !fs.existsSync(file)) return [];
      const checks = JSON.parse(fs.readFileSync(file, 'utf8')) as ConformanceCheck[];
      const bad = checks.filter((c) => c.status === 'FAILURE' || c.status === 'WARNING');
      const problems = bad.map((c) => `${c.id} (${c.status}): ${c.errorMessage ?? 'no message'}`);
      return [{ scenario: `${label}${scenario}`, failed: bad.length > 0, problems }];
    })
    .sort((a, b) => a.scenario.localeCompare(b.scenario));
}

/**
 * Runs the suite's server scenarios (`--suite all`: active and pending ones) against `url` and
 * reads each scenario's `checks.json` (`<outDir>/server-<name>-<time>/`).
 */
export async function runConformanceSuite(
  url: string,
  outDir: string,
  timeoutMs: number,
): Promise<{ results: ScenarioResult[]; output: string }> {
  const output = await runSuite(['server', '--url', url, '--suite', 'all', '-o', outDir], timeoutMs);
  return { results: readResults(outDir, 'server-', ''), output };
}

/**
 * Runs every client scenario of the suite (`client --suite all`) with `command` as the client
 * under test (the suite appends the scenario server's URL), and reads the authorization
 * scenarios' results (`<outDir>/auth/<name>-<time>/checks.json`), named `auth/<name>`.
 */
export async function runConformanceClientSuite(
  command: string,
  outDir: string,
  timeoutMs: number,
): Promise<{ results: ScenarioResult[]; output: string }> {
  const output = await runSuite(['client', '--command', command, '--suite', 'all', '-o', outDir], timeoutMs);
  return { results: readResults(path.join(outDir, 'auth'), '', 'auth/'), output };
}
