import type { AppInfo } from '../../../electron/shared/contract';
import { useAppInfo } from '../api/app-info';
import { Banner } from '../components/banner';
import { ErrorState, LoadingState } from '../components/load-states';
import { Screen } from '../components/screen';
import { DetailList } from './detail-list';
import { formatDateTime } from './format';
import { KeychainValue } from './keychain-value';

const HOSTS: Record<AppInfo['host'], string> = {
  electron: 'Desktop app',
  headless: 'Headless host (mcp-tray serve, in your browser)',
};

const PLATFORMS: Record<string, string> = { darwin: 'macOS', win32: 'Windows', linux: 'Linux' };

function SettingsBody({ info }: { info: AppInfo }) {
  return (
    <>
      {!info.keychain.available && (
        <Banner level="warning" testId="keychain-warning">
          <strong>Secure storage is not available, so MCP Tray cannot keep you signed in.</strong>{' '}
          {info.keychain.detail}
        </Banner>
      )}
      <DetailList
        title="About"
        rows={[
          ['Version', info.version],
          ['Running as', HOSTS[info.host]],
          ['System', PLATFORMS[info.platform] ?? info.platform],
        ]}
      />
      <DetailList
        title="Storage"
        rows={[
          ['Data folder', <code className="path">{info.dataDir}</code>],
          ['Keychain', <KeychainValue keychain={info.keychain} />],
        ]}
      />
      <DetailList
        title="Background process"
        rows={[
          ['Process ID', String(info.pid)],
          ['Started', formatDateTime(info.startedAt)],
        ]}
      />
    </>
  );
}

export function SettingsScreen() {
  const { state, retry } = useAppInfo();
  return (
    <Screen title="Settings" testId="settings-screen">
      {state.status === 'loading' && <LoadingState label="Loading app details…" />}
      {state.status === 'error' && (
        <ErrorState title="Couldn't load app details." message={state.message} onRetry={retry} />
      )}
      {state.status === 'ready' && <SettingsBody info={state.data} />}
    </Screen>
  );
}
