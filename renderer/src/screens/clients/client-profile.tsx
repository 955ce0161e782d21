import { useId, useState } from 'react';
import type { ClientInfo, EntryMode } from '../../../../electron/shared/contract';
import { useApi } from '../../api/api-context';
import { messageOf } from '../../api/error-message';

interface ClientProfileProps {
  client: ClientInfo;
  /** Names of the profiles, Everything first. */
  profiles: string[];
  onChanged: (client: ClientInfo) => void;
}

const MODES: { mode: EntryMode; label: string }[] = [
  { mode: 'per-service', label: 'One entry per service' },
  { mode: 'combined', label: 'One combined entry' },
];

/** Which profile a client gets, and whether its file holds one entry per service or one for all. */
export function ClientProfile({ client, profiles, onChanged }: ClientProfileProps) {
  const api = useApi();
  const id = useId();
  const [error, setError] = useState<string | null>(null);
  const run = (work: Promise<ClientInfo>) => {
    setError(null);
    work.then(onChanged, (e: unknown) => setError(messageOf(e)));
  };
  return (
    <div className="client-card__profile" data-testid="client-profile">
      <label htmlFor={`${id}-profile`}>Profile</label>{' '}
      <select
        id={`${id}-profile`}
        value={client.profile ?? 'Everything'}
        data-testid="client-profile-select"
        onChange={(e) => run(api.setClientProfile({ client: client.id, profile: e.target.value }))}
      >
        {profiles.map((name) => (
          <option key={name} value={name}>
            {name}
          </option>
        ))}
      </select>
      <fieldset className="client-card__modes">
        <legend>In its config file</legend>
        {MODES.map(({ mode, label }) => (
          <label key={mode}>
            <input
              type="radio"
              name={`${id}-mode`}
              value={mode}
              checked={(client.entryMode ?? 'per-service') === mode}
              data-testid={`client-mode-${mode}`}
              onChange={() => run(api.setClientEntryMode({ client: client.id, mode }))}
            />{' '}
            {label}
          </label>
        ))}
        {!client.entryModeChosen && client.entryMode === 'combined' && (
          <span className="muted"> (chosen for you: the profile has more than five services)</span>
        )}
      </fieldset>
      {error && (
        <p className="inline-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
