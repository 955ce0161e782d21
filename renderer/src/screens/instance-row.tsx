import type { InstanceSummary } from '../../../electron/shared/contract';
import { StatusBadge } from '../components/status-badge';
import { formatSince, formatToolCount } from './format';

export function InstanceRow({ instance }: { instance: InstanceSummary }) {
  const since = formatSince(instance.stateSince);
  return (
    <li className="instance" data-testid="instance-row" data-instance-id={instance.id}>
      <div className="instance__main">
        <h2 className="instance__name">{instance.name}</h2>
        <p className="instance__integration">{instance.integrationId}</p>
      </div>
      <div className="instance__status">
        <StatusBadge state={instance.state} />
        {instance.stateReason && <p className="instance__reason">{instance.stateReason}</p>}
        {since && <p className="instance__since">{since}</p>}
      </div>
      <p className="instance__tools">{formatToolCount(instance.toolCount)}</p>
    </li>
  );
}
