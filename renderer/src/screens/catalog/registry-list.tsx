import './catalog.css';
import { useState } from 'react';
import type { CSSProperties } from 'react';
import type { RegistryEntry } from '../../../../electron/shared/contract';
import { Icon } from '../../components/icon';
import { registryHref } from '../../routing/routes';
import { registryPackageTypes } from './registry-model';
import { rowWindow } from '../row-window';
import { REGISTRY_ROWS, REGISTRY_ROW_HEIGHT, REGISTRY_VIEWPORT } from './registry-rows';

/** One registry entry: the name is the link; facts as short chips; deprecation in words. */
function RegistryRow({ entry, index, count }: { entry: RegistryEntry; index: number; count: number }) {
  const deprecated = entry.status !== 'active';
  const style: CSSProperties = { top: index * REGISTRY_ROW_HEIGHT, height: REGISTRY_ROW_HEIGHT };
  return (
    <li
      className="registry-row"
      style={style}
      aria-setsize={count}
      aria-posinset={index + 1}
      data-testid="registry-entry"
      data-entry-name={entry.name}
      data-status={entry.status}
    >
      <div className="registry-row__head">
        <a className="registry-row__link" href={registryHref(entry.name)}>
          {entry.title ?? entry.name}
        </a>
        <span className="registry-row__version">{entry.version}</span>
        <span className="source-badge source-badge--registry">Registry</span>
      </div>
      <p className="registry-row__facts muted">
        <span data-testid="registry-namespace">{entry.namespace}</span>
        {' · '}
        {entry.kind === 'remote' ? 'Remote' : 'Local'}
        {' · '}
        {registryPackageTypes(entry).join(', ') || 'no packages'}
        {!entry.runnable && !deprecated && ' · runtime not found'}
      </p>
      {deprecated ? (
        <p className="registry-row__warning" data-testid="registry-deprecated">
          <Icon name="triangle" />
          Deprecated, not offered for install{entry.statusMessage ? `: ${entry.statusMessage}` : '.'}
        </p>
      ) : (
        <p className="registry-row__description">{entry.description}</p>
      )}
    </li>
  );
}

/** The registry's entries as a virtual list: only the rows in view (plus a few) are in the DOM. */
export function RegistryList({ entries, label }: { entries: readonly RegistryEntry[]; label: string }) {
  const [scrollTop, setScrollTop] = useState(0);
  const { start, end } = rowWindow(scrollTop, REGISTRY_VIEWPORT, entries.length, REGISTRY_ROWS);
  const height = entries.length * REGISTRY_ROW_HEIGHT;
  return (
    <div
      className="registry-list"
      style={{ maxHeight: REGISTRY_VIEWPORT }}
      onScroll={(event) => setScrollTop(event.currentTarget.scrollTop)}
      data-testid="registry-list"
    >
      <ul className="registry-list__items" style={{ height }} aria-label={label}>
        {entries.slice(start, end).map((entry, offset) => (
          <RegistryRow key={entry.name} entry={entry} index={start + offset} count={entries.length} />
        ))}
      </ul>
    </div>
  );
}
