import type { ToolSummary } from '../../../../../electron/shared/contract';

/** Tools whose name, title or description contains every word of `query` (any case). */
export function filterTools(tools: readonly ToolSummary[], query: string): readonly ToolSummary[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return tools;
  return tools.filter((tool) => {
    const text = `${tool.name} ${tool.title ?? ''} ${tool.description ?? ''}`.toLowerCase();
    return words.every((word) => text.includes(word));
  });
}
