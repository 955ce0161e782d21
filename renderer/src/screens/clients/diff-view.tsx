import './diff-view.css';
import { useId } from 'react';
import type { DiffHunk } from '../../../../electron/shared/contract';
import type { DiffLine } from './diff-lines';
import { diffLines, diffSummary } from './diff-lines';

function Line({ line }: { line: DiffLine }) {
  const className = `diff__line diff__line--${line.kind}`;
  if (line.kind === 'add' || line.kind === 'remove') {
    // <ins>/<del> so assistive tech can say "insertion"/"deletion"; the sign stays visible too.
    const Tag = line.kind === 'add' ? 'ins' : 'del';
    return (
      <Tag className={className}>
        <span className="diff__sign">{line.text[0]}</span>
        {line.text.slice(1)}
        {'\n'}
      </Tag>
    );
  }
  return (
    <span className={className}>
      {line.text}
      {'\n'}
    </span>
  );
}

/** A unified diff with added and removed lines marked by sign, element and colour. */
export function DiffView({ hunks, label }: { hunks: readonly DiffHunk[]; label: string }) {
  const summaryId = useId();
  const parsed = diffLines(hunks);
  return (
    <div className="diff-view">
      <p id={summaryId} className="diff-view__summary">
        {diffSummary(parsed)}
      </p>
      {/* Scrolls on its own, so it takes focus for keyboard scrolling. */}
      <pre
        className="diff"
        role="group"
        tabIndex={0}
        aria-label={label}
        aria-describedby={summaryId}
        data-testid="diff"
      >
        <code className="diff__code">
          {parsed.map((line, index) => (
            <Line key={index} line={line} />
          ))}
        </code>
      </pre>
    </div>
  );
}
