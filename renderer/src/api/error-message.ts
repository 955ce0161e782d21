/** What to tell the user about a failed request: the core's own words (ApiError) when there are any. */
export const messageOf = (error: unknown): string =>
  error instanceof Error && error.message ? error.message : 'Something went wrong.';
