import './settings/settings.css';
import type { AppInfo } from '../../../electron/shared/contract';
import { useAppInfo } from '../api/app-info';
import { Banner } from '../components/banner';
import { CopyButton } from '../components/copy-button';
import { ErrorState, LoadingState } from '../components/load-states';
import { Screen } from '../components/screen';
import { DetailList } from './detail-list';
import { formatDateTime } from './format';
import { KeychainValue } from './keychain-value';
import { DiagnosticsExportButton } from './settings/diagnostics-export';
import { OrphanSecretsSection } from './settings/orphan-secrets';
import { PreferencesForm } from './settings/preferences-form';
import { Section } from './settings/section';
import { SetupTransfer } from './settings/setup-transfer';
import { UpdateSettings } from './settings/update-settings';

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
      <Section title="Preferences">
        <PreferencesForm host={info.host} />
      </Section>
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
          [
            'Data folder',
            <span className="path-row">
              <code className="path" data-testid="data-dir">
                {info.dataDir}
              </code>
              <CopyButton text={info.dataDir} label="Copy" testId="copy-data-dir" />
            </span>,
          ],
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
      <Section title="Updates">
        <UpdateSettings />
      </Section>
      <Section title="Move your setup">
        <SetupTransfer />
      </Section>
      <OrphanSecretsSection />
      <Section title="Diagnostics">
        <DiagnosticsExportButton />
      </Section>
    </>
  );
}

/** App-wide preferences, storage, version, diagnostics. */
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
