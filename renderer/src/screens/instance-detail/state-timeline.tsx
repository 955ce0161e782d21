import './instance-detail.css';
import type { InstanceState, StateTransition } from '../../../../electron/shared/contract';
import { stateLabel } from '../../components/status-badge';
import { useNow } from '../../hooks/use-now';

/** A stretch of time in one state (ms since the epoch). */
export interface TimelineSegment {
  state: InstanceState;
  from: number;
  to: number;
}

/** Consecutive spans of time in each state, oldest first; the last runs until `now`. */
export function timelineSegments(history: readonly StateTransition[], now: number): TimelineSegment[] {
  const sorted = [...history]
    .map((t) => ({ state: t.state, at: Date.parse(t.at) }))
    .filter((t) => Number.isFinite(t.at))
    .sort((a, b) => a.at - b.at);
  return sorted.map((t, i) => ({ state: t.state, from: t.at, to: Math.max(t.at, sorted[i + 1]?.at ?? now) }));
}

/** "12 minutes", "2 hours", "40 seconds". */
function spanText(ms: number): string {
  const s = Math.round(ms / 1000);
  if (s < 90) return `${Math.max(1, s)} seconds`;
  const m = Math.round(s / 60);
  if (m < 90) return `${m} minutes`;
  return `${Math.round(m / 60)} hours`;
}

/** Each state's share of the time, largest first, in words. */
export function timelineSummary(segments: readonly TimelineSegment[]): string {
  const total = segments.reduce((sum, s) => sum + (s.to - s.from), 0);
  if (total <= 0 || segments.length === 0) return '';
  const byState = new Map<InstanceState, number>();
  for (const s of segments) byState.set(s.state, (byState.get(s.state) ?? 0) + s.to - s.from);
  const shares = [...byState.entries()]
    .sort((a, b) => b[1] - a[1])
    .map(([state, ms]) => `${stateLabel(state).toLowerCase()} ${shareText((ms / total) * 100)}`);
  return `Over ${spanText(total)}: ${shares.join(', ')}.`;
}

/** A percentage in words; a sliver never reads as "0%", nor the rest as "100%" beside it. */
function shareText(percent: number): string {
  if (percent < 0.5) return 'under 1%';
  if (percent > 99.5 && percent < 100) return 'over 99%';
  return `${Math.round(percent)}%`;
}

/**
 * The state history as a bar: each state a stretch as long as it lasted, in its badge colour
 * and pattern. The bar is decorative; the sentence under it and the list below say the same.
 */
export function StateTimeline({ history }: { history: readonly StateTransition[] }) {
  const now = useNow(true, 10_000);
  const segments = timelineSegments(history, now);
  const total = segments.reduce((sum, s) => sum + (s.to - s.from), 0);
  if (segments.length === 0 || total <= 0) return null;
  return (
    <div className="state-timeline" data-testid="state-timeline">
      <div className="state-timeline__bar" aria-hidden="true">
        {segments.map((s, i) => (
          <span
            key={`${s.from}-${i}`}
            className={`state-timeline__segment badge--${s.state}`}
            style={{ flexGrow: Math.max(s.to - s.from, total / 200) }}
            title={stateLabel(s.state)}
          />
        ))}
      </div>
      <p className="muted" data-testid="timeline-summary">
        {timelineSummary(segments)}
      </p>
    </div>
  );
}
