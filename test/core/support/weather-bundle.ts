import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { ZipFile } from './zip-writer';
import { writeZip } from './zip-writer';

const FIXTURE = path.resolve(
  import.meta.dirname,
  '../../../electron/core/supervisor/fixtures/fixture-server.mjs',
);

/**
 * A bundle's `server.mjs`: runs `guard` (statements that exit when the launch is not what the
 * test expects), then becomes the fixture server (echo, read_env).
 */
export const guardedFixture = (guard: string): string => `
${guard}
await import(${JSON.stringify(pathToFileURL(FIXTURE).href)});
`;

/**
 * The "Weather" `.mcpb` manifest the bundle tests install: a Node server in `server.mjs` with a
 * secret API key and a units setting. Each test says how they reach the server (`mcp_config`).
 */
export function weatherManifest(
  mcpConfig: { args: string[]; env: Record<string, string> },
  more: Record<string, unknown> = {},
) {
  return {
    manifest_version: '0.3',
    name: 'weather',
    display_name: 'Weather',
    version: '1.2.0',
    description: 'Forecasts for your AI client.',
    author: { name: 'Ada' },
    ...more,
    server: { type: 'node', entry_point: 'server.mjs', mcp_config: { command: 'node', ...mcpConfig } },
    user_config: {
      api_key: { type: 'string', title: 'API key', sensitive: true, required: true },
      units: { type: 'string', title: 'Units', default: 'metric' },
    },
  };
}

/** The bundle file: the manifest, `server.mjs`, and any more files. */
export const bundleZip = (manifest: object, server: string, more: readonly ZipFile[] = []): Buffer =>
  writeZip([
    { name: 'manifest.json', data: JSON.stringify(manifest) },
    { name: 'server.mjs', data: server },
    ...more,
  ]);
