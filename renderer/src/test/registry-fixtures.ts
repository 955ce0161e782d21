import type {
  OutdatedInstance,
  RegistryEntry,
  RegistryEntryDetail,
  RegistryField,
  RegistryOption,
  RegistrySearchResult,
  SearchRegistry,
  UpdatePlan,
} from '../../../electron/shared/contract';

/** A registry field: a plain optional setting unless `overrides` say otherwise. */
export const makeRegistryField = (
  overrides: Partial<RegistryField> & Pick<RegistryField, 'key'>,
): RegistryField => ({
  kind: 'env',
  label: overrides.key,
  description: '',
  required: false,
  secret: false,
  default: null,
  choices: [],
  format: 'string',
  placeholder: null,
  repeated: false,
  ...overrides,
});

/** What the fake registry holds; search answers from `details` (each is also a search entry). */
export interface FakeRegistry {
  details: RegistryEntryDetail[];
  outdated: OutdatedInstance[];
  plans: UpdatePlan[];
  offline: boolean;
  fetchedAt: string | null;
  notice: string | null;
}

/** A local npm server from the registry, active, runnable here, with no options unless given. */
export function makeRegistryEntry(overrides: Partial<RegistryEntryDetail> = {}): RegistryEntryDetail {
  const name = overrides.name ?? 'io.github.acme/weather';
  return {
    name,
    title: 'Weather',
    description: 'Forecasts for any city.',
    version: '1.2.3',
    status: 'active',
    statusMessage: null,
    publishedAt: '2025-02-01T10:00:00.000Z',
    updatedAt: '2025-02-01T10:00:00.000Z',
    namespace: name.split('/')[0]!,
    repository: 'https://github.com/acme/weather',
    website: null,
    kind: 'local',
    packageTypes: ['npm'],
    remoteTypes: [],
    needsSecret: false,
    runtimes: ['npx'],
    runnable: true,
    registry: 'https://registry.example.test',
    registryName: 'Test registry',
    options: [],
    recommended: 'npm',
    ...overrides,
  };
}

/** An npm option: `npx -y <identifier>@<version>`, with the given fields. */
export function makeRegistryOption(overrides: Partial<RegistryOption> = {}): RegistryOption {
  const identifier = overrides.identifier ?? '@acme/weather-mcp';
  const version = overrides.version ?? '1.2.3';
  return {
    type: 'npm',
    index: 0,
    identifier,
    version,
    runtime: 'npx',
    runtimeFound: true,
    runtimeHint: null,
    transport: 'stdio',
    fields: [],
    problem: null,
    preview: { command: 'npx', args: ['-y', `${identifier}@${version}`], envNames: [] },
    ...overrides,
  };
}

const summaryOf = ({ options: _options, recommended: _recommended, ...entry }: RegistryEntryDetail) =>
  entry satisfies RegistryEntry;

/** Like the core: every word must match the name, title or description; deprecated ones on request. */
export function searchFakeRegistry(registry: FakeRegistry, input: SearchRegistry): RegistrySearchResult {
  const words = (input.query ?? '').toLowerCase().split(/\s+/).filter(Boolean);
  const entries = registry.details
    .filter((e) => input.includeDeprecated || e.status === 'active')
    .filter((e) => {
      const text = `${e.name}\n${e.title ?? ''}\n${e.description}`.toLowerCase();
      return words.every((word) => text.includes(word));
    })
    .map(summaryOf);
  const start = input.cursor ? Number(input.cursor) : 0;
  const limit = input.limit ?? 50;
  const page = entries.slice(start, start + limit);
  const next = start + limit < entries.length ? String(start + limit) : null;
  return {
    entries: page,
    total: entries.length,
    nextCursor: next,
    offline: registry.offline,
    fetchedAt: registry.fetchedAt,
    notice: registry.notice,
  };
}
