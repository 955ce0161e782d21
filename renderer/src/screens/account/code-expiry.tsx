import './account.css';
import { secondsUntil } from '../../components/retry-countdown';
import { useNow } from '../../hooks/use-now';
import { formatClock } from './account-format';

/** "Code expires in 14:05", ticking each second. A timer, not a live region (see RetryCountdown). */
export function CodeExpiry({ expiresAt }: { expiresAt: string }) {
  const target = Date.parse(expiresAt);
  const valid = !Number.isNaN(target);
  const now = useNow(valid && target > Date.now());
  if (!valid) return null;
  const seconds = secondsUntil(target, now);
  return (
    <p
      className={seconds > 0 ? 'sign-in__expiry' : 'sign-in__expiry sign-in__expiry--over'}
      role="timer"
      data-testid="device-code-expiry"
    >
      {seconds > 0
        ? `Code expires in ${formatClock(seconds)}`
        : 'This code has expired. Cancel and try again for a new one.'}
    </p>
  );
}
