import '../clients/client-card.css';
import { useId, useState } from 'react';
import { clientDisplayName } from '../../../../electron/shared/client-names';
import type { InstanceSummary, ProfileInfo } from '../../../../electron/shared/contract';
import { useApi } from '../../api/api-context';
import { messageOf } from '../../api/error-message';

interface ProfileCardProps {
  profile: ProfileInfo;
  instances: InstanceSummary[];
}

/** One profile: its services (all tools or some), and rename, delete, add and remove. */
export function ProfileCard({ profile, instances }: ProfileCardProps) {
  const api = useApi();
  const headingId = useId();
  const [error, setError] = useState<string | null>(null);
  const [renaming, setRenaming] = useState<string | null>(null);
  const [adding, setAdding] = useState('');
  const [tools, setTools] = useState('');
  const run = async (work: () => Promise<unknown>) => {
    setError(null);
    try {
      await work();
    } catch (e) {
      setError(messageOf(e));
    }
  };
  const inProfile = new Set(profile.services.map((s) => s.instance));
  const addable = instances.filter((i) => !inProfile.has(i.id));
  const toolList = tools
    .split(',')
    .map((t) => t.trim())
    .filter(Boolean);
  return (
    <li className="client-card" data-testid="profile-card" data-profile={profile.name}>
      <article aria-labelledby={headingId} className="client-card__body">
        <header className="client-card__header">
          <h3 id={headingId} className="client-card__name">
            {profile.name}
          </h3>
          <span className="client-card__presence">
            {profile.clients.length
              ? `Used by ${profile.clients.map(clientDisplayName).join(', ')}`
              : 'No client uses it'}
          </span>
        </header>
        {profile.builtIn ? (
          <p>
            Every service with every tool, as without profiles. Clients get this one unless you choose
            another.
          </p>
        ) : (
          <>
            {profile.services.length === 0 && <p className="muted">No services yet.</p>}
            <ul className="client-card__own" data-testid="profile-services">
              {profile.services.map((s) => (
                <li key={s.instance}>
                  <span className="client-card__own-name">{s.name ?? s.instance}</span>{' '}
                  {s.name === null ? (
                    <span className="muted">removed: the profile works without it</span>
                  ) : (
                    <span className="muted">
                      {s.tools === null ? 'all tools' : s.tools.join(', ') || 'no tools'}
                    </span>
                  )}{' '}
                  <button
                    type="button"
                    className="button button--small"
                    aria-label={`Remove ${s.name ?? s.instance} from ${profile.name}`}
                    onClick={() =>
                      void run(() =>
                        api.editProfile({ name: profile.name, remove: [{ instance: s.instance }] }),
                      )
                    }
                  >
                    Remove
                  </button>
                </li>
              ))}
            </ul>
            <form
              className="inline-form__row"
              onSubmit={(event) => {
                event.preventDefault();
                if (!adding) return;
                void run(async () => {
                  await api.editProfile({
                    name: profile.name,
                    add: [{ instance: adding, tools: toolList.length ? toolList : null }],
                  });
                  setAdding('');
                  setTools('');
                });
              }}
            >
              <label>
                Add a service{' '}
                <select
                  value={adding}
                  onChange={(e) => setAdding(e.target.value)}
                  data-testid="profile-add-service"
                >
                  <option value="">Choose…</option>
                  {addable.map((i) => (
                    <option key={i.id} value={i.id}>
                      {i.name}
                    </option>
                  ))}
                </select>
              </label>
              <label>
                Only these tools (comma-separated; empty: all){' '}
                <input
                  value={tools}
                  onChange={(e) => setTools(e.target.value)}
                  data-testid="profile-add-tools"
                />
              </label>
              <button type="submit" className="button button--small" data-testid="profile-add">
                Add
              </button>
            </form>
            <div className="client-card__actions">
              {renaming === null ? (
                <button
                  type="button"
                  className="button button--small"
                  onClick={() => setRenaming(profile.name)}
                >
                  Rename…
                </button>
              ) : (
                <form
                  className="inline-form__row"
                  onSubmit={(event) => {
                    event.preventDefault();
                    void run(async () => {
                      await api.renameProfile({ name: profile.name, to: renaming });
                      setRenaming(null);
                    });
                  }}
                >
                  <label>
                    New name{' '}
                    <input
                      value={renaming}
                      onChange={(e) => setRenaming(e.target.value)}
                      data-testid="profile-rename-input"
                    />
                  </label>
                  <button type="submit" className="button button--small">
                    Rename
                  </button>
                </form>
              )}
              <button
                type="button"
                className="button button--small"
                data-testid="profile-delete"
                onClick={() => void run(() => api.deleteProfile({ name: profile.name }))}
              >
                Delete
              </button>
            </div>
          </>
        )}
        {error && (
          <p className="inline-error" role="alert">
            {error}
          </p>
        )}
      </article>
    </li>
  );
}
