import './sparkline.css';
const WIDTH = 240;
const HEIGHT = 40;

interface SparklineProps {
  values: readonly number[];
  /** What the line shows, for the accessible name ("CPU over the last 5 minutes…"). */
  label: string;
  /** The lowest top of the scale (e.g. 1 % of CPU), so an idle server draws a flat line. */
  minTop: number;
  testId?: string;
}

/**
 * A small line chart of recent samples, oldest on the left. It is an image with a summary for
 * assistive tech; the figures beside it carry the same facts in text.
 */
export function Sparkline({ values, label, minTop, testId }: SparklineProps) {
  // Headroom above the peak, so a steady value draws a line, not the chart's top edge.
  const top = Math.max(minTop, Math.max(...values) * 1.25);
  const step = values.length > 1 ? WIDTH / (values.length - 1) : 0;
  const points = values
    .map((v, i) => `${(i * step).toFixed(1)},${(HEIGHT - 2 - (v / top) * (HEIGHT - 4)).toFixed(1)}`)
    .join(' ');
  return (
    <svg
      className="sparkline"
      viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
      preserveAspectRatio="none"
      role="img"
      aria-label={label}
      data-testid={testId}
    >
      <line className="sparkline__base" x1="0" y1={HEIGHT - 1} x2={WIDTH} y2={HEIGHT - 1} />
      {values.length > 1 && <polyline className="sparkline__line" points={points} />}
      {values.length === 1 && <circle className="sparkline__dot" cx={WIDTH / 2} cy={HEIGHT / 2} r="2.5" />}
    </svg>
  );
}
