import './call-log.css';
import { useCallback, useEffect, useId, useLayoutEffect, useRef, useState } from 'react';
import type { KeyboardEvent, RefObject } from 'react';
import type { ToolCallRecord } from '../../../../electron/shared/contract';
import { Icon } from '../../components/icon';
import { useElementHeight } from '../../hooks/use-element-height';
import { rowWindow } from '../row-window';
import { CallHeader, CallRow } from './call-row';
import {
  AT_TOP_PX,
  CALL_ROWS,
  FALLBACK_VIEWPORT,
  HEADER_HEIGHT,
  LOAD_AHEAD_ROWS,
  ROW_HEIGHT,
  indexOfId,
  rowsPerPage,
  scrollTopToReveal,
} from './virtual-window';

export interface CallListProps {
  /** Newest first. */
  records: readonly ToolCallRecord[];
  total: number;
  hasMore: boolean;
  loadingMore: boolean;
  moreError: string | null;
  /** A new value means the list was replaced: back to the top. */
  generation: number;
  /** Grows by the number of rows inserted at the top (see ToolCallsState.inserted). */
  inserted: number;
  busy: boolean;
  showInstance: boolean;
  instanceName: (id: string) => string;
  onNearEnd: () => void;
  onRetryMore: () => void;
  onOpen: (record: ToolCallRecord) => void;
  /** The focusable grid, so a closing drawer can give focus back to it. */
  gridRef: RefObject<HTMLDivElement | null>;
}

/** Sets a CSS length through the CSSOM: the CSP forbids `style` attributes, not CSSOM writes. */
const setLength = (element: HTMLElement | null, property: string, px: number) =>
  element?.style.setProperty(property, `${px}px`);

/**
 * The virtual call list: an ARIA grid inside a scroller, rendering only the rows in view plus
 * overscan. Rows have one fixed height, so the rows above and below the rendered window are
 * stood in for by the row group's top and bottom padding, set from script (see setLength).
 * Focus stays on the grid; arrow keys, Page Up/Down, Home and End move the active row
 * (aria-activedescendant) and Enter opens it.
 */
