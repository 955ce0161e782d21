import './add.css';
import type { CatalogEntry } from '../../../../electron/shared/contract';
import { Icon } from '../../components/icon';
import { addHref } from '../../routing/routes';
import { webLink } from '../account/account-format';
import { EntryIcon, EntryNeeds } from '../catalog/entry-parts';

/** Back to the catalog, above an add flow's title. */
export function BackLink() {
  return (
    <a className="back-link" href={addHref()} data-testid="back-to-catalog">
      <Icon name="back" />
      All integrations
    </a>
  );
}

/** Who made an integration, what it does, and what it needs, under the flow's title. */
export function EntrySummary({ entry, version }: { entry: CatalogEntry; version?: string }) {
  const homepage = entry.homepage ? webLink(entry.homepage) : null;
  return (
    <div className="entry-summary" data-testid="entry-summary">
      <EntryIcon entry={entry} large />
      <div className="entry-summary__text">
        <p>{entry.description}</p>
        <p className="muted">
          By {entry.author}
          {version && <> · version {version}</>}
          {homepage && (
            <>
              {' · '}
              <a href={homepage} target="_blank" rel="noreferrer">
                Website
              </a>
            </>
          )}
        </p>
        <EntryNeeds entry={entry} />
      </div>
    </div>
  );
}
