/**
 * Windowing for virtual lists of fixed-height rows: the rows in view follow from the scroll
 * position alone, so thousands of rows cost a screenful of DOM.
 */
export interface RowGeometry {
  rowHeight: number;
  /** Rows rendered beyond each edge of the viewport, so fast scrolling shows no blank band. */
  overscan: number;
}

export interface RowWindow {
  /** First rendered index (inclusive). */
  start: number;
  /** Last rendered index (exclusive). */
  end: number;
}

/** Which rows to render for a scroll position: the visible ones plus the overscan either side. */
export function rowWindow(
  scrollTop: number,
  viewportHeight: number,
  count: number,
  { rowHeight, overscan }: RowGeometry,
): RowWindow {
  const first = Math.max(0, Math.floor(scrollTop / rowHeight));
  const visible = Math.ceil(viewportHeight / rowHeight) + 1;
  return {
    start: Math.min(count, Math.max(0, first - overscan)),
    end: Math.min(count, first + visible + overscan),
  };
}
