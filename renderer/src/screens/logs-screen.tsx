import { Screen } from '../components/screen';
import { CallLog } from './logs/call-log';

export function LogsScreen() {
  return (
    <Screen
      title="Logs"
      description="Every tool call your AI clients make through MCP Tray, newest first."
      testId="logs-screen"
      fill
    >
      <CallLog />
    </Screen>
  );
}
