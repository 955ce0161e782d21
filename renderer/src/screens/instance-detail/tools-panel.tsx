import './tools/tools.css';
import { useDeferredValue, useId, useState } from 'react';
import type { ToolSummary } from '../../../../electron/shared/contract';
import { EmptyState } from '../../components/empty-state';
import { Icon } from '../../components/icon';
import { plural } from '../format';
import { filterTools } from './tools/tool-filter';
import { ToolItem } from './tools/tool-item';
import { ToolReviewPanel } from './tools/tool-review';

interface ToolsPanelProps {
  instanceId: string;
  tools: readonly ToolSummary[];
  running: boolean;
  /** Tools new or changed since approval (tool pinning); the review shows above the list. */
  toolsToReview?: number;
  refresh?: () => Promise<void>;
}

/** Shown above the list once there are this many: finding one of 200 by scrolling is slow. */
export const FILTER_FROM = 8;

/** Every tool the server offers: open one to read its arguments and try it. */
export function ToolsPanel({ instanceId, tools, running, toolsToReview = 0, refresh }: ToolsPanelProps) {
  const [query, setQuery] = useState('');
  const deferred = useDeferredValue(query);
  const filterId = useId();
  if (tools.length === 0) {
    return (
      <EmptyState icon="services" title="No tools" testId="tools-empty">
        <p>The tools this service offers your AI clients appear here once it is running.</p>
      </EmptyState>
    );
  }
  const off = tools.filter((t) => !t.enabled).length;
  const held = tools.filter((t) => t.review !== undefined && t.review !== 'approved').length;
  const shown = filterTools(tools, deferred);
  return (
    <div className="panel-stack panel-stack--tight">
      {refresh && <ToolReviewPanel instanceId={instanceId} waiting={toolsToReview} refresh={refresh} />}
      <div className="list-toolbar">
        <p className="muted" data-testid="tools-summary">
          {plural(tools.length, 'tool')}
          {off > 0 && `, ${off} turned off (AI clients don’t see ${off === 1 ? 'it' : 'them'})`}
          {held > 0 && `, ${held} held back until you approve ${held === 1 ? 'it' : 'them'}`}. Open one to see
          what it takes and try it.
        </p>
        {tools.length >= FILTER_FROM && (
          <div className="search-field">
            <Icon name="search" />
            <label htmlFor={filterId} className="visually-hidden">
              Filter tools
            </label>
            <input
              id={filterId}
              type="search"
              className="input"
              placeholder="Filter tools"
              value={query}
              onChange={(e) => setQuery(e.currentTarget.value)}
              data-testid="tools-filter"
            />
          </div>
        )}
      </div>
      {shown.length === 0 ? (
        <p className="muted" role="status" data-testid="tools-no-match">
          No tool matches “{deferred}”.
        </p>
      ) : (
        <ul className="tool-list" aria-label="Tools">
          {shown.map((tool) => (
            <ToolItem key={tool.name} instanceId={instanceId} tool={tool} running={running} />
          ))}
        </ul>
      )}
    </div>
  );
}
