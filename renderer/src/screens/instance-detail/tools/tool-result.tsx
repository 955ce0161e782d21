import './tools.css';
import type { ToolCallResult, ToolResultContent } from '../../../../../electron/shared/contract';
import { Icon } from '../../../components/icon';
import { formatBytes, formatDuration } from '../../logs/call-format';

function Block({ block, index }: { block: ToolResultContent; index: number }) {
  switch (block.kind) {
    case 'text':
      return (
        <div className="result-block">
          <pre className="code-block result-text" tabIndex={0} aria-label={`Text ${index + 1}`}>
            {block.text}
          </pre>
          {block.truncated && <p className="muted">The text was cut here; it goes on.</p>}
        </div>
      );
    case 'image':
      return block.data ? (
        <img
          className="result-image"
          src={`data:${block.mimeType};base64,${block.data}`}
          alt={`Image ${index + 1} the tool returned (${block.mimeType})`}
        />
      ) : (
        <p className="muted">
          An image ({block.mimeType}, {formatBytes(block.bytes)}), too large to show here.
        </p>
      );
    case 'audio':
      return block.data ? (
        <audio
          className="result-audio"
          controls
          src={`data:${block.mimeType};base64,${block.data}`}
          aria-label={`Audio ${index + 1} the tool returned`}
        />
      ) : (
        <p className="muted">
          Audio ({block.mimeType}, {formatBytes(block.bytes)}), too large to play here.
        </p>
      );
    case 'resource':
      return (
        <div className="result-block">
          <p>
            Resource <code>{block.uri}</code>
            {block.mimeType && <span className="muted"> ({block.mimeType})</span>}
          </p>
          {block.text !== null && (
            <pre className="code-block result-text" tabIndex={0} aria-label={`Resource ${block.uri}`}>
              {block.text}
            </pre>
          )}
        </div>
      );
    case 'link':
      return (
        <p className="result-block">
          Link to <strong>{block.name}</strong>: <code>{block.uri}</code>
        </p>
      );
    case 'other':
      return (
        <pre className="code-block result-text" tabIndex={0} aria-label={`Content ${index + 1}`}>
          {block.json}
        </pre>
      );
  }
}

/** What the tool answered: its content as text, images and JSON, and whether it was an error. */
export function ToolResult({ result }: { result: ToolCallResult }) {
  return (
    <section
      className={result.isError ? 'tool-result tool-result--error' : 'tool-result'}
      aria-label="Result"
      data-testid="try-result"
      data-error={result.isError}
    >
      <p className="tool-result__head">
        <Icon name={result.isError ? 'triangle' : 'check'} />
        <strong>{result.isError ? 'The tool reported a problem' : 'The tool answered'}</strong>
        <span className="muted">in {formatDuration(result.durationMs)}</span>
      </p>
      {result.content.length === 0 && result.structured === null && (
        <p className="muted">It returned no content.</p>
      )}
      {result.content.map((block, index) => (
        <Block key={index} block={block} index={index} />
      ))}
      {result.structured !== null && (
        <div className="result-block">
          <p className="muted">Structured output</p>
          <pre className="code-block result-text" tabIndex={0} aria-label="Structured output">
            {result.structured}
          </pre>
        </div>
      )}
    </section>
  );
}
