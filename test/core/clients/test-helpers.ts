import fs from 'node:fs';
import path from 'node:path';
import type { Clock } from '../../../electron/core/platform/clock';
import { silentLogger } from '../../../electron/core/platform/logger';
import { tempDir } from '../support/temp-dirs';
import type { ClientAdapter } from '../../../electron/core/clients/client-adapter';
import { connectorEntry } from '../../../electron/core/clients/connector-entry';
import type { ConfigWriterDeps } from '../../../electron/core/clients/config-writer';
import { ConfigWriter } from '../../../electron/core/clients/config-writer';

/** The runtime our test entries launch. */
export const testRuntime = { command: '/usr/local/bin/node', args: ['/opt/mcp-tray/dist/cli/mcp-tray.mjs'] };

/** A clock that moves one second per reading, so every backup gets its own time. */
function steppingClock(start = Date.UTC(2026, 10, 21, 12, 0, 0)): Clock {
  let now = start;
  return { now: () => (now += 1000) };
}

/** A writer on the real file system with a test clock. */
export function testWriter(deps: Partial<ConfigWriterDeps> = {}): ConfigWriter {
  return new ConfigWriter({ clock: steppingClock(), logger: silentLogger, ...deps });
}

/** Our entry for `instanceId` in the adapter's shape. */
export function ourEntry(adapter: ClientAdapter, instanceId: string): Record<string, unknown> {
  return adapter.toEntry(connectorEntry(testRuntime, instanceId, '/data/mcp-tray'));
}

/** A temp folder with `content` written to `name` in it (folders created). */
export function fixtureFile(name: string, content: string | Buffer): string {
  const file = path.join(tempDir('mcp-tray-clients-'), name);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, content);
  return file;
}

/** Files in the file's folder other than the file itself (backups, leftovers). */
export function siblings(file: string): string[] {
  return fs
    .readdirSync(path.dirname(file))
    .filter((name) => name !== path.basename(file))
    .sort();
}

/** The Claude Desktop file a user might really have: their server with env, app settings. */
export const claudeUserConfig = `{
  "globalShortcut": "Ctrl+Space",
  "mcpServers": {
    "filesystem": {
      "command": "npx",
      "args": ["-y", "@modelcontextprotocol/server-filesystem", "/Users/ada/Desktop"],
      "env": { "DEBUG": "1", "API_KEY": "sk-user-secret" }
    }
  },
  "preferences": { "sidebarMode": "chat", "quickEntryShortcut": "off" }
}
`;
