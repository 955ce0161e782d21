import './call-log.css';
import { memo } from 'react';
import type { ToolCallRecord } from '../../../../electron/shared/contract';
import { clientDisplayName } from '../../../../electron/shared/client-names';
import { OutcomeBadge } from '../../components/outcome-badge';
import { formatMoment } from '../format';
import { formatDuration } from './call-format';

/** The column header row; its cells line up with CallRow's through the same grid template. */
export function CallHeader({ showInstance }: { showInstance: boolean }) {
  return (
    <div role="rowgroup" className="call-grid__head">
      <div role="row" className="call-row call-row--head" aria-rowindex={1}>
        <div role="columnheader" className="call-cell">
          Time
        </div>
        {showInstance && (
          <div role="columnheader" className="call-cell">
            Service
          </div>
        )}
        <div role="columnheader" className="call-cell">
          Client
        </div>
        <div role="columnheader" className="call-cell">
          Tool
        </div>
        <div role="columnheader" className="call-cell">
          Outcome
        </div>
        <div role="columnheader" className="call-cell call-cell--duration">
          Duration
        </div>
      </div>
    </div>
  );
}

interface CallRowProps {
  record: ToolCallRecord;
  index: number;
  rowId: string;
  active: boolean;
  showInstance: boolean;
  instanceName: string;
  onSelect: (record: ToolCallRecord) => void;
}

/**
 * One call. Rows are not focusable themselves: the grid holds focus and points at the active row
 * with aria-activedescendant, so focus survives the row being scrolled out of the DOM.
 */
export const CallRow = memo(function CallRow({
  record,
  index,
  rowId,
  active,
  showInstance,
  instanceName,
  onSelect,
}: CallRowProps) {
  return (
    <div
      role="row"
      id={rowId}
      className={active ? 'call-row call-row--active' : 'call-row'}
      aria-rowindex={index + 2}
      aria-selected={active}
      data-testid="call-row"
      data-call-id={record.id}
      onClick={() => onSelect(record)}
    >
      <div role="gridcell" className="call-cell call-cell--time">
        <time dateTime={record.time}>{formatMoment(record.time)}</time>
      </div>
      {showInstance && (
        <div role="gridcell" className="call-cell" title={instanceName}>
          {instanceName}
        </div>
      )}
      <div role="gridcell" className="call-cell" title={clientDisplayName(record.client.name)}>
        {clientDisplayName(record.client.name)}
        {record.source === 'mcp-tray' && (
          <span className="tag tag--source" data-testid="call-source">
            try it
          </span>
        )}
      </div>
      <div role="gridcell" className="call-cell call-cell--tool" title={record.tool}>
        <code>{record.tool}</code>
      </div>
      <div role="gridcell" className="call-cell">
        <OutcomeBadge outcome={record.outcome} />
      </div>
      <div role="gridcell" className="call-cell call-cell--duration">
        {formatDuration(record.durationMs)}
      </div>
    </div>
  );
});
