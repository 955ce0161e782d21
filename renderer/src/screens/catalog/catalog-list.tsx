import './entry-parts.css';
import './catalog.css';
import { useId } from 'react';
import type { CatalogEntry } from '../../../../electron/shared/contract';
import { addHref } from '../../routing/routes';
import type { CatalogGroup } from './catalog-model';
import { CATEGORY_HINTS, CATEGORY_LABELS, missingRuntimes } from './catalog-model';
import { EntryIcon, EntryNeeds } from './entry-parts';

/** One integration: its name is the link (one tab stop); the link's hit area covers the card. */
function CatalogItem({ entry }: { entry: CatalogEntry }) {
  const descriptionId = useId();
  const missing = missingRuntimes(entry);
  return (
    <li className="catalog-item" data-testid="catalog-entry" data-entry-id={entry.id}>
      <EntryIcon entry={entry} />
      <div className="catalog-item__body">
        <h3 className="catalog-item__name">
          <a className="catalog-item__link" href={addHref(entry.id)} aria-describedby={descriptionId}>
            {entry.name}
          </a>
        </h3>
        <p id={descriptionId} className="catalog-item__description">
          {entry.description}
        </p>
        <EntryNeeds entry={entry} />
        {missing.map((runtime) => (
          <p key={runtime.name} className="catalog-item__hint" data-testid="runtime-hint">
            {runtime.hint ?? `Install ${runtime.name} first.`}
          </p>
        ))}
      </div>
    </li>
  );
}

/** The catalog, grouped; each group is a labelled list. */
export function CatalogList({ groups }: { groups: readonly CatalogGroup[] }) {
  return (
    <div className="catalog-groups">
      {groups.map(({ category, entries }) => (
        <section
          key={category}
          className="catalog-group"
          aria-labelledby={`catalog-group-${category}`}
          data-testid="catalog-group"
          data-category={category}
        >
          <header className="catalog-group__header">
            <h2 id={`catalog-group-${category}`} className="catalog-group__title">
              {CATEGORY_LABELS[category]} <span className="catalog-group__count">({entries.length})</span>
            </h2>
            <p className="muted">{CATEGORY_HINTS[category]}</p>
          </header>
          <ul className="catalog-items" aria-labelledby={`catalog-group-${category}`}>
            {entries.map((entry) => (
              <CatalogItem key={entry.id} entry={entry} />
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}
