import './instance-detail.css';
import { useEffect, useState } from 'react';
import type { InstanceDetail } from '../../../../electron/shared/contract';
import { EmptyState } from '../../components/empty-state';
import { Icon } from '../../components/icon';
import { ErrorState, LoadingState } from '../../components/load-states';
import { Screen } from '../../components/screen';
import type { TabItem } from '../../components/tabs';
import { Tabs } from '../../components/tabs';
import { routeHref } from '../../routing/routes';
import { AccountCard } from '../account/account-card';
import { clearSignInRequest, hasSignInRequest } from '../account/sign-in-request';
import { CallLog } from '../logs/call-log';
import { DetailStatus } from './detail-status';
import { InstanceActions } from './instance-actions';
import { clearNewKeyRequest, hasNewKeyRequest, needsNewKey } from './new-key';
import { OverviewPanel } from './overview-panel';
import { PermissionsPanel } from './permissions-panel';
import { ProcessPanel } from './process-panel';
import { SettingsPanel } from './settings-panel';
import { ToolsPanel } from './tools-panel';
import { clearToolReviewRequest, hasToolReviewRequest } from './tools/review-request';
import { useInstanceDetail } from './use-instance-detail';
import { UpdatePanel } from '../updates/update-panel';
import { useUpdates } from '../updates/use-updates';

type TabId = 'account' | 'overview' | 'tools' | 'logs' | 'process' | 'permissions' | 'settings';

const SERVICES_HREF = routeHref('services');

function BackLink() {
  return (
    <a className="back-link" href={SERVICES_HREF} data-testid="back-to-services">
      <Icon name="back" />
      Back to services
    </a>
  );
}

interface DetailBodyProps {
  instance: InstanceDetail;
  refresh: () => Promise<void>;
  onRemovingChange: (removing: boolean) => void;
}

function DetailBody({ instance, refresh, onRemovingChange }: DetailBodyProps) {
  const { account } = instance;
  const { updates, refresh: refreshUpdates } = useUpdates();
  // "Sign in" in the list brought us here: open the Account tab and start signing in.
  const [signInRequested] = useState(() => Boolean(account) && hasSignInRequest(instance.id));
  useEffect(() => clearSignInRequest(instance.id), [instance.id]);
  // "Enter a new key" in the list brought us here: open Settings on the secret field.
  const [keyRequested] = useState(() => !account && hasNewKeyRequest(instance.id));
  useEffect(() => clearNewKeyRequest(instance.id), [instance.id]);
  // "Tools changed: review" in the list brought us here: open the Tools tab, where the review is.
  const [reviewRequested] = useState(() => hasToolReviewRequest(instance.id));
  useEffect(() => clearToolReviewRequest(instance.id), [instance.id]);
  // The Account tab comes first when there is one, and is what opens.
  const [tab, setTab] = useState<TabId>(
    reviewRequested ? 'tools' : account ? 'account' : keyRequested ? 'settings' : 'overview',
  );
  // The call log asks the core for calls only once its tab has been opened, then stays mounted
  // (hidden) so it keeps its place and filters; so do the integration's settings.
  const [callsOpened, setCallsOpened] = useState(false);
  const [settingsOpened, setSettingsOpened] = useState(keyRequested);
  const [permissionsOpened, setPermissionsOpened] = useState(false);
  const [keyFocus, setKeyFocus] = useState(keyRequested ? 1 : 0);
  const select = (id: TabId) => {
    setTab(id);
    if (id === 'logs') setCallsOpened(true);
    if (id === 'settings') setSettingsOpened(true);
    if (id === 'permissions') setPermissionsOpened(true);
  };
  const enterKey = () => {
    select('settings');
    setKeyFocus((n) => n + 1);
  };
  const items: TabItem<TabId>[] = [
    ...(account
      ? [
          {
            id: 'account' as const,
            label: 'Account',
            panel: (
              <AccountCard
                instance={instance}
                account={account}
                refresh={refresh}
                autoStart={signInRequested}
              />
            ),
          },
        ]
      : []),
    { id: 'overview', label: 'Overview', panel: <OverviewPanel instance={instance} /> },
    {
      id: 'tools',
      label: (
        <>
          Tools <span className="tabs__count">{instance.tools.length}</span>
          {(instance.toolsToReview ?? 0) > 0 && (
            <span className="tag tag--review" data-testid="tools-tab-review">
              {instance.toolsToReview} to review
            </span>
          )}
        </>
      ),
      panel: (
        <ToolsPanel
          instanceId={instance.id}
          tools={instance.tools}
          running={instance.state === 'running'}
          toolsToReview={instance.toolsToReview ?? 0}
          refresh={refresh}
        />
      ),
    },
    { id: 'logs', label: 'Logs', panel: callsOpened ? <CallLog instanceId={instance.id} /> : null },
    {
      id: 'process',
      label: 'Process',
      panel: <ProcessPanel instance={instance} active={tab === 'process'} />,
    },
    {
      id: 'permissions',
      label: 'Permissions',
      panel: <PermissionsPanel instance={instance} opened={permissionsOpened} />,
    },
    {
      id: 'settings',
      label: 'Settings',
      panel: (
        <SettingsPanel
          instance={instance}
          refresh={refresh}
          opened={settingsOpened}
          keyFocusRequest={keyFocus}
        />
      ),
    },
  ];
  return (
    <>
      <InstanceActions
        instance={instance}
        refresh={refresh}
        onRemovingChange={onRemovingChange}
        onEnterKey={needsNewKey(instance) ? enterKey : undefined}
      />
      <UpdatePanel
        instance={instance}
        update={updates.get(instance.id)}
        onChanged={() => {
          void refresh();
          refreshUpdates();
        }}
      />
      <Tabs label="Service details" items={items} selected={tab} onSelect={select} />
    </>
  );
}

function NotFound({ id }: { id: string }) {
  return (
    <EmptyState icon="slash" title={`There is no service called “${id}”`} testId="instance-not-found">
      <p>It may have been removed, or the link is out of date.</p>
      <p>
        <a href={SERVICES_HREF}>See all services</a>
      </p>
    </EmptyState>
  );
}

/** One instance: `#/services/<id>`. Keyed by id, so another instance starts afresh. */
export function InstanceDetailScreen({ id }: { id: string }) {
  const [removing, setRemoving] = useState(false);
  const { state, retry, refresh } = useInstanceDetail(id, removing);
  // While loading the name is unknown; the id is what the user clicked or typed.
  const title =
    state.status === 'ready' ? state.data.name : state.status === 'not-found' ? 'Service not found' : id;

  useEffect(() => {
    document.title = `${title} – Services – MCP Tray`;
  }, [title]);

  return (
    <Screen
      title={title}
      testId="instance-detail"
      above={<BackLink />}
      below={state.status === 'ready' ? <DetailStatus instance={state.data} /> : undefined}
    >
      {state.status === 'loading' && <LoadingState label="Loading this service…" />}
      {state.status === 'error' && (
        <ErrorState title="Couldn't load this service." message={state.message} onRetry={retry} />
      )}
      {state.status === 'not-found' && <NotFound id={id} />}
      {state.status === 'ready' && (
        <DetailBody instance={state.data} refresh={refresh} onRemovingChange={setRemoving} />
      )}
    </Screen>
  );
}
