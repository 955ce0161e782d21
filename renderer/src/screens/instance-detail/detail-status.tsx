import './instance-detail.css';
import type { InstanceDetail } from '../../../../electron/shared/contract';
import { RetryCountdown } from '../../components/retry-countdown';
import { StatusBadge } from '../../components/status-badge';
import { formatSince } from '../format';

/** The state line under the name: badge, the reason in words, and when it will retry. */
export function DetailStatus({ instance }: { instance: InstanceDetail }) {
  const since = formatSince(instance.stateSince);
  return (
    <div className="detail-status" data-testid="detail-status">
      <div className="detail-status__line">
        <StatusBadge state={instance.state} />
        {instance.state === 'backoff' && instance.nextRetryAt && (
          <RetryCountdown at={instance.nextRetryAt} className="detail-status__retry" />
        )}
        {since && <span className="detail-status__since">{since}</span>}
      </div>
      {instance.stateReason && (
        <p className="detail-status__reason" data-testid="state-reason">
          {instance.stateReason}
        </p>
      )}
    </div>
  );
}
