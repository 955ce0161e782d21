import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import { execFile, spawn } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import type { EventPayload } from '../shared/contract';
import { until } from '../../test/core/support/served-core';
import { tempDir } from '../../test/core/support/temp-dirs';
import { connectControl } from './control-client';

const CLI = path.resolve(import.meta.dirname, '../../dist/cli/mcp-tray.mjs');
const children: ChildProcessWithoutNullStreams[] = [];
afterEach(() => children.splice(0).forEach((c) => c.exitCode === null && c.kill('SIGKILL')));

async function serve(home: string): Promise<string> {
  const dataDir = path.join(home, 'data');
  const child = spawn(
    process.execPath,
    [CLI, 'serve', '--json', '--no-open', '--port', '0', '--data-dir', dataDir],
    {
      env: { ...process.env, HOME: home, XDG_CONFIG_HOME: path.join(home, '.config') },
    },
  );
  children.push(child);
  await new Promise<void>((resolve, reject) => {
    child.stdout.once('data', () => resolve());
    child.once('exit', (code) => reject(new Error(`serve exited ${code}`)));
  });
  return dataDir;
}

const cli = async (dataDir: string, args: string[]) =>
  promisify(execFile)(process.execPath, [CLI, '--data-dir', dataDir, ...args], { encoding: 'utf8' }).then(
    (result) => ({ code: 0, ...result }),
    (error: { code: number; stdout: string; stderr: string }) => error,
  );

describe('mcp-tray open (built CLI, real core)', () => {
  it('hands a link to the running core, which announces it to every UI', async () => {
    const dataDir = await serve(tempDir());
    const ui = await connectControl(dataDir, { events: true });
    const seen: EventPayload<'installRequested'>[] = [];
    ui.api.onInstallRequested((payload) => seen.push(payload));
    try {
      const link = 'mcp-tray://install?command=npx&arg=-y&arg=notes-mcp&secret=NOTES_TOKEN&name=Notes';
      const opened = await cli(dataDir, ['open', link]);
      expect(opened.stderr).toBe('');
      expect(opened.stdout).toBe(
        'MCP Tray will offer to add the command `npx -y notes-mcp` ("Notes"); you will be asked for NOTES_TOKEN.\n' +
          'Review and confirm it in the MCP Tray window; nothing is added until you do.\n',
      );
      await until(() => seen.length === 1, 'installRequested reached the UI');
      expect(seen[0]).toEqual({
        request: {
          kind: 'custom',
          name: 'Notes',
          command: 'npx',
          args: ['-y', 'notes-mcp'],
          env: {},
          secretEnvNames: ['NOTES_TOKEN'],
        },
      });
      // Nothing was added by the link itself.
      expect(await ui.api.listInstances()).toEqual([]);

      const json = await cli(dataDir, ['open', '--json', 'mcp-tray://install?integration=github']);
      expect(JSON.parse(json.stdout)).toEqual({ request: { kind: 'catalog', integrationId: 'github' } });

      const bad = await cli(dataDir, ['open', 'mcp-tray://install?url=http%3A%2F%2Fexample.com%2Fmcp']);
      expect(bad.code).toBe(1);
      expect(bad.stderr).toMatch(/must use https/);
      expect((await ui.api.getAppInfo()).notices.map((n) => n.message)).toEqual([
        expect.stringMatching(/could not use the install link: .*https/),
      ]);
    } finally {
      ui.close();
    }
  });

  it('needs exactly one link, and a running MCP Tray', async () => {
    const dataDir = path.join(tempDir(), 'data');
    expect((await cli(dataDir, ['open'])).code).toBe(2);
    const notRunning = await cli(dataDir, ['open', 'mcp-tray://install?integration=github']);
    expect(notRunning.code).toBe(3);
  });
});
