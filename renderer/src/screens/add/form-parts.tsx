import './add.css';
import '../catalog/entry-parts.css';
import type { Ref } from 'react';
import { Icon } from '../../components/icon';

export interface SummaryItem {
  /** The control to focus (element id). */
  target: string;
  message: string;
}

/**
 * "Fix these first": every problem in one place after a submit, each a button that moves focus
 * to its control (not a `#id` link: the hash is the app's route).
 */
export function ErrorSummary({ items, ref }: { items: readonly SummaryItem[]; ref?: Ref<HTMLDivElement> }) {
  if (items.length === 0) return null;
  return (
    <div ref={ref} className="error-summary" role="alert" tabIndex={-1} data-testid="error-summary">
      <p className="error-summary__title">
        <Icon name="triangle" />
        {items.length === 1 ? 'One thing needs fixing first:' : `${items.length} things need fixing first:`}
      </p>
      <ul className="error-summary__list">
        {items.map((item) => (
          <li key={item.target}>
            <button
              type="button"
              className="link-button"
              onClick={() => document.getElementById(item.target)?.focus()}
            >
              {item.message}
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** An error the core sent back (keychain locked, name taken…), shown where the action was. */
export function RequestError({
  message,
  testId = 'request-error',
}: {
  message: string | null;
  testId?: string;
}) {
  if (!message) return null;
  return (
    <p className="inline-error" role="alert" data-testid={testId}>
      {message}
    </p>
  );
}
