const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** "23 min", "1 h 5 min", "3 days"; "less than a minute" below one. */
export function formatDuration(ms: number): string {
  if (ms < MINUTE) return 'less than a minute';
  if (ms < HOUR) return `${Math.floor(ms / MINUTE)} min`;
  if (ms < DAY) {
    const hours = Math.floor(ms / HOUR);
    const minutes = Math.floor((ms % HOUR) / MINUTE);
    return minutes > 0 ? `${hours} h ${minutes} min` : `${hours} h`;
  }
  const days = Math.floor(ms / DAY);
  return days === 1 ? '1 day' : `${days} days`;
}

/**
 * When the sign-in renews, said reassuringly: the app refreshes tokens by itself, so an expiry
 * is nothing the user has to act on.
 */
export function formatRenewal(expiresAt: string, now: number): string {
  const at = Date.parse(expiresAt);
  if (Number.isNaN(at)) return 'Renews automatically';
  const left = at - now;
  return left > 0
    ? `Renews automatically in ${formatDuration(left)}`
    : 'Renews automatically the next time it’s needed';
}

/** Seconds as "14:05" (minutes and seconds), for a code that expires soon. */
export function formatClock(seconds: number): string {
  const whole = Math.max(0, Math.floor(seconds));
  return `${Math.floor(whole / 60)}:${String(whole % 60).padStart(2, '0')}`;
}

/**
 * The URL when it is a web page, otherwise null: it comes from a provider's metadata, so
 * anything else (`javascript:`, `file:`) is shown as text but never becomes a link.
 */
export function webLink(url: string): string | null {
  try {
    const { protocol } = new URL(url);
    return protocol === 'https:' || protocol === 'http:' ? url : null;
  } catch {
    return null;
  }
}
