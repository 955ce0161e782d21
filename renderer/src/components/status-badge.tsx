import type { InstanceState } from '../../../electron/shared/contract';
import type { IconName } from './icon';
import { Icon } from './icon';

// Each state differs by colour, icon shape and words, so it reads without colour vision.
const STATES: Record<InstanceState, { label: string; icon: IconName }> = {
  running: { label: 'Running', icon: 'check' },
  starting: { label: 'Starting', icon: 'half' },
  stopped: { label: 'Stopped', icon: 'square' },
  unhealthy: { label: 'Unhealthy', icon: 'triangle' },
  backoff: { label: 'Retrying soon', icon: 'retry' },
  failed: { label: 'Failed', icon: 'octagon' },
  'needs-auth': { label: 'Needs sign-in', icon: 'lock' },
  disabled: { label: 'Disabled', icon: 'slash' },
};

export const stateLabel = (state: InstanceState): string => STATES[state].label;

export function StatusBadge({ state }: { state: InstanceState }) {
  const { label, icon } = STATES[state];
  return (
    <span className={`badge badge--${state}`} data-state={state} data-testid="status-badge">
      <Icon name={icon} />
      <span>{label}</span>
    </span>
  );
}
