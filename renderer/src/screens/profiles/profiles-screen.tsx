import '../clients/client-card.css';
import { useState } from 'react';
import type { InstanceSummary } from '../../../../electron/shared/contract';
import { useApi } from '../../api/api-context';
import { messageOf } from '../../api/error-message';
import type { Loader, Watcher } from '../../api/use-api-data';
import { useApiData } from '../../api/use-api-data';
import { ErrorState, LoadingState } from '../../components/load-states';
import { Screen } from '../../components/screen';
import { ProfileCard } from './profile-card';
import { useProfiles } from './use-profiles';

const loadInstances: Loader<InstanceSummary[]> = (api) => api.listInstances();
const watchInstances: Watcher<InstanceSummary[]> = (api, apply) =>
  api.onInstancesChanged(({ instances }) => apply(() => instances));

function CreateProfile() {
  const api = useApi();
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);
  return (
    <form
      className="inline-form__row"
      onSubmit={(event) => {
        event.preventDefault();
        setError(null);
        api.createProfile({ name: name.trim() }).then(
          () => setName(''),
          (e: unknown) => setError(messageOf(e)),
        );
      }}
    >
      <label>
        New profile{' '}
        <input
          value={name}
          onChange={(e) => setName(e.target.value)}
          placeholder="Work"
          data-testid="profile-new-name"
        />
      </label>
      <button type="submit" className="button button--primary button--small" data-testid="profile-create">
        Create
      </button>
      {error && (
        <p className="inline-error" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}

/** Profiles: which services and tools each AI client gets (Clients assigns them). */
export function ProfilesScreen() {
  const profiles = useProfiles();
  const instances = useApiData(loadInstances, watchInstances);
  return (
    <Screen
      title="Profiles"
      description="A profile is a set of services, and optionally only some of their tools. Give each AI client a profile on the Clients screen: it then sees only those tools."
      testId="profiles-screen"
    >
      <CreateProfile />
      {profiles.state.status === 'loading' && <LoadingState label="Loading profiles…" />}
      {profiles.state.status === 'error' && (
        <ErrorState
          title="Couldn't load profiles."
          message={profiles.state.message}
          onRetry={profiles.retry}
        />
      )}
      {profiles.state.status === 'ready' && (
        <ul className="client-cards" data-testid="profile-list">
          {profiles.state.data.map((profile) => (
            <ProfileCard
              key={profile.name}
              profile={profile}
              instances={instances.state.status === 'ready' ? instances.state.data : []}
            />
          ))}
        </ul>
      )}
    </Screen>
  );
}
