import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES, seedSettings } from '../../../test/core/support/served-core';
import { tempDir } from '../../../test/core/support/temp-dirs';
import { createTestCore } from '../../../test/core/support/test-core';

describe('client entries from an app in a temporary place', () => {
  it('are refused in words, and the client file is not touched', async () => {
    const dataDir = tempDir();
    seedSettings(dataDir, [
      { id: 'notes', args: [path.join(FIXTURES, 'fixture-server.mjs')], enabled: false },
    ]);
    const reason = 'MCP Tray is running from its disk image. Drag it to Applications and open it from there.';
    const core = createTestCore(dataDir, {
      connectorRuntime: {
        command: '/Volumes/MCP Tray/MCP Tray.app/Contents/MacOS/MCP Tray',
        args: [],
        unstable: reason,
      },
    });
    const { clients } = core.services;
    await clients.setSelection('cursor', ['notes']);
    await expect(clients.apply('cursor')).rejects.toMatchObject({
      code: 'app-location-temporary',
      message: reason,
    });
    await expect(clients.plan('cursor')).rejects.toMatchObject({ code: 'app-location-temporary' });
    expect(fs.existsSync(path.join(dataDir, '.cursor', 'mcp.json'))).toBe(false);
    // Taking entries out is still allowed: it points nowhere.
    await clients.setSelection('cursor', []);
    await expect(clients.apply('cursor')).resolves.toMatchObject({ client: 'cursor' });
  });
});