export function CallList({
  records,
  total,
  hasMore,
  loadingMore,
  moreError,
  generation,
  inserted,
  busy,
  showInstance,
  instanceName,
  onNearEnd,
  onRetryMore,
  onOpen,
  gridRef,
}: CallListProps) {
  const idPrefix = useId();
  const scroller = useRef<HTMLDivElement>(null);
  const body = useRef<HTMLDivElement>(null);
  const viewport = useElementHeight(scroller, FALLBACK_VIEWPORT);
  // Only the first visible row matters for rendering, so scrolling within a row re-renders nothing.
  const [firstRow, setFirstRow] = useState(0);
  const [unseen, setUnseen] = useState(0);
  const [activeId, setActiveId] = useState<number | null>(null);
  const seenGeneration = useRef(generation);
  const seenInserted = useRef(inserted);

  const count = records.length;
  const { start, end } = rowWindow(firstRow * ROW_HEIGHT, viewport, count, CALL_ROWS);
  const activeIndex = activeId === null ? -1 : indexOfId(records, activeId);

  const scrollTo = useCallback((top: number) => {
    const node = scroller.current;
    if (node) node.scrollTop = top;
    setFirstRow(Math.max(0, Math.floor(top / ROW_HEIGHT)));
  }, []);

  useLayoutEffect(() => {
    setLength(scroller.current, '--call-row-height', ROW_HEIGHT);
    setLength(scroller.current, '--call-header-height', HEADER_HEIGHT);
  }, []);

  // Before the scroll correction below: the scroll height must already fit the new row count.
  useLayoutEffect(() => {
    setLength(body.current, 'padding-top', start * ROW_HEIGHT);
    setLength(body.current, 'padding-bottom', (count - end) * ROW_HEIGHT);
  }, [start, end, count]);

  // A replaced list starts at the top. Rows inserted above while the user is scrolled down push
  // the scroll position down by as much, so what they are reading stays put, and are counted
  // for the "new calls" pill. At the top, new rows simply appear.
  useLayoutEffect(() => {
    const node = scroller.current;
    if (generation !== seenGeneration.current) {
      seenGeneration.current = generation;
      seenInserted.current = inserted;
      scrollTo(0);
      setUnseen(0);
      return;
    }
    const added = inserted - seenInserted.current;
    seenInserted.current = inserted;
    if (added <= 0 || !node || node.scrollTop <= AT_TOP_PX) return;
    scrollTo(node.scrollTop + added * ROW_HEIGHT);
    setUnseen((n) => n + added);
  }, [generation, inserted, scrollTo]);

  useEffect(() => {
    if (hasMore && !loadingMore && !moreError && end >= count - LOAD_AHEAD_ROWS) onNearEnd();
  }, [hasMore, loadingMore, moreError, end, count, onNearEnd]);

  const onScroll = () => {
    const top = scroller.current?.scrollTop ?? 0;
    setFirstRow(Math.max(0, Math.floor(top / ROW_HEIGHT)));
    if (top <= AT_TOP_PX) setUnseen(0);
  };

  const activate = (index: number) => {
    const record = records[Math.min(count - 1, Math.max(0, index))];
    if (!record) return;
    setActiveId(record.id);
    const top = scroller.current?.scrollTop ?? firstRow * ROW_HEIGHT;
    const target = scrollTopToReveal(indexOfId(records, record.id), top, viewport);
    if (target !== top) scrollTo(target);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const from = activeIndex >= 0 ? activeIndex : Math.min(firstRow, count - 1);
    const page = rowsPerPage(viewport);
    const targets: Partial<Record<string, number>> = {
      ArrowDown: activeIndex >= 0 ? from + 1 : from,
      ArrowUp: activeIndex >= 0 ? from - 1 : from,
      PageDown: from + page,
      PageUp: from - page,
      Home: 0,
      End: count - 1,
    };
    const target = targets[event.key];
    if (event.key === 'Enter') {
      const record = records[activeIndex];
      if (record) onOpen(record);
    } else if (target !== undefined && count > 0) {
      activate(target);
    } else {
      return;
    }
    event.preventDefault();
  };

  // Entering the grid points at a row right away, so a screen reader has something to read. An
  // update function: whoever focused the grid may have just chosen the row (jumpToNewest).
  const onFocus = () => {
    const fallback = records[Math.min(firstRow, count - 1)];
    if (!fallback) return;
    setActiveId((current) => (current !== null && indexOfId(records, current) >= 0 ? current : fallback.id));
  };

  const onSelect = useCallback(
    (record: ToolCallRecord) => {
      setActiveId(record.id);
      onOpen(record);
    },
    [onOpen],
  );

  const jumpToNewest = () => {
    scrollTo(0);
    setUnseen(0);
    if (records[0]) setActiveId(records[0].id);
    // The pill goes away; focus must not go with it.
    gridRef.current?.focus();
  };

  const rowId = (id: number) => `${idPrefix}-call-${id}`;
  const rows = [];
  for (let index = start; index < end; index++) {
    const record = records[index]!;
    rows.push(
      <CallRow
        key={record.id}
        record={record}
        index={index}
        rowId={rowId(record.id)}
        active={index === activeIndex}
        showInstance={showInstance}
        instanceName={showInstance ? instanceName(record.instanceId) : ''}
        onSelect={onSelect}
      />,
    );
  }
  const activeRendered = activeIndex >= start && activeIndex < end;

  return (
    <div className="call-list">
      {unseen > 0 && (
        <button type="button" className="call-list__pill" onClick={jumpToNewest} data-testid="new-calls-pill">
          <Icon name="up" />
          {unseen === 1 ? '1 new call' : `${unseen.toLocaleString('en-US')} new calls`} — jump to newest
        </button>
      )}
      <div
        ref={scroller}
        className={
          showInstance ? 'call-list__scroller' : 'call-list__scroller call-list__scroller--no-instance'
        }
        onScroll={onScroll}
        data-testid="call-scroller"
      >
        <div
          ref={gridRef}
          role="grid"
          className="call-grid"
          aria-label="Tool calls"
          aria-rowcount={Math.max(total, count) + 1}
          aria-activedescendant={activeRendered && activeId !== null ? rowId(activeId) : undefined}
          aria-busy={busy}
          tabIndex={0}
          onKeyDown={onKeyDown}
          onFocus={onFocus}
          data-testid="call-grid"
        >
          <CallHeader showInstance={showInstance} />
          <div ref={body} role="rowgroup" className="call-grid__body">
            {rows}
          </div>
        </div>
        <ListFooter
          count={count}
          hasMore={hasMore}
          loadingMore={loadingMore}
          moreError={moreError}
          onRetry={onRetryMore}
        />
      </div>
    </div>
  );
}

interface ListFooterProps {
  count: number;
  hasMore: boolean;
  loadingMore: boolean;
  moreError: string | null;
  onRetry: () => void;
}

function ListFooter({ count, hasMore, loadingMore, moreError, onRetry }: ListFooterProps) {
  if (moreError) {
    return (
      <div className="call-list__footer call-list__footer--error" role="alert" data-testid="more-error">
        <span>Couldn’t load older calls. {moreError}</span>
        <button type="button" className="button button--small" onClick={onRetry}>
          Try again
        </button>
      </div>
    );
  }
  if (loadingMore) {
    return (
      <div className="call-list__footer" role="status" data-testid="loading-more">
        <span className="spinner" aria-hidden="true" />
        Loading older calls…
      </div>
    );
  }
  return (
    <div className="call-list__footer" data-testid="list-end">
      {hasMore || count === 0 ? '' : 'No older calls.'}
    </div>
  );
}
