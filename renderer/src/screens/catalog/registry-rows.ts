/**
 * Geometry of the virtual registry list: every row has the same height, so the rows in view
 * follow from the scroll position alone and thousands of entries cost a screenful of DOM.
 */
export const REGISTRY_ROW_HEIGHT = 88;
/** Rows rendered beyond each edge, so fast scrolling shows no blank band. */
const REGISTRY_OVERSCAN = 6;
/** The list's own scroll area; also what is assumed before it can be measured (tests, first paint). */
export const REGISTRY_VIEWPORT = 528;

export interface RowRange {
  start: number;
  end: number;
}

/** Which rows to render for a scroll position: the visible ones plus the overscan either side. */
export function registryRowRange(scrollTop: number, viewport: number, count: number): RowRange {
  const first = Math.max(0, Math.floor(scrollTop / REGISTRY_ROW_HEIGHT));
  const visible = Math.ceil(viewport / REGISTRY_ROW_HEIGHT) + 1;
  return {
    start: Math.min(count, Math.max(0, first - REGISTRY_OVERSCAN)),
    end: Math.min(count, first + visible + REGISTRY_OVERSCAN),
  };
}
