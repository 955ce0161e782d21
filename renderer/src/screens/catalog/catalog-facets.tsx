import './catalog.css';
import { useId } from 'react';
import type { Facets, PackageFacet } from './registry-model';
import { SOURCE_LABELS } from './registry-model';

/** In the order the Package list shows them. */
const PACKAGE_LABELS: Record<PackageFacet, string> = {
  npm: 'npm',
  pypi: 'PyPI',
  oci: 'Container (OCI)',
  mcpb: 'Bundle (.mcpb)',
  remote: 'Remote',
};

type SelectFacet = 'kind' | 'packageType' | 'source';

/** A facet chosen from a list: its label, test id, and options (value → words) in order. */
interface SelectSpec<K extends SelectFacet> {
  label: string;
  testId: string;
  options: Record<Facets[K], string>;
}

const SELECTS: { [K in SelectFacet]: SelectSpec<K> } = {
  kind: {
    label: 'Runs',
    testId: 'facet-kind',
    options: { any: 'Anywhere', local: 'On this computer', remote: 'On the internet' },
  },
  packageType: { label: 'Package', testId: 'facet-package', options: { any: 'Any', ...PACKAGE_LABELS } },
  source: { label: 'Source', testId: 'facet-source', options: { any: 'All', ...SOURCE_LABELS } },
};

interface FacetsProps {
  facets: Facets;
  onChange: (facets: Facets) => void;
}

/** Narrowing the catalog: native selects and a checkbox, so every control is labelled and keyboard-ready. */
export function CatalogFacets({ facets, onChange }: FacetsProps) {
  const id = useId();
  return (
    <fieldset className="catalog-facets" data-testid="catalog-facets">
      <legend className="visually-hidden">Filter the catalog</legend>
      {(Object.keys(SELECTS) as SelectFacet[]).map((key) => {
        const { label, testId, options } = SELECTS[key];
        return (
          <label key={key} className="catalog-facet" htmlFor={`${id}-${key}`}>
            {label}
            <select
              id={`${id}-${key}`}
              className="input select"
              value={facets[key]}
              // The options are this facet's values, so the chosen one is one of them.
              onChange={(e) => onChange({ ...facets, [key]: e.target.value })}
              data-testid={testId}
            >
              {Object.entries<string>(options).map(([value, words]) => (
                <option key={value} value={value}>
                  {words}
                </option>
              ))}
            </select>
          </label>
        );
      })}
      <label className="check catalog-facet--check">
        <input
          type="checkbox"
          checked={facets.runnableOnly}
          onChange={(e) => onChange({ ...facets, runnableOnly: e.target.checked })}
          data-testid="facet-runnable"
        />
        <span>Runtime found on this computer</span>
      </label>
    </fieldset>
  );
}
