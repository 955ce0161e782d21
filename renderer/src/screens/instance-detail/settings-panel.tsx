import { useId } from 'react';
import type { InstanceDetail } from '../../../../electron/shared/contract';
import { EnvironmentNames } from './settings/environment-names';
import { IntegrationSettings } from './settings/integration-settings';
import { TimeoutForm } from './settings/timeout-form';
import { ToolSwitches } from './settings/tool-switches';

interface SettingsPanelProps {
  instance: InstanceDetail;
  refresh: () => Promise<void>;
  /** The tab has been opened: only then does it ask the core for the integration's fields. */
  opened?: boolean;
  /** Bumped to focus the first secret field ("Enter a new key"); 0 = never asked. */
  keyFocusRequest?: number;
}

/**
 * The instance's own settings: the integration's fields (a new API key), which tools clients
 * see, the call timeout, restarts, its variables.
 */
export function SettingsPanel({ instance, refresh, opened = true, keyFocusRequest = 0 }: SettingsPanelProps) {
  const callsId = useId();
  // A custom command's settings are its command line; the core cannot change those.
  const catalog = opened && instance.integrationId !== 'custom';
  return (
    <div className="panel-stack">
      {catalog && (
        <IntegrationSettings instance={instance} refresh={refresh} focusRequest={keyFocusRequest} />
      )}
      <ToolSwitches instance={instance} refresh={refresh} />
      <section className="details" aria-labelledby={callsId}>
        <h2 id={callsId} className="details__title">
          Calls and restarts
        </h2>
        <div className="details__card">
          <TimeoutForm instance={instance} refresh={refresh} />
          {!instance.url && <TimeoutForm instance={instance} refresh={refresh} kind="start" />}
          <div className="details__text" data-testid="restart-policy">
            <p className="field__label">When it stops</p>
            <p>
              MCP Tray restarts it with growing pauses (1 s, doubling up to 30 s). After 5 crashes within a
              minute it stops trying and marks it failed until you press Restart.
            </p>
          </div>
        </div>
      </section>
      <EnvironmentNames names={instance.envNames} secretNames={instance.secretEnvNames} />
    </div>
  );
}
