import './services-screen.css';
import type { InstanceSummary, OutdatedInstance } from '../../../electron/shared/contract';
import { clientDisplayName } from '../../../electron/shared/client-names';
import { Icon } from '../components/icon';
import { RetryCountdown } from '../components/retry-countdown';
import { StartedAgo } from '../components/started-ago';
import { StatusBadge } from '../components/status-badge';
import { instanceHref } from '../routing/routes';
import { formatSince, formatToolCount } from './format';
import { DetailRequestButton, InstanceRowFix } from './instance-row-fix';
import { requestToolReview } from './instance-detail/tools/review-request';
import { updateLabel } from './updates/use-updates';

/** "Used by Claude Desktop and Cursor now", "No AI client connected". */
export function formatClients(sent: readonly string[]): string {
  // Named as people know them ("Claude Desktop", not claude-ai), each once.
  const clients = [...new Set(sent.map(clientDisplayName))];
  if (clients.length === 0) return 'No AI client connected';
  const names =
    clients.length === 1 ? clients[0]! : `${clients.slice(0, -1).join(', ')} and ${clients.at(-1)!}`;
  return `Used by ${names} now`;
}

/**
 * One service: status (colour, icon and words), why, the action that fixes it, tool count and
 * who is connected. Its name links to the detail, and the link's hit area covers the whole row.
 */
export function InstanceRow({ instance, update }: { instance: InstanceSummary; update?: OutdatedInstance }) {
  const since = formatSince(instance.stateSince);
  return (
    <li className="instance" data-testid="instance-row" data-instance-id={instance.id}>
      <div className="instance__main">
        <h2 className="instance__name">
          <a className="instance__link" href={instanceHref(instance.id)} data-testid="instance-link">
            {instance.name}
          </a>
        </h2>
        <p className="instance__integration">{instance.integrationId}</p>
      </div>
      <div className="instance__status">
        <StatusBadge state={instance.state} />
        {instance.stateReason && (
          <p className="instance__reason">
            {instance.stateReason}
            {instance.state === 'starting' && (
              <>
                {' '}
                <StartedAgo since={instance.stateSince} />
              </>
            )}
          </p>
        )}
        {instance.state === 'backoff' && instance.nextRetryAt && (
          <p className="instance__retry">
            <RetryCountdown at={instance.nextRetryAt} />
          </p>
        )}
        <InstanceRowFix instance={instance} />
        {(instance.toolsToReview ?? 0) > 0 && (
          <DetailRequestButton
            instance={instance}
            request={requestToolReview}
            icon="triangle"
            label="Tools changed: review"
            hidden={` ${instance.name}`}
            testId="row-review-tools"
          />
        )}
        {update && (
          <p className="instance__update" data-testid="row-update">
            <Icon name="up" />
            {updateLabel(update)}
          </p>
        )}
        {since && <p className="instance__since">{since}</p>}
      </div>
      <div className="instance__facts">
        <p className="instance__tools">{formatToolCount(instance.toolCount)}</p>
        <p
          className={
            instance.clients.length ? 'instance__clients instance__clients--on' : 'instance__clients'
          }
          data-testid="instance-clients"
        >
          <Icon name="clients" />
          <span>{formatClients(instance.clients)}</span>
        </p>
      </div>
      <Icon name="chevron" className="icon instance__chevron" />
    </li>
  );
}
