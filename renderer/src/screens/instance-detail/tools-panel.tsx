import type { ToolSummary } from '../../../../electron/shared/contract';
import { EmptyState } from '../../components/empty-state';

export function ToolsPanel({ tools }: { tools: readonly ToolSummary[] }) {
  if (tools.length === 0) {
    return (
      <EmptyState icon="services" title="No tools" testId="tools-empty">
        <p>The tools this service offers your AI clients appear here once it is running.</p>
      </EmptyState>
    );
  }
  return (
    <ul className="tool-list" aria-label="Tools">
      {tools.map((tool) => (
        <li className="tool" key={tool.name} data-testid="tool-row">
          <p className="tool__heading">
            {tool.title && tool.title !== tool.name && <span className="tool__title">{tool.title}</span>}
            <code className="tool__name">{tool.name}</code>
          </p>
          {tool.description && <p className="tool__description">{tool.description}</p>}
        </li>
      ))}
    </ul>
  );
}
