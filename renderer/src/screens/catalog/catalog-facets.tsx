import './catalog.css';
import { useId } from 'react';
import type { Facets, PackageFacet, RowSource } from './registry-model';
import { PACKAGE_FACETS, SOURCE_LABELS } from './registry-model';

const PACKAGE_LABELS: Record<PackageFacet, string> = {
  npm: 'npm',
  pypi: 'PyPI',
  oci: 'Container (OCI)',
  mcpb: 'Bundle (.mcpb)',
  remote: 'Remote',
};

interface FacetsProps {
  facets: Facets;
  onChange: (facets: Facets) => void;
}

/** Narrowing the catalog: native selects and a checkbox, so every control is labelled and keyboard-ready. */
export function CatalogFacets({ facets, onChange }: FacetsProps) {
  const id = useId();
  const set = <K extends keyof Facets>(key: K, value: Facets[K]) => onChange({ ...facets, [key]: value });
  return (
    <fieldset className="catalog-facets" data-testid="catalog-facets">
      <legend className="visually-hidden">Filter the catalog</legend>
      <label className="catalog-facet" htmlFor={`${id}-kind`}>
        Runs
        <select
          id={`${id}-kind`}
          className="input select"
          value={facets.kind}
          onChange={(e) => set('kind', e.target.value as Facets['kind'])}
          data-testid="facet-kind"
        >
          <option value="any">Anywhere</option>
          <option value="local">On this computer</option>
          <option value="remote">On the internet</option>
        </select>
      </label>
      <label className="catalog-facet" htmlFor={`${id}-package`}>
        Package
        <select
          id={`${id}-package`}
          className="input select"
          value={facets.packageType}
          onChange={(e) => set('packageType', e.target.value as Facets['packageType'])}
          data-testid="facet-package"
        >
          <option value="any">Any</option>
          {PACKAGE_FACETS.map((type) => (
            <option key={type} value={type}>
              {PACKAGE_LABELS[type]}
            </option>
          ))}
        </select>
      </label>
      <label className="catalog-facet" htmlFor={`${id}-source`}>
        Source
        <select
          id={`${id}-source`}
          className="input select"
          value={facets.source}
          onChange={(e) => set('source', e.target.value as Facets['source'])}
          data-testid="facet-source"
        >
          <option value="any">All</option>
          {(Object.keys(SOURCE_LABELS) as RowSource[]).map((source) => (
            <option key={source} value={source}>
              {SOURCE_LABELS[source]}
            </option>
          ))}
        </select>
      </label>
      <label className="check catalog-facet--check">
        <input
          type="checkbox"
          checked={facets.runnableOnly}
          onChange={(e) => set('runnableOnly', e.target.checked)}
          data-testid="facet-runnable"
        />
        <span>Runtime found on this computer</span>
      </label>
    </fieldset>
  );
}
