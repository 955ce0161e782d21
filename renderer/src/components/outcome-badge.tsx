import type { ToolCallOutcome } from '../../../electron/shared/contract';
import type { IconName } from './icon';
import { Icon } from './icon';

// Like the state badges: colour, icon shape and words each tell the outcomes apart.
const OUTCOMES: Record<ToolCallOutcome, { label: string; icon: IconName }> = {
  ok: { label: 'OK', icon: 'check' },
  'tool-error': { label: 'Tool error', icon: 'triangle' },
  'protocol-error': { label: 'Protocol error', icon: 'octagon' },
  timeout: { label: 'Timed out', icon: 'clock' },
  cancelled: { label: 'Cancelled', icon: 'slash' },
};

export const outcomeLabel = (outcome: ToolCallOutcome): string => OUTCOMES[outcome].label;

export function OutcomeBadge({ outcome }: { outcome: ToolCallOutcome }) {
  const { label, icon } = OUTCOMES[outcome];
  return (
    <span className={`badge badge--outcome-${outcome}`} data-outcome={outcome} data-testid="outcome-badge">
      <Icon name={icon} />
      <span>{label}</span>
    </span>
  );
}
