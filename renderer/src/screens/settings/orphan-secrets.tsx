import { useCallback, useEffect, useState } from 'react';
import type { OrphanSecrets } from '../../../../electron/shared/contract';
import { useApi } from '../../api/api-context';
import { messageOf } from '../../api/error-message';
import { Section } from './section';

type State =
  | { status: 'loading' }
  | { status: 'ready'; orphans: OrphanSecrets[] }
  | { status: 'error'; message: string };

/**
 * Keychain items of services that no longer exist (a reset settings file, an older version), with
 * a Remove for each. Shown only when there are some: names only, never values.
 */
export function OrphanSecretsSection() {
  const api = useApi();
  const [state, setState] = useState<State>({ status: 'loading' });
  const [busy, setBusy] = useState<string | null>(null);

  const load = useCallback(async () => {
    try {
      setState({ status: 'ready', orphans: await api.listOrphanSecrets() });
    } catch (error) {
      setState({ status: 'error', message: messageOf(error) });
    }
  }, [api]);
  useEffect(() => void load(), [load]);

  const remove = async (instanceId: string) => {
    setBusy(instanceId);
    try {
      await api.removeOrphanSecrets({ instanceId });
      await load();
    } catch (error) {
      setState({ status: 'error', message: messageOf(error) });
    } finally {
      setBusy(null);
    }
  };

  if (state.status === 'loading' || (state.status === 'ready' && state.orphans.length === 0)) return null;
  return (
    <Section title="Left in the keychain">
      <div className="details__card" data-testid="orphan-secrets">
        {state.status === 'error' ? (
          <p role="alert">Couldn’t check the keychain: {state.message}</p>
        ) : (
          <>
            <p>These keychain items belong to services that are no longer in MCP Tray. Nothing uses them.</p>
            <ul className="orphan-secrets">
              {state.orphans.map((orphan) => (
                <li key={orphan.instanceId} data-testid={`orphan-${orphan.instanceId}`}>
                  <span>
                    <code>{orphan.instanceId}</code>: {orphan.fields.join(', ')}
                  </span>
                  <button
                    type="button"
                    className="button"
                    aria-disabled={busy !== null}
                    onClick={() => busy === null && void remove(orphan.instanceId)}
                  >
                    {busy === orphan.instanceId ? 'Removing…' : 'Remove'}
                  </button>
                </li>
              ))}
            </ul>
          </>
        )}
      </div>
    </Section>
  );
}
