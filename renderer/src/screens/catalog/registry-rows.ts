import type { RowGeometry } from '../row-window';

/**
 * Geometry of the virtual registry list: every row has the same height, so the rows in view
 * follow from the scroll position alone and thousands of entries cost a screenful of DOM.
 */
export const REGISTRY_ROW_HEIGHT = 88;
/** The list's own scroll area; also what is assumed before it can be measured (tests, first paint). */
export const REGISTRY_VIEWPORT = 528;
/** For `rowWindow`: six rows beyond each edge. */
export const REGISTRY_ROWS: RowGeometry = { rowHeight: REGISTRY_ROW_HEIGHT, overscan: 6 };
