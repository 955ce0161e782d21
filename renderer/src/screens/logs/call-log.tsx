import './call-log.css';
import { useCallback, useMemo, useRef, useState } from 'react';
import type { InstanceSummary, ToolCallRecord } from '../../../../electron/shared/contract';
import type { Loader, Watcher } from '../../api/use-api-data';
import { useApiData } from '../../api/use-api-data';
import { EmptyState } from '../../components/empty-state';
import { ErrorState, LoadingState } from '../../components/load-states';
import { CallDetail } from './call-detail';
import { CallFilterBar } from './call-filters';
import { formatCallCount } from './call-format';
import { CallList } from './call-list';
import type { ToolCallsData } from './use-tool-calls';
import { useToolCalls } from './use-tool-calls';
import { useCallFilters } from './use-call-filters';

const loadInstances: Loader<InstanceSummary[]> = (api) => api.listInstances();
const watchInstances: Watcher<InstanceSummary[]> = (api, apply) =>
  api.onInstancesChanged(({ instances }) => apply(() => instances));

interface CallLogProps {
  /** Pins the log to one instance (the service's Calls tab); its filter is then hidden. */
  instanceId?: string;
}

function NoCalls({ pinned }: { pinned: boolean }) {
  return (
    <EmptyState
      icon="logs"
      title={pinned ? 'No calls to this service yet' : 'No tool calls yet'}
      testId="logs-empty"
    >
      <p>
        {pinned
          ? 'When an AI client uses one of this service’s tools through MCP Tray, the call appears here live.'
          : 'When an AI client uses a tool through MCP Tray, the call appears here live.'}
      </p>
    </EmptyState>
  );
}

function NoMatches({ onClear }: { onClear: () => void }) {
  return (
    <EmptyState icon="search" title="No calls match these filters" testId="logs-no-matches">
      <p>Try other words, or show every call again.</p>
      <p>
        <button type="button" className="button" onClick={onClear}>
          Clear filters
        </button>
      </p>
    </EmptyState>
  );
}

function countLabel(calls: ToolCallsData): string | null {
  if (calls.status !== 'ready') return null;
  return calls.refreshing ? 'Searching…' : formatCallCount(calls.total);
}

/**
 * The tool-call log: filters, the live virtual list and the detail drawer. Used by the Logs
 * screen for every instance and by a service's Calls tab for one.
 */
export function CallLog({ instanceId }: CallLogProps) {
  const pinned = instanceId !== undefined;
  const { filters, query, filtered, change, clear } = useCallFilters(instanceId);
  const calls = useToolCalls(query);
  const { state: instancesState } = useApiData(loadInstances, watchInstances);
  const instances = instancesState.status === 'ready' ? instancesState.data : null;
  const names = useMemo(() => new Map((instances ?? []).map((i) => [i.id, i.name])), [instances]);
  const instanceName = useCallback((id: string) => names.get(id) ?? id, [names]);
  const [selected, setSelected] = useState<ToolCallRecord | null>(null);
  const grid = useRef<HTMLDivElement>(null);
  const search = useRef<HTMLInputElement>(null);
  const closeDetail = useCallback(() => setSelected(null), []);

  const clearFilters = () => {
    clear();
    // The button that was clicked may be about to go away with the empty state.
    search.current?.focus();
  };

  let body;
  if (calls.status === 'loading') body = <LoadingState label="Loading tool calls…" />;
  else if (calls.status === 'error') {
    body = <ErrorState title="Couldn’t load tool calls." message={calls.error ?? ''} onRetry={calls.retry} />;
  } else if (calls.records.length === 0) {
    body = filtered ? <NoMatches onClear={clearFilters} /> : <NoCalls pinned={pinned} />;
  } else {
    body = (
      <CallList
        records={calls.records}
        total={calls.total}
        hasMore={calls.hasMore}
        loadingMore={calls.loadingMore}
        moreError={calls.moreError}
        generation={calls.generation}
        inserted={calls.inserted}
        busy={calls.refreshing}
        showInstance={!pinned}
        instanceName={instanceName}
        onNearEnd={calls.loadMore}
        onRetryMore={calls.retryMore}
        onOpen={setSelected}
        gridRef={grid}
      />
    );
  }

  return (
    <div className={pinned ? 'call-log call-log--pinned' : 'call-log'} data-testid="call-log">
      <CallFilterBar
        filters={filters}
        onChange={change}
        onClear={clearFilters}
        filtered={filtered}
        instances={pinned ? null : (instances ?? [])}
        clients={calls.clients}
        countLabel={countLabel(calls)}
        searchRef={search}
      />
      {/* Announces what a search found, once per answer rather than on every live call. */}
      <p className="visually-hidden" role="status" data-testid="call-results-status">
        {calls.status === 'ready' && !calls.refreshing && filtered
          ? `${formatCallCount(calls.answered)} found`
          : ''}
      </p>
      {body}
      {selected && (
        <CallDetail
          key={selected.id}
          record={selected}
          instanceName={instanceName(selected.instanceId)}
          onClose={closeDetail}
          returnFocus={grid}
        />
      )}
    </div>
  );
}
