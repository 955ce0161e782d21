import './tools.css';
import { memo, useId, useMemo, useState } from 'react';
import type { ToolCallResult, ToolSummary } from '../../../../../electron/shared/contract';
import { Icon } from '../../../components/icon';
import { schemaFields } from './json-schema';
import { SchemaView } from './schema-view';
import { ToolResult } from './tool-result';
import { TryItForm } from './try-it-form';

interface ToolItemProps {
  instanceId: string;
  tool: ToolSummary;
  /** Whether the instance runs (a tool of a stopped server cannot be tried). */
  running: boolean;
}

/** The detail of an open tool: its arguments, and the form to try it. */
function ToolBody({ instanceId, tool, running }: ToolItemProps) {
  const fields = useMemo(() => schemaFields(tool.inputSchema), [tool.inputSchema]);
  const [result, setResult] = useState<ToolCallResult | null>(null);
  const headingId = useId();
  return (
    <div className="tool__body">
      {tool.combinedName && (
        <p className="muted" data-testid="tool-combined-name">
          Through a combined entry: <code>{tool.combinedName}</code>
          {tool.combinedName.length === 64 && ' (shortened to the 64 characters clients accept)'}
        </p>
      )}
      <SchemaView fields={fields} toolName={tool.name} />
      <section className="try" aria-labelledby={headingId}>
        <h3 id={headingId} className="try__title">
          Try it
        </h3>
        {!tool.enabled ? (
          <p className="muted" data-testid="try-off">
            This tool is turned off, so no one can call it. Turn it on in the Settings tab to try it.
          </p>
        ) : tool.review === 'pending' || tool.review === 'rejected' ? (
          <p className="muted" data-testid="try-held">
            This version of the tool is held back from everyone until you approve it in the review above.
          </p>
        ) : !running ? (
          <p className="muted" data-testid="try-not-running">
            The service is not running. Start it to try its tools.
          </p>
        ) : (
          <TryItForm instanceId={instanceId} tool={tool} fields={fields} onResult={setResult} />
        )}
        {result && <ToolResult result={result} />}
      </section>
    </div>
  );
}

/**
 * One tool: a disclosure button with its name and description; opened, its arguments and a
 * "try it" form. Closed tools render only their heading, so a server with 200 tools stays fast.
 */
export const ToolItem = memo(
  function ToolItem(props: ToolItemProps) {
    const { tool } = props;
    const [open, setOpen] = useState(false);
    const bodyId = useId();
    return (
      <li className="tool" data-testid="tool-row" data-tool={tool.name} data-enabled={tool.enabled}>
        <button
          type="button"
          className="tool__toggle"
          aria-expanded={open}
          aria-controls={bodyId}
          onClick={() => setOpen((o) => !o)}
          data-testid="tool-toggle"
        >
          <Icon name="chevron" className="icon tool__chevron" />
          <span className="tool__heading">
            {tool.title && tool.title !== tool.name && <span className="tool__title">{tool.title}</span>}
            <code className="tool__name">{tool.name}</code>
            {!tool.enabled && <span className="tag tag--off">Off</span>}
            {tool.review === 'pending' && <span className="tag tag--review">Waiting for review</span>}
            {tool.review === 'rejected' && <span className="tag tag--off">Rejected</span>}
          </span>
        </button>
        {tool.description && (
          <p className={open ? 'tool__description' : 'tool__description tool__description--short'}>
            {tool.description}
          </p>
        )}
        <div id={bodyId} hidden={!open}>
          {open && <ToolBody {...props} />}
        </div>
      </li>
    );
  },
  // Polling brings new objects every few seconds; only a real change re-renders a row.
  (a, b) =>
    a.instanceId === b.instanceId &&
    a.running === b.running &&
    a.tool.name === b.tool.name &&
    a.tool.title === b.tool.title &&
    a.tool.description === b.tool.description &&
    a.tool.enabled === b.tool.enabled &&
    a.tool.review === b.tool.review &&
    a.tool.destructive === b.tool.destructive &&
    JSON.stringify(a.tool.inputSchema) === JSON.stringify(b.tool.inputSchema),
);
