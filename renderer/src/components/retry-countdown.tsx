import { useNow } from '../hooks/use-now';

/** Whole seconds until `at`, rounded up so "1 s" shows until the moment itself. */
export function secondsUntil(at: number, now: number): number {
  return Math.max(0, Math.ceil((at - now) / 1000));
}

function formatRetryIn(seconds: number): string {
  return seconds > 0 ? `Retrying in ${seconds} s` : 'Retrying now…';
}

interface RetryCountdownProps {
  /** ISO time of the next attempt (`nextRetryAt`). */
  at: string;
  className?: string;
}

/**
 * "Retrying in 4 s", ticking each second. A timer, not a live region: announcing every second
 * would drown out everything else.
 */
export function RetryCountdown({ at, className }: RetryCountdownProps) {
  const target = Date.parse(at);
  const valid = !Number.isNaN(target);
  const now = useNow(valid && target > Date.now());
  if (!valid) return null;
  return (
    <span className={className} role="timer" data-testid="retry-countdown">
      {formatRetryIn(secondsUntil(target, now))}
    </span>
  );
}
