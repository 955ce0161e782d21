import type { CatalogEntry, RegistryEntry } from '../../../../electron/shared/contract';

/** Where a catalog row comes from: shipped with MCP Tray, picked by us, or an MCP registry. */
export type RowSource = 'built-in' | 'curated' | 'registry';

export const SOURCE_LABELS: Record<RowSource, string> = {
  'built-in': 'Built in',
  curated: 'Curated',
  registry: 'Registry',
};

/** The package types a user can filter by (nuget is rare enough to stay under "any"). */
export type PackageFacet = 'npm' | 'pypi' | 'oci' | 'mcpb' | 'remote';

export interface Facets {
  kind: 'any' | 'local' | 'remote';
  packageType: 'any' | PackageFacet;
  /** Only what can run here: its runtime is installed (or it needs none). */
  runnableOnly: boolean;
  source: 'any' | RowSource;
}

export const NO_FACETS: Facets = { kind: 'any', packageType: 'any', runnableOnly: false, source: 'any' };

/** What facets look at, for both kinds of entry. */
interface Facetable {
  source: RowSource;
  kind: 'local' | 'remote';
  packageTypes: readonly string[];
  runnable: boolean;
}

const catalogSource = (entry: CatalogEntry): RowSource =>
  entry.category === 'built-in' ? 'built-in' : 'curated';

const catalogFacetable = (entry: CatalogEntry): Facetable => ({
  source: catalogSource(entry),
  kind: entry.category === 'remote' ? 'remote' : 'local',
  // Our entries carry no registry package type; a remote one is still "remote".
  packageTypes: entry.category === 'remote' ? ['remote'] : [],
  runnable: entry.runtimes.every((runtime) => runtime.found),
});

/** Registry remotes count as the "remote" package type, so one facet finds them. */
export const registryPackageTypes = (entry: RegistryEntry): string[] =>
  entry.remoteTypes.length > 0 ? [...entry.packageTypes, 'remote'] : entry.packageTypes;

const registryFacetable = (entry: RegistryEntry): Facetable => ({
  source: 'registry',
  kind: entry.kind,
  packageTypes: registryPackageTypes(entry),
  runnable: entry.runnable,
});

function matches(row: Facetable, facets: Facets): boolean {
  if (facets.source !== 'any' && row.source !== facets.source) return false;
  if (facets.kind !== 'any' && row.kind !== facets.kind) return false;
  if (facets.packageType !== 'any' && !row.packageTypes.includes(facets.packageType)) return false;
  return !facets.runnableOnly || row.runnable;
}

export const catalogEntryMatches = (entry: CatalogEntry, facets: Facets): boolean =>
  matches(catalogFacetable(entry), facets);

export const registryEntryMatches = (entry: RegistryEntry, facets: Facets): boolean =>
  matches(registryFacetable(entry), facets);

/** "Saved 5 minutes ago" style wording is overkill here: the date and time is what people check. */
export function offlineNote(fetchedAt: string | null): string {
  if (!fetchedAt) return 'The registry could not be reached, and nothing is saved from it yet.';
  const when = new Date(fetchedAt);
  const text = Number.isNaN(when.getTime()) ? fetchedAt : when.toLocaleString();
  return `The registry could not be reached. These results were saved on ${text}.`;
}
