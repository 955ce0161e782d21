import type { ToolCallRecord } from '../../../../electron/shared/contract';
import type { RowGeometry } from '../row-window';

/**
 * Geometry of the virtual call list. Every row has the same height, so a row's position is its
 * index times ROW_HEIGHT and nothing needs measuring but the viewport. The CSS takes these
 * numbers from custom properties the list sets (see CallList), so they live only here.
 */
export const ROW_HEIGHT = 40;
export const HEADER_HEIGHT = 36;
/** Rows rendered beyond each edge of the viewport, so fast scrolling shows no blank band. */
export const OVERSCAN = 10;
/** Viewport height to assume until one can be measured. */
export const FALLBACK_VIEWPORT = 600;
/** Ask for the next page this many rows before the end is reached. */
export const LOAD_AHEAD_ROWS = 60;
/** Scrolled less than this counts as "at the newest call". */
export const AT_TOP_PX = 2;

/** The call list's rows, for `rowWindow`. */
export const CALL_ROWS: RowGeometry = { rowHeight: ROW_HEIGHT, overscan: OVERSCAN };

/** Rows that fit below the sticky header (at least one). */
export const rowsPerPage = (viewportHeight: number): number =>
  Math.max(1, Math.floor((viewportHeight - HEADER_HEIGHT) / ROW_HEIGHT));

/**
 * The scrollTop that brings row `index` fully into view below the sticky header, moving as
 * little as possible (the current one if it is already visible).
 */
export function scrollTopToReveal(index: number, scrollTop: number, viewportHeight: number): number {
  const top = index * ROW_HEIGHT;
  if (top < scrollTop) return top;
  const lowest = top + ROW_HEIGHT - (viewportHeight - HEADER_HEIGHT);
  return lowest > scrollTop ? lowest : scrollTop;
}

/** Index of a record by id, by binary search: the list is sorted newest (highest id) first. */
export function indexOfId(records: readonly ToolCallRecord[], id: number): number {
  let low = 0;
  let high = records.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    const value = records[mid]!.id;
    if (value === id) return mid;
    if (value > id) low = mid + 1;
    else high = mid - 1;
  }
  return -1;
}
