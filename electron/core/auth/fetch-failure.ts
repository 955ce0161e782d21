/** Network errors that mean this computer could not reach the host at all. */
const OFFLINE = new Set([
  'ENOTFOUND',
  'EAI_AGAIN',
  'ECONNREFUSED',
  'ENETUNREACH',
  'EHOSTUNREACH',
  'ECONNRESET',
  'ETIMEDOUT',
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_SOCKET',
]);

/**
 * Why a `fetch` threw, in words a person understands: "no connection" when the host could not
 * be reached, "no answer within N s" on a timeout, never "TypeError: fetch failed".
 */
export function describeFetchFailure(error: unknown, host: string, timeoutMs: number): string {
  const name = (error as { name?: string } | null)?.name;
  if (name === 'TimeoutError' || name === 'AbortError') {
    return `${host} did not answer within ${Math.round(timeoutMs / 1000)} s`;
  }
  const cause = (error as { cause?: { code?: string } } | null)?.cause;
  if (cause?.code && OFFLINE.has(cause.code)) return 'no connection';
  if (error instanceof TypeError && error.message === 'fetch failed') return 'no connection';
  return error instanceof Error ? error.message : String(error);
}
