/** How long a request from the list waits for the detail to pick it up. */
const REQUEST_TTL_MS = 30_000;

let request: { id: string; at: number } | null = null;

/**
 * Hand-over from the Services list to the detail: "Tools changed: review" records the request
 * and navigates; the detail opens its Tools tab, where the review is. Kept in memory, not in the
 * address, like the sign-in request.
 */
export function requestToolReview(id: string): void {
  request = { id, at: Date.now() };
}

/** Whether the list just asked to review the tools of `id` (see `clearToolReviewRequest`). */
export function hasToolReviewRequest(id: string): boolean {
  return request !== null && request.id === id && Date.now() - request.at < REQUEST_TTL_MS;
}

export function clearToolReviewRequest(id: string): void {
  if (request?.id === id) request = null;
}
