import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import type { ExposedApi } from '../../electron/shared/api';
import type { InstanceSummary } from '../../electron/shared/contract';
import { trayModel } from '../../electron/shared/tray-model';
import { launchApp, skipWithoutElectron } from './launch';

const CRASHER = path.resolve(
  import.meta.dirname,
  '../../electron/core/supervisor/fixtures/crash-at-start.mjs',
);

test.describe('Electron tray', () => {
  skipWithoutElectron();
  // A server that crashes at start is retried 4 times (1 + 2 + 4 + 8 s) before it fails.
  test.setTimeout(90_000);

  test('the tray model matches the state after a server crashes', async () => {
    const launched = await launchApp((dataDir) => {
      const instance = {
        id: 'crasher',
        name: 'Crasher',
        integrationId: 'custom',
        enabled: true,
        createdAt: new Date().toISOString(),
        // The test runner's Node runs the fixture: it prints an error and exits 1.
        launch: { command: process.execPath, args: [CRASHER], env: {} },
        userConfig: {},
        secretFields: [],
      };
      fs.writeFileSync(path.join(dataDir, 'settings.json'), JSON.stringify({ instances: [instance] }), {
        mode: 0o600,
      });
    });
    try {
      const probe = await launched.probe();
      test.skip(probe.tray?.tray === false, `this desktop has no tray: ${probe.tray?.reason}`);
      // While it crash-loops the icon says "starting"; after it gives up, "error".
      await expect
        .poll(async () => (await launched.probe()).trayModel?.health, { timeout: 60_000 })
        .toBe('error');
      const instances = await launched.window.evaluate(async () => {
        const api = (globalThis as unknown as { mcpTray: ExposedApi }).mcpTray;
        const answer = await api.listInstances();
        if (!answer.ok) throw new Error(answer.error.message);
        return answer.value;
      });
      expect(instances.map((i: InstanceSummary) => [i.id, i.state])).toEqual([['crasher', 'failed']]);
      const applied = (await launched.probe()).trayModel;
      expect(applied).toEqual(trayModel({ instances, driftCount: 0, launchAtLogin: false }));
      expect(applied?.tooltip).toBe('MCP Tray — 1 failed');
      expect(applied?.menu[0]).toMatchObject({
        kind: 'instance',
        label: 'Crasher — failed',
        state: 'failed',
      });
    } finally {
      await launched.close();
    }
  });
});
