import { EmptyState } from '../components/empty-state';
import { Screen } from '../components/screen';

export function LogsScreen() {
  return (
    <Screen title="Logs" testId="logs-screen">
      <EmptyState icon="logs" title="No tool calls yet" testId="logs-empty">
        <p>Every tool call an AI client makes through MCP Tray appears here, live.</p>
        <p>Tool call logging arrives in a later version.</p>
      </EmptyState>
    </Screen>
  );
}
