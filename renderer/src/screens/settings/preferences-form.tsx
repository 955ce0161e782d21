import { useId, useState } from 'react';
import type { AppInfo, Preferences } from '../../../../electron/shared/contract';
import { useApi } from '../../api/api-context';
import { messageOf } from '../../api/error-message';
import type { Loader, Watcher } from '../../api/use-api-data';
import { useApiData } from '../../api/use-api-data';
import { ErrorState, LoadingState } from '../../components/load-states';
import { applyTheme } from '../../theme/use-applied-theme';

const loadPreferences: Loader<Preferences> = (api) => api.getPreferences();
const watchPreferences: Watcher<Preferences> = (api, apply) =>
  api.onPreferencesChanged(({ preferences }) => apply(() => preferences));

const THEMES: [Preferences['theme'], string][] = [
  ['system', 'Same as the system'],
  ['light', 'Light'],
  ['dark', 'Dark'],
];

const DRIFT: [Preferences['driftPolicy'], string][] = [
  ['ask', 'Tell me and ask'],
  ['always', 'Put them back without asking'],
  ['never', 'Leave them out'],
];

/** The log retention choices offered (a value set elsewhere is listed too). */
const RETENTION_DAYS = [7, 14, 30, 90, 365] as const;

interface ChoiceProps<T extends string> {
  legend: string;
  hint?: string;
  name: string;
  options: [T, string][];
  value: T;
  onChange: (value: T) => void;
}

function Choice<T extends string>({ legend, hint, name, options, value, onChange }: ChoiceProps<T>) {
  const hintId = useId();
  return (
    <fieldset className="choice" aria-describedby={hint ? hintId : undefined} data-testid={`pref-${name}`}>
      <legend className="field__label">{legend}</legend>
      <div className="choice__options">
        {options.map(([option, label]) => (
          <label key={option} className="choice__option">
            <input
              type="radio"
              name={name}
              value={option}
              checked={value === option}
              onChange={() => onChange(option)}
            />
            {label}
          </label>
        ))}
      </div>
      {hint && (
        <p id={hintId} className="field__hint">
          {hint}
        </p>
      )}
    </fieldset>
  );
}

function Form({ preferences, host }: { preferences: Preferences; host: AppInfo['host'] | null }) {
  const api = useApi();
  const [shown, setShown] = useState(preferences);
  const [status, setStatus] = useState('');
  const [error, setError] = useState<string | null>(null);
  const retentionId = useId();
  const loginHintId = useId();
  // What another window changed shows here too.
  const [seen, setSeen] = useState(preferences);
  if (seen !== preferences) {
    setSeen(preferences);
    setShown(preferences);
  }

  const save = async (change: Partial<Preferences>) => {
    setShown((p) => ({ ...p, ...change }));
    if (change.theme) applyTheme(change.theme);
    setError(null);
    setStatus('Saving…');
    try {
      setShown(await api.setPreferences(change));
      setStatus('Saved.');
    } catch (failure) {
      setShown(preferences);
      applyTheme(preferences.theme);
      setStatus('');
      setError(messageOf(failure));
    }
  };

  return (
    <div className="details__card prefs" data-testid="preferences">
      <Choice
        legend="Theme"
        name="theme"
        options={THEMES}
        value={shown.theme}
        onChange={(theme) => void save({ theme })}
      />
      <div className="field">
        <label htmlFor={retentionId} className="field__label">
          Keep the tool-call log for
        </label>
        <select
          id={retentionId}
          className="input input--short"
          value={shown.logRetentionDays}
          onChange={(e) => void save({ logRetentionDays: Number(e.currentTarget.value) })}
          data-testid="pref-retention"
        >
          {[...new Set([...RETENTION_DAYS, shown.logRetentionDays])]
            .sort((a, b) => a - b)
            .map((days) => (
              <option key={days} value={days}>
                {days === 365 ? '1 year' : `${days} days`}
              </option>
            ))}
        </select>
      </div>
      <Choice
        legend="When an AI client removes MCP Tray’s entries from its settings"
        name="drift"
        options={DRIFT}
        value={shown.driftPolicy}
        onChange={(driftPolicy) => void save({ driftPolicy })}
      />
      <div className="field field--inline">
        <input
          id={loginHintId + '-box'}
          type="checkbox"
          className="checkbox"
          checked={shown.launchAtLogin}
          aria-describedby={loginHintId}
          onChange={(e) => void save({ launchAtLogin: e.currentTarget.checked })}
          data-testid="pref-login"
        />
        <label htmlFor={loginHintId + '-box'}>Start MCP Tray when I log in</label>
        <p id={loginHintId} className="field__hint">
          {host === 'headless'
            ? 'Applies to the desktop app; this browser window is served by mcp-tray serve.'
            : 'It starts in the background, in the tray.'}
        </p>
      </div>
      <p className="visually-hidden" role="status" data-testid="pref-status">
        {status}
      </p>
      {error && (
        <p className="inline-error" role="alert" data-testid="pref-error">
          {error}
        </p>
      )}
    </div>
  );
}

/** The app-wide choices: theme, log retention, drift policy, launch at login. Saved as changed. */
export function PreferencesForm({ host }: { host: AppInfo['host'] | null }) {
  const { state, retry } = useApiData(loadPreferences, watchPreferences);
  if (state.status === 'loading') return <LoadingState label="Loading your preferences…" />;
  if (state.status === 'error') {
    return <ErrorState title="Couldn't load your preferences." message={state.message} onRetry={retry} />;
  }
  return <Form preferences={state.data} host={host} />;
}
