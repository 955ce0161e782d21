import './catalog.css';
import { useMemo } from 'react';
import { Icon } from '../../components/icon';
import type { Facets } from './registry-model';
import { offlineNote, registryEntryMatches } from './registry-model';
import { RegistryList } from './registry-list';
import { useRegistrySearch } from './use-registry-search';

/** Below our own entries: what the MCP registry has for the same words, narrowed by the facets. */
export function RegistrySection({ query, facets }: { query: string; facets: Facets }) {
  const { search, loadMore } = useRegistrySearch(query);
  const entries = useMemo(
    () => (search.status === 'ready' ? search.entries.filter((e) => registryEntryMatches(e, facets)) : []),
    [search, facets],
  );
  if (facets.source === 'built-in' || facets.source === 'curated') return null;
  return (
    <section className="catalog-group" aria-labelledby="catalog-registry" data-testid="registry-section">
      <header className="catalog-group__header">
        <h2 id="catalog-registry" className="catalog-group__title">
          From the MCP Registry{' '}
          {search.status === 'ready' && <span className="catalog-group__count">({entries.length})</span>}
        </h2>
        <p className="muted">
          Published by their makers; the registry checks who owns each namespace. MCP Tray installs the exact
          version shown.
        </p>
      </header>
      {search.status === 'loading' && (
        <p className="muted" role="status" data-testid="registry-loading">
          Searching the registry…
        </p>
      )}
      {search.status === 'error' && (
        <p className="inline-error" role="alert" data-testid="registry-error">
          Couldn't search the registry: {search.message}
        </p>
      )}
      {search.status === 'ready' && (
        <>
          {(search.offline || search.notice) && (
            <p className="note" role="status" data-testid="registry-offline">
              <Icon name="info" />
              {search.offline ? offlineNote(search.fetchedAt) : ''} {search.notice ?? ''}
            </p>
          )}
          <p className="visually-hidden" role="status" data-testid="registry-count">
            {`${entries.length} registry ${entries.length === 1 ? 'entry' : 'entries'}`}
          </p>
          {entries.length === 0 ? (
            <p className="muted" data-testid="registry-empty">
              Nothing in the registry matches{query.trim() ? ` “${query.trim()}”` : ''}.
            </p>
          ) : (
            <RegistryList entries={entries} label="Registry entries" />
          )}
          {search.nextCursor && (
            <p>
              <button
                type="button"
                className="button button--small"
                aria-disabled={search.loadingMore}
                onClick={loadMore}
                data-testid="registry-more"
              >
                {search.loadingMore ? 'Loading…' : `Show more (${search.total - search.entries.length} left)`}
              </button>
            </p>
          )}
        </>
      )}
    </section>
  );
}
