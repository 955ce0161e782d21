import { useConnectionState } from '../api/api-context';
import type { ConnectionState } from '../api/connection-store';

const LABELS: Record<ConnectionState, string> = {
  connecting: 'Connecting…',
  open: 'Connected',
  reconnecting: 'Reconnecting…',
};

// Not a live region: the banner announces a lost connection, this would only repeat it.
export function ConnectionIndicator() {
  const state = useConnectionState();
  return (
    <p
      className={`connection connection--${state}`}
      data-testid="connection-indicator"
      data-state={state}
      title={LABELS[state]}
    >
      <span className="connection__dot" aria-hidden="true" />
      <span className="sidebar__label">{LABELS[state]}</span>
    </p>
  );
}
