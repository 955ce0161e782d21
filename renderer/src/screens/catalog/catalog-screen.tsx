import './catalog.css';
import { useDeferredValue, useId, useMemo, useState } from 'react';
import type { CatalogEntry } from '../../../../electron/shared/contract';
import type { Loader } from '../../api/use-api-data';
import { useApiData } from '../../api/use-api-data';
import { EmptyState } from '../../components/empty-state';
import { Icon } from '../../components/icon';
import { ErrorState, LoadingState } from '../../components/load-states';
import { Screen } from '../../components/screen';
import { addHref } from '../../routing/routes';
import { CatalogFacets } from './catalog-facets';
import { CatalogList } from './catalog-list';
import { groupEntries, indexEntries } from './catalog-model';
import type { Facets } from './registry-model';
import { NO_FACETS, catalogEntryMatches } from './registry-model';
import { RegistrySection } from './registry-section';

const loadCatalog: Loader<CatalogEntry[]> = (api) => api.listCatalog();

/** Adding something that is not in the catalog: your own command, or a bundle file. */
function OtherWays() {
  return (
    <section className="catalog-group" aria-labelledby="catalog-other-ways">
      <h2 id="catalog-other-ways" className="catalog-group__title">
        Not listed?
      </h2>
      <ul className="other-ways" aria-labelledby="catalog-other-ways">
        <li>
          <a className="other-way" href={addHref('custom')} data-testid="add-custom-link">
            <Icon name="terminal" className="icon other-way__icon" />
            <span>
              <strong>Add your own server</strong>
              <span className="other-way__hint">
                A command such as npx, uvx or a program on this computer.
              </span>
            </span>
          </a>
        </li>
        <li>
          <a className="other-way" href={addHref('bundle')} data-testid="add-bundle-link">
            <Icon name="package" className="icon other-way__icon" />
            <span>
              <strong>Open a bundle (.mcpb)</strong>
              <span className="other-way__hint">
                A file someone gave you. You can also drop it on this window.
              </span>
            </span>
          </a>
        </li>
      </ul>
    </section>
  );
}

interface BodyProps {
  query: string;
  facets: Facets;
  onClear: () => void;
}

function CatalogBody({ query, facets, onClear }: BodyProps) {
  const { state, retry } = useApiData(loadCatalog);
  const entries = state.status === 'ready' ? state.data : null;
  const indexed = useMemo(
    () => indexEntries((entries ?? []).filter((entry) => catalogEntryMatches(entry, facets))),
    [entries, facets],
  );
  // Typing stays responsive with a long catalog: filtering renders at a lower priority.
  const deferred = useDeferredValue(query);
  const groups = useMemo(() => groupEntries(indexed, deferred), [indexed, deferred]);
  const count = groups.reduce((sum, group) => sum + group.entries.length, 0);

  if (state.status === 'loading') return <LoadingState label="Loading the catalog…" />;
  if (state.status === 'error') {
    return <ErrorState title="Couldn't load the catalog." message={state.message} onRetry={retry} />;
  }
  return (
    <>
      <p className="visually-hidden" role="status" data-testid="catalog-count">
        {deferred.trim() ? `${count} ${count === 1 ? 'integration matches' : 'integrations match'}` : ''}
      </p>
      {count === 0 ? (
        <EmptyState icon="search" title={`Nothing matches “${deferred.trim()}”`} testId="catalog-empty">
          {state.data.length === 0 ? (
            <p>This version of MCP Tray has no integrations in its catalog.</p>
          ) : (
            <>
              <p>Try another word, such as the name of the app or what it does.</p>
              <p>
                <button type="button" className="button button--small" onClick={onClear}>
                  Clear the search
                </button>
              </p>
            </>
          )}
          <p>Not listed? Add it as your own server below.</p>
        </EmptyState>
      ) : (
        <CatalogList groups={groups} />
      )}
    </>
  );
}

/** Everything a user can add: searchable and grouped, plus their own server or a bundle. */
export function CatalogScreen() {
  const [query, setQuery] = useState('');
  const [facets, setFacets] = useState<Facets>(NO_FACETS);
  const searchId = useId();
  return (
    <Screen
      title="Add a service"
      description="Choose what your AI clients should be able to use. MCP Tray runs it, signs you in, and sets up your clients."
      testId="catalog-screen"
    >
      <div className="catalog-search" role="search">
        <label htmlFor={searchId} className="catalog-search__label">
          Search integrations
        </label>
        <div className="catalog-search__field">
          <Icon name="search" className="icon catalog-search__icon" />
          <input
            id={searchId}
            className="input catalog-search__input"
            type="search"
            value={query}
            placeholder="Name, what it does, or id"
            autoComplete="off"
            spellCheck={false}
            onChange={(event) => setQuery(event.target.value)}
            data-testid="catalog-search"
          />
        </div>
      </div>
      <CatalogFacets facets={facets} onChange={setFacets} />
      {facets.source !== 'registry' && (
        <CatalogBody query={query} facets={facets} onClear={() => setQuery('')} />
      )}
      <RegistrySection query={query} facets={facets} />
      <OtherWays />
    </Screen>
  );
}
