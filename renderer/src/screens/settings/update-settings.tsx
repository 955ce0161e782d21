import { useId, useState } from 'react';
import type { RegistrySettings } from '../../../../electron/shared/contract';
import { useApi } from '../../api/api-context';
import { messageOf } from '../../api/error-message';
import type { Loader } from '../../api/use-api-data';
import { useApiData } from '../../api/use-api-data';
import { RequestError } from '../add/form-parts';
import { plural } from '../format';

const loadSettings: Loader<RegistrySettings> = (api) => api.getRegistrySettings();

/** Choices for the periodic check; 0 means only when asked. Nothing ever updates by itself. */
const INTERVALS: readonly (readonly [number, string])[] = [
  [0, 'Only when I check'],
  [6, 'Every 6 hours'],
  [24, 'Every day'],
  [168, 'Every week'],
];

/** Settings → Updates: how often to look for newer registry versions, and "Check now". */
export function UpdateSettings() {
  const api = useApi();
  const id = useId();
  const { state, update } = useApiData(loadSettings);
  const [checking, setChecking] = useState(false);
  const [result, setResult] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  if (state.status !== 'ready') return null;
  const hours = state.data.updateCheckHours;
  const known = INTERVALS.some(([value]) => value === hours);

  const setHours = async (value: number) => {
    setFailure(null);
    try {
      const next = await api.setRegistrySettings({ updateCheckHours: value });
      update(() => next);
    } catch (error) {
      setFailure(messageOf(error));
    }
  };
  const checkNow = async () => {
    if (checking) return;
    setChecking(true);
    setFailure(null);
    setResult(null);
    try {
      const outdated = await api.checkUpdates();
      setResult(
        outdated.length === 0
          ? 'Everything from the registry is up to date.'
          : `${plural(outdated.length, 'update')} available; review each on its service.`,
      );
    } catch (error) {
      setFailure(messageOf(error));
    } finally {
      setChecking(false);
    }
  };

  return (
    <div className="add-form" data-testid="update-settings">
      <div className="form-field">
        <label htmlFor={id} className="form-field__label">
          Look for updates of servers from the registry
        </label>
        <select
          id={id}
          className="input select"
          value={hours}
          onChange={(e) => void setHours(Number(e.target.value))}
          aria-describedby={`${id}-hint`}
          data-testid="update-interval"
        >
          {!known && <option value={hours}>Every {plural(hours, 'hour')}</option>}
          {INTERVALS.map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
        <p id={`${id}-hint`} className="form-field__hint">
          MCP Tray only says an update is there; you review and confirm each one.
          {state.data.overriddenBy && (
            <>
              {' Registry: '}
              <code data-testid="registry-override">{state.data.overriddenBy}</code> (set by
              MCP_TRAY_REGISTRY_URL).
            </>
          )}
        </p>
      </div>
      <div className="actions">
        <button
          type="button"
          className="button"
          aria-disabled={checking}
          onClick={() => void checkNow()}
          data-testid="update-check-now"
        >
          {checking ? 'Checking…' : 'Check now'}
        </button>
      </div>
      {result && (
        <p role="status" data-testid="update-check-result">
          {result}
        </p>
      )}
      <RequestError message={failure} testId="update-settings-error" />
    </div>
  );
}
