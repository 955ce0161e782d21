import { EmptyState } from '../components/empty-state';
import { Screen } from '../components/screen';

export function ClientsScreen() {
  return (
    <Screen title="Clients" testId="clients-screen">
      <EmptyState icon="clients" title="No AI clients connected yet" testId="clients-empty">
        <p>AI clients you connect (Claude Desktop, Cursor, VS Code…) appear here.</p>
        <p>Connecting clients from MCP Tray arrives in a later version.</p>
      </EmptyState>
    </Screen>
  );
}
