import { createHandOver } from '../../../routing/hand-over';

/**
 * Hand-over from the Services list to the detail: "Tools changed: review" records the request
 * and navigates; the detail opens its Tools tab, where the review is. Kept in memory, not in the
 * address, like the sign-in request.
 */
const toolReview = createHandOver();

export const requestToolReview = toolReview.request;
/** Whether the list just asked to review the tools of `id` (see `clearToolReviewRequest`). */
export const hasToolReviewRequest = toolReview.has;
export const clearToolReviewRequest = toolReview.clear;
