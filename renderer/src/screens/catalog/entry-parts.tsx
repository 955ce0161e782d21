import './entry-parts.css';
import type { CatalogEntry } from '../../../../electron/shared/contract';
import { Icon } from '../../components/icon';
import type { Need } from './catalog-model';
import { initials, needsOf } from './catalog-model';

/** The entry's icon, or its initials on a tinted square. Decorative: the name is always next to it. */
export function EntryIcon({
  entry,
  large = false,
}: {
  entry: Pick<CatalogEntry, 'icon' | 'name'>;
  large?: boolean;
}) {
  const className = large ? 'entry-icon entry-icon--large' : 'entry-icon';
  // Only data: URLs: the core embeds icons, and the page's CSP allows no other images.
  if (entry.icon?.startsWith('data:image/')) {
    return (
      <img className={className} src={entry.icon} alt="" width={large ? 48 : 32} height={large ? 48 : 32} />
    );
  }
  return (
    <span className={`${className} entry-icon--initials`} aria-hidden="true">
      {initials(entry.name)}
    </span>
  );
}

function NeedChip({ need }: { need: Need }) {
  if (need.kind !== 'runtime') {
    return (
      <li className="need" data-need={need.kind}>
        <Icon name={need.kind === 'sign-in' ? 'user' : 'lock'} />
        {need.label}
      </li>
    );
  }
  return (
    <li className={need.found ? 'need need--found' : 'need need--missing'} data-need="runtime">
      <Icon name={need.found ? 'check' : 'triangle'} />
      {need.found ? `${need.label} found` : `${need.label} not found`}
    </li>
  );
}

/** What an entry needs, as chips (words and an icon, never colour alone). */
export function EntryNeeds({ entry }: { entry: CatalogEntry }) {
  const needs = needsOf(entry);
  if (needs.length === 0) {
    return (
      <ul className="needs" aria-label="Needs" data-testid="entry-needs">
        <li className="need need--found">
          <Icon name="check" />
          Nothing to set up
        </li>
      </ul>
    );
  }
  return (
    <ul className="needs" aria-label="Needs" data-testid="entry-needs">
      {needs.map((need) => (
        <NeedChip key={`${need.kind}:${need.label}`} need={need} />
      ))}
    </ul>
  );
}

/** For each runtime this computer lacks: what to install, in the core's words. */
export function RuntimeHints({ entry }: { entry: CatalogEntry }) {
  const missing = entry.runtimes.filter((runtime) => !runtime.found);
  if (missing.length === 0) return null;
  return (
    <>
      {missing.map((runtime) => (
        <p key={runtime.name} className="runtime-hint" data-testid="runtime-hint">
          <Icon name="triangle" />
          <span>
            <strong>{runtime.name} was not found on this computer.</strong>{' '}
            {runtime.hint ?? `Install ${runtime.name}, then add this service again.`}
          </span>
        </p>
      ))}
    </>
  );
}
