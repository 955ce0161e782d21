import type { InstanceDetail } from '../../../../electron/shared/contract';
import { clientDisplayName } from '../../../../electron/shared/client-names';
import { DetailList } from '../detail-list';
import { plural } from '../format';
import { StateHistory } from './state-history';

/** What the server is, what it offers, who is connected, and how its state went. */
export function OverviewPanel({ instance }: { instance: InstanceDetail }) {
  const { serverInfo } = instance;
  return (
    <div className="panel-stack">
      <DetailList
        title="Server"
        rows={[
          ['Server', serverInfo ? serverInfo.name : 'Not reported yet'],
          ...(serverInfo ? [['Version', serverInfo.version] as const] : []),
          [
            'Offers',
            [
              plural(instance.tools.length, 'tool'),
              plural(instance.resourceCount, 'resource'),
              plural(instance.promptCount, 'prompt'),
            ].join(', '),
          ],
          [
            'Connected now',
            instance.clients.length
              ? [...new Set(instance.clients.map(clientDisplayName))].join(', ')
              : 'No AI client',
          ],
          ['Restarts', String(instance.restarts)],
          ['Kind', <code>{instance.integrationId}</code>],
        ]}
      />
      <StateHistory history={instance.history} />
    </div>
  );
}
