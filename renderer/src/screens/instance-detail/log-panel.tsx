import './instance-detail.css';
import { useLayoutEffect, useRef } from 'react';
import { EmptyState } from '../../components/empty-state';

/** How close to the bottom counts as "following" the log. */
const FOLLOW_SLACK_PX = 24;

interface LogPanelProps {
  lines: readonly string[];
  /** Whether its tab is shown: a hidden block has no height to scroll. */
  active: boolean;
}

export function LogPanel({ lines, active }: LogPanelProps) {
  const block = useRef<HTMLPreElement>(null);
  const following = useRef(true);
  const text = lines.join('\n');

  // Stay at the newest line while the user is there; leave them be once they scroll up.
  useLayoutEffect(() => {
    const node = block.current;
    if (node && active && following.current) node.scrollTop = node.scrollHeight;
  }, [text, active]);

  if (lines.length === 0) {
    return (
      <EmptyState icon="logs" title="No error output" testId="stderr-empty">
        <p>Messages this service writes to its error output (stderr) appear here.</p>
      </EmptyState>
    );
  }
  return (
    <div className="panel-stack">
      <p className="muted">The latest lines this service wrote to its error output (stderr).</p>
      <pre
        ref={block}
        className="log-block"
        role="region"
        aria-label="Error output"
        tabIndex={0}
        data-testid="stderr-tail"
        onScroll={(event) => {
          const node = event.currentTarget;
          following.current = node.scrollHeight - node.scrollTop - node.clientHeight <= FOLLOW_SLACK_PX;
        }}
      >
        {text}
      </pre>
    </div>
  );
}
