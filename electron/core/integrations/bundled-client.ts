import fs from 'node:fs';
import path from 'node:path';
import * as z from 'zod';
import type { Manifest } from './manifest';

/**
 * An OAuth client an official build ships for a built-in integration: written at build time
 * (`scripts/build-node.mjs`, from MCP_TRAY_GITHUB_CLIENT_ID, MCP_TRAY_GOOGLE_CLIENT_ID and
 * MCP_TRAY_GOOGLE_CLIENT_SECRET) as `servers/<id>/dist/oauth-client.json`. GitHub's device flow
 * needs only the public client id; a Google desktop client's secret is not a secret (RFC 8252).
 * A build without the file keeps the "use your own OAuth client" steps.
 */
const BundledClient = z
  .object({ clientId: z.string().min(1).max(512), clientSecret: z.string().min(1).max(512).optional() })
  .strict();
type BundledClient = z.infer<typeof BundledClient>;

const BUNDLED_CLIENT_FILE = path.join('dist', 'oauth-client.json');

/** The manifest with the build's bundled client applied, when it has one and names none itself. */
export function withBundledClient(
  manifest: Manifest,
  serverDir: string,
  onError: (error: string) => void,
): Manifest {
  const file = path.join(serverDir, BUNDLED_CLIENT_FILE);
  const auth = manifest._meta?.['dev.mcptray']?.auth;
  if (!fs.existsSync(file) || !auth || (auth.type !== 'oauth' && auth.type !== 'device') || auth.clientId) {
    return manifest;
  }
  let client: BundledClient;
  try {
    client = BundledClient.parse(JSON.parse(fs.readFileSync(file, 'utf8')));
  } catch (error) {
    onError(String(error));
    return manifest;
  }
  const meta = manifest._meta!['dev.mcptray']!;
  return {
    ...manifest,
    _meta: { ...manifest._meta, 'dev.mcptray': { ...meta, auth: { ...auth, ...client } } },
  };
}
