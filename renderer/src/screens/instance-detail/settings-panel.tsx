import { useId } from 'react';
import type { InstanceDetail } from '../../../../electron/shared/contract';
import { EnvironmentNames } from './settings/environment-names';
import { TimeoutForm } from './settings/timeout-form';
import { ToolSwitches } from './settings/tool-switches';

interface SettingsPanelProps {
  instance: InstanceDetail;
  refresh: () => Promise<void>;
}

/** The instance's own settings: which tools clients see, the call timeout, restarts, its variables. */
export function SettingsPanel({ instance, refresh }: SettingsPanelProps) {
  const callsId = useId();
  return (
    <div className="panel-stack">
      <ToolSwitches instance={instance} refresh={refresh} />
      <section className="details" aria-labelledby={callsId}>
        <h2 id={callsId} className="details__title">
          Calls and restarts
        </h2>
        <div className="details__card">
          <TimeoutForm instance={instance} refresh={refresh} />
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
