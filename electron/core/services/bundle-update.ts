import type { CatalogEntry, CatalogField, ConfigValue } from '../../shared/contract';
import type { LaunchPreview, RegistryField } from '../../shared/registry-contract';
import type { LaunchResolver } from '../integrations/launch-spec';
import { configSecretAccount } from '../integrations/launch-spec';
import { downloadBundle } from '../registry/mcpb-download';
import type { RegistryPackage } from '../registry/registry-schema';
import { UserFacingError } from '../rpc/errors';
import type { InstanceConfig } from '../settings/settings-schema';
import type { BundlesService } from './bundles-service';
import type { Candidate, Given } from './update-candidate';

/** What updating a registry `.mcpb` instance needs besides the registry. */
export interface BundleUpdateDeps {
  fetch: typeof globalThis.fetch;
  bundles: Pick<BundlesService, 'unpackVersion' | 'discard'>;
  launch: Pick<LaunchResolver, 'describe'>;
}

/** What a local instance runs (its command with `${__dirname}` and settings filled in). */
export function launchPreview(launch: BundleUpdateDeps['launch'], config: InstanceConfig): LaunchPreview {
  const spec = launch.describe(config);
  return {
    command: spec.command,
    args: spec.args,
    envNames: [...Object.keys(spec.env), ...spec.secretEnvNames],
  };
}

/**
 * The new version of a registry bundle: downloaded and checked against the entry's checksum,
 * unpacked beside the current one (see {@link BundlesService.unpackVersion}), with the settings
 * the new manifest still has carried over and those it newly requires reported as missing.
 */
export async function nextBundle(
  deps: BundleUpdateDeps,
  config: InstanceConfig,
  packages: RegistryPackage[],
  given: Given,
): Promise<{ candidate: Candidate; values: Record<string, string> }> {
  const pkg = packages.find((p) => p.registryType === 'mcpb');
  if (!pkg) throw new UserFacingError('not-found', 'The new version has no mcpb bundle.');
  if (!pkg.fileSha256)
    throw new UserFacingError('invalid-input', 'The new bundle has no SHA-256 checksum to check it against.');
  const data = await downloadBundle(deps.fetch, pkg.identifier, pkg.fileSha256);
  const { dir, entry } = await deps.bundles.unpackVersion(config.id, data);
  try {
    return candidateFor(deps, config, given, dir, entry);
  } catch (error) {
    // Refused after the unpack (a setting it does not have): the folder goes unless in use.
    if (dir !== config.bundleDir && dir !== config.registry?.previous?.bundleDir) deps.bundles.discard(dir);
    throw error;
  }
}

/** The update to the version unpacked in `dir`, whose manifest is `entry`. */
function candidateFor(
  deps: BundleUpdateDeps,
  config: InstanceConfig,
  given: Given,
  dir: string,
  entry: CatalogEntry,
): { candidate: Candidate; values: Record<string, string> } {
  const fields = new Map(entry.fields.map((field) => [field.key, field]));
  for (const key of [...Object.keys(given.values ?? {}), ...Object.keys(given.secrets ?? {})]) {
    if (!fields.has(key))
      throw new UserFacingError('invalid-input', `The new version has no setting "${key}".`);
  }
  const userConfig: Record<string, ConfigValue> = {};
  for (const [key, value] of Object.entries({ ...config.userConfig, ...given.values })) {
    if (fields.get(key)?.sensitive === false) userConfig[key] = value;
  }
  const secretKeys = new Set([...config.secretFields, ...Object.keys(given.secrets ?? {})]);
  const secretFields = [...secretKeys].filter((key) => fields.get(key)?.sensitive === true);
  const patch: Partial<InstanceConfig> = {
    bundleDir: dir,
    integrationId: entry.id,
    userConfig,
    secretFields,
  };
  const missing = entry.fields
    .filter(
      (f) => f.required && !(f.sensitive ? secretKeys.has(f.key) : f.key in userConfig || f.default !== null),
    )
    .map(asRegistryField);
  const candidate: Candidate = {
    after: launchPreview(deps.launch, { ...config, ...patch }),
    missing,
    patch,
    secrets: Object.entries(given.secrets ?? {}).map(([key, value]) => [
      configSecretAccount(config.id, key),
      value,
    ]),
    unpacked: dir,
  };
  const values = Object.fromEntries(
    Object.entries(userConfig).map(([key, value]) => [
      key,
      Array.isArray(value) ? value.join('\n') : String(value),
    ]),
  );
  return { candidate, values };
}

const FORMATS: Record<CatalogField['type'], RegistryField['format']> = {
  string: 'string',
  number: 'number',
  boolean: 'boolean',
  directory: 'filepath',
  file: 'filepath',
};

/** A manifest setting as the update review asks for it. */
function asRegistryField(field: CatalogEntry['fields'][number]): RegistryField {
  return {
    key: field.key,
    kind: 'variable',
    label: field.title,
    description: field.description,
    required: field.required,
    secret: field.sensitive,
    default: field.default === null ? null : String(field.default),
    choices: [],
    format: FORMATS[field.type],
    placeholder: null,
    repeated: field.multiple,
  };
}
