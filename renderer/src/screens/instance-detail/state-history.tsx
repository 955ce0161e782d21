import './instance-detail.css';
import { useId } from 'react';
import type { StateTransition } from '../../../../electron/shared/contract';
import { StatusBadge } from '../../components/status-badge';
import { formatMoment } from '../format';
import { StateTimeline } from './state-timeline';

/** Newest first, whatever order the core keeps them in (it appends). */
function newestFirst(history: readonly StateTransition[]): StateTransition[] {
  return [...history].reverse().sort((a, b) => (Date.parse(b.at) || 0) - (Date.parse(a.at) || 0));
}

export function StateHistory({ history }: { history: readonly StateTransition[] }) {
  const headingId = useId();
  return (
    <section className="details" aria-labelledby={headingId}>
      <h2 id={headingId} className="details__title">
        State history
      </h2>
      {history.length === 0 ? (
        <p className="muted" data-testid="history-empty">
          No changes yet.
        </p>
      ) : (
        <StateTimeline history={history} />
      )}
      {history.length > 0 && (
        <ol className="timeline" data-testid="state-history">
          {newestFirst(history).map((entry, index) => (
            <li className="timeline__entry" key={`${entry.at}-${index}`} data-testid="history-entry">
              <time className="timeline__time" dateTime={entry.at}>
                {formatMoment(entry.at)}
              </time>
              <StatusBadge state={entry.state} />
              {entry.reason && <span className="timeline__reason">{entry.reason}</span>}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
