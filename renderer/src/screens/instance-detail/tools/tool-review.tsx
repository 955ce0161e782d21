import './tools.css';
import { useEffect, useId, useState } from 'react';
import type { ToolReview, ToolReviewItem } from '../../../../../electron/shared/contract';
import { useApi } from '../../../api/api-context';
import { messageOf } from '../../../api/error-message';
import { Icon } from '../../../components/icon';
import { plural } from '../../format';
import { WordDiffView } from './word-diff-view';

type Decide = (kind: 'approve' | 'reject', items: readonly ToolReviewItem[] | 'all') => void;

function ReviewItem({ item, busy, decide }: { item: ToolReviewItem; busy: boolean; decide: Decide }) {
  return (
    <li className="review-item" data-testid="review-item" data-tool={item.name} data-status={item.status}>
      <div className="review-item__head">
        <code className="review-item__name">{item.name}</code>
        <span className={item.change === 'new' ? 'tag tag--new' : 'tag tag--changed'}>
          {item.change === 'new' ? 'New' : 'Changed'}
        </span>
        {item.status === 'rejected' && <span className="tag tag--off">Rejected</span>}
      </div>
      {item.warnings.length > 0 && (
        <ul className="review-warnings" aria-label={`Warnings about ${item.name}`}>
          {item.warnings.map((warning) => (
            <li
              key={`${warning.kind}:${warning.field}`}
              className="review-warning"
              data-testid="review-warning"
            >
              <Icon name="triangle" />
              <div>
                <p className="review-warning__message">
                  <span className="visually-hidden">Warning: </span>
                  {warning.message} <span className="muted">(in {warning.field})</span>
                </p>
                <code className="review-warning__excerpt">{warning.excerpt}</code>
              </div>
            </li>
          ))}
        </ul>
      )}
      <WordDiffView diff={item.diff} />
      <div className="review-item__actions">
        <button
          type="button"
          className="button button--small button--primary"
          aria-disabled={busy}
          onClick={() => decide('approve', [item])}
          data-testid="review-approve"
        >
          Approve<span className="visually-hidden"> {item.name}</span>
        </button>
        {item.status === 'pending' && (
          <button
            type="button"
            className="button button--small"
            aria-disabled={busy}
            onClick={() => decide('reject', [item])}
            data-testid="review-reject"
          >
            Reject<span className="visually-hidden"> {item.name}</span>
          </button>
        )}
      </div>
    </li>
  );
}

interface ToolReviewPanelProps {
  instanceId: string;
  /** How many tools wait (from the instance); a change loads the review again. */
  waiting: number;
  refresh: () => Promise<void>;
}

/**
 * "Tools changed: review": tools that are new or changed since the user approved this
 * service's tools, each with a word diff and warnings about text that may steer the AI model.
 * Approving sends the exact version reviewed (its hash), so a tool that changed again meanwhile
 * is not approved unseen. Nothing shows when there is nothing to decide.
 */
export function ToolReviewPanel({ instanceId, waiting, refresh }: ToolReviewPanelProps) {
  const api = useApi();
  const headingId = useId();
  const [review, setReview] = useState<ToolReview | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    let live = true;
    api.getToolReview({ id: instanceId }).then(
      (next) => live && setReview(next),
      (failure: unknown) => live && setError(messageOf(failure)),
    );
    return () => {
      live = false;
    };
  }, [api, instanceId, waiting]);

  const decide: Decide = (kind, items) => {
    if (busy) return;
    setBusy(true);
    setError(null);
    const input =
      items === 'all'
        ? { id: instanceId, all: true }
        : { id: instanceId, tools: items.map(({ name, hash }) => ({ name, hash })) };
    const request = kind === 'approve' ? api.approveTools(input) : api.rejectTools(input);
    request
      .then(async (next) => {
        setReview(next);
        await refresh();
      })
      .catch((failure: unknown) => setError(messageOf(failure)))
      .finally(() => setBusy(false));
  };

  if (!review || review.items.length === 0) {
    return error ? (
      <p role="alert" className="note--warning">
        {error}
      </p>
    ) : null;
  }
  const pending = review.items.filter((i) => i.status === 'pending').length;
  return (
    <section className="tool-review" aria-labelledby={headingId} data-testid="tool-review">
      <div className="tool-review__head">
        <div>
          <h3 id={headingId} className="tool-review__title">
            {pending > 0 ? 'Tools changed: review' : 'Rejected tools'}
          </h3>
          <p className="muted">
            {pending > 0
              ? `${plural(pending, 'tool')} new or changed since you approved this service’s tools. AI clients don’t see ${pending === 1 ? 'it' : 'them'} until you approve.`
              : 'You chose not to allow these versions. AI clients don’t see them; you are asked again when they change.'}
          </p>
        </div>
        {pending > 1 && (
          <button
            type="button"
            className="button button--small"
            aria-disabled={busy}
            onClick={() => decide('approve', 'all')}
            data-testid="review-approve-all"
          >
            Approve all {pending}
          </button>
        )}
      </div>
      {error && (
        <p role="alert" className="note--warning">
          {error}
        </p>
      )}
      <ul className="review-list">
        {review.items.map((item) => (
          <ReviewItem key={item.name} item={item} busy={busy} decide={decide} />
        ))}
      </ul>
    </section>
  );
}
