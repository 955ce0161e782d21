// Synthetic MCP Registry entries for the registry and catalog benchmarks (a large registry).
import type { FixtureEntry } from '../../test/core/registry/test-registry-server';

const WORDS = [
  'weather',
  'github',
  'issues',
  'postgres',
  'database',
  'files',
  'slack',
  'calendar',
  'search',
  'notes',
];

/** `count` active registry entries, npm and pypi, half with a secret variable. */
export function syntheticEntries(count: number): FixtureEntry[] {
  return Array.from({ length: count }, (_, i) => ({
    server: {
      name: `io.github.owner${i % 97}/server-${String(i).padStart(5, '0')}`,
      title: `Server ${i}`,
      description: `An MCP server for ${WORDS[i % WORDS.length]} and ${WORDS[(i * 7) % WORDS.length]} (number ${i}).`,
      version: `1.${i % 10}.0`,
      packages: [
        {
          registryType: i % 3 === 0 ? 'pypi' : 'npm',
          identifier: i % 3 === 0 ? `mcp-server-${i}` : `@owner${i % 97}/server-${i}`,
          version: `1.${i % 10}.0`,
          transport: { type: 'stdio' },
          environmentVariables: [{ name: 'API_KEY', isSecret: i % 2 === 0 }],
        },
      ],
    },
    _meta: { 'io.modelcontextprotocol.registry/official': { status: 'active', isLatest: true } },
  }));
}
