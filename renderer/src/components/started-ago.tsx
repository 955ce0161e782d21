import { useNow } from '../hooks/use-now';

/** "started 12 s ago" (or minutes past a minute). */
export function formatStartedAgo(since: number, now: number): string {
  const seconds = Math.max(0, Math.floor((now - since) / 1000));
  return seconds < 60 ? `started ${seconds} s ago` : `started ${Math.floor(seconds / 60)} min ago`;
}

/**
 * How long a start has been waiting for the server's answer, ticking each second: a server that
 * never answers `initialize` otherwise looks like one that is merely slow.
 */
export function StartedAgo({ since }: { since: string }) {
  const start = Date.parse(since);
  const now = useNow(!Number.isNaN(start));
  if (Number.isNaN(start)) return null;
  return (
    <span role="timer" data-testid="started-ago">
      ({formatStartedAgo(start, now)})
    </span>
  );
}
