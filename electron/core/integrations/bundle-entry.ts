import path from 'node:path';
import type { CatalogEntry, CatalogField } from '../../shared/contract';
import type { Manifest } from './manifest';
import { mcpConfigFor } from './manifest';
import type { ZipEntry } from './mcpb-bundle';

/** Finds a program the way the supervisor will: ok, or why not (with what to install). */
export type RuntimeCheck = (command: string) => Promise<{ found: boolean; hint: string | null }>;

const ICON_TYPES: Record<string, string> = {
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
};
/** An icon is a thumbnail; a larger one is left out rather than sent to the UI. */
const MAX_ICON_BYTES = 256 * 1024;

/** The manifest's icon as a `data:` URL, when the bundle has a small image by that name. */
async function bundleIcon(manifest: Manifest, entries: readonly ZipEntry[]): Promise<string | null> {
  if (!manifest.icon) return null;
  const type = ICON_TYPES[path.posix.extname(manifest.icon).toLowerCase()];
  const name = path.posix.normalize(manifest.icon).replace(/^\.\//, '');
  const file = entries.find((entry) => entry.name === name);
  if (!type || !file || file.size > MAX_ICON_BYTES) return null;
  return `data:${type};base64,${(await file.read()).toString('base64')}`;
}

/** The manifest's `user_config` as the add form's fields. */
export function manifestFields(manifest: Manifest): CatalogField[] {
  return Object.entries(manifest.user_config).map(([key, field]) => ({
    key,
    type: field.type,
    title: field.title,
    description: field.description,
    required: field.required,
    sensitive: field.sensitive,
    multiple: field.multiple,
    default: field.default ?? null,
    min: field.min ?? null,
    max: field.max ?? null,
  }));
}

/** A program looked up on PATH (`node`, `uvx`), not a file shipped in the bundle. */
const isBareProgram = (command: string): boolean => !command.includes('${') && !/[\\/]/.test(command);

/**
 * A bundle's manifest as a catalog entry (category `custom`), so the UI shows it like any other
 * integration. Bundles sign in with API keys (sensitive fields) only: our OAuth extension is for
 * the integrations MCP Tray ships.
 */
export async function bundleEntry(
  id: string,
  manifest: Manifest,
  entries: readonly ZipEntry[],
  platform: NodeJS.Platform,
  check: RuntimeCheck,
): Promise<CatalogEntry> {
  const config = mcpConfigFor(manifest, platform);
  const fields = manifestFields(manifest);
  const runtimes = isBareProgram(config.command)
    ? [{ name: config.command, ...(await check(config.command)) }]
    : [];
  return {
    id,
    name: manifest.display_name ?? manifest.name,
    description: manifest.description,
    category: 'custom',
    icon: await bundleIcon(manifest, entries),
    homepage: manifest.homepage ?? null,
    author: manifest.author.name,
    auth: fields.some((field) => field.sensitive) ? 'api-key' : 'none',
    runtimes,
    fields,
    clientSetup: null,
    manualToken: null,
    needsOwnClient: false,
    launch: { command: config.command, args: config.args, envNames: Object.keys(config.env) },
  };
}
