import type { InstanceSummary } from '../../../electron/shared/contract';
import { Icon } from '../components/icon';
import { RetryCountdown } from '../components/retry-countdown';
import { StatusBadge } from '../components/status-badge';
import { instanceHref } from '../routing/routes';
import { navigate } from '../routing/use-route';
import { requestSignIn } from './account/sign-in-request';
import { formatSince, formatToolCount } from './format';

/** One service; its name links to the detail, and the link's hit area covers the whole row. */
export function InstanceRow({ instance }: { instance: InstanceSummary }) {
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
        {instance.stateReason && <p className="instance__reason">{instance.stateReason}</p>}
        {instance.state === 'needs-auth' && (
          <button
            type="button"
            className="button button--small instance__sign-in"
            onClick={() => {
              requestSignIn(instance.id);
              navigate(instanceHref(instance.id));
            }}
            data-testid="row-sign-in"
          >
            <Icon name="lock" />
            Sign in<span className="visually-hidden"> to use {instance.name}</span>
          </button>
        )}
        {instance.state === 'backoff' && instance.nextRetryAt && (
          <p className="instance__retry">
            <RetryCountdown at={instance.nextRetryAt} />
          </p>
        )}
        {since && <p className="instance__since">{since}</p>}
      </div>
      <p className="instance__tools">{formatToolCount(instance.toolCount)}</p>
      <Icon name="chevron" className="icon instance__chevron" />
    </li>
  );
}
