import './tools.css';
import type { ToolDiffPart, ToolFieldDiff } from '../../../../../electron/shared/contract';

const FIELD_LABELS: Record<ToolFieldDiff['field'], string> = {
  name: 'Name',
  title: 'Title',
  description: 'Description',
  inputSchema: 'Arguments (JSON Schema)',
  annotations: 'Annotations',
};

/** One word diff: added words underlined on green, removed ones struck through on red. */
function Parts({ parts }: { parts: readonly ToolDiffPart[] }) {
  return (
    <pre className="word-diff">
      {parts.map((part, i) =>
        part.op === 'added' ? (
          <ins key={i}>
            <span className="visually-hidden">[added: </span>
            {part.text}
            <span className="visually-hidden">]</span>
          </ins>
        ) : part.op === 'removed' ? (
          <del key={i}>
            <span className="visually-hidden">[removed: </span>
            {part.text}
            <span className="visually-hidden">]</span>
          </del>
        ) : (
          <span key={i}>{part.text}</span>
        ),
      )}
    </pre>
  );
}

/** The changed parts of a tool, each with its word diff. */
export function WordDiffView({ diff }: { diff: readonly ToolFieldDiff[] }) {
  return (
    <div className="review-diff">
      {diff.map((field) => (
        <div
          key={field.field}
          className="review-diff__field"
          data-testid="review-diff"
          data-field={field.field}
        >
          <h4 className="review-diff__label">{FIELD_LABELS[field.field]}</h4>
          <Parts parts={field.parts} />
        </div>
      ))}
    </div>
  );
}
