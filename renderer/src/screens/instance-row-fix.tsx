import './services-screen.css';
import { useEffect, useState } from 'react';
import type { InstanceSummary } from '../../../electron/shared/contract';
import { useApi } from '../api/api-context';
import { messageOf } from '../api/error-message';
import type { IconName } from '../components/icon';
import { Icon } from '../components/icon';
import { instanceHref } from '../routing/routes';
import { navigate } from '../routing/use-route';
import { requestSignIn } from './account/sign-in-request';
import { needsNewKey, requestNewKey } from './instance-detail/new-key';

/** "Install uv (https://docs.astral.sh/uv/)" in a reason: the core's hint for a missing program. */
const INSTALL_HINT = /Install ([^(),]+?) \((https?:\/\/[^)\s]+)\)/;

/** What to install and where, when the reason says a program is missing. */
export function installHint(reason: string | null): { what: string; url: string } | null {
  const match = reason ? INSTALL_HINT.exec(reason) : null;
  return match ? { what: match[1]!.trim(), url: match[2]! } : null;
}

/** A sign-in that worked before and stopped (expired, refused, signed out) is signed in "again". */
const SIGNED_IN_BEFORE = /again|expired|refused|revoked|signed out|missing|no longer/i;

const NEEDS_RESTART: readonly InstanceSummary['state'][] = ['failed', 'backoff', 'unhealthy'];

/** The core's words when a provider refused an API key ("… rejected the key. Enter a new one …"). */
const KEY_REASON = /\bkey\b/i;

/**
 * Whether a service that needs sign-in is waiting for a new API key instead: the list does not
 * say, its detail does (no account). Until that answer is in, the reason's words decide, so
 * the button rarely changes under the pointer.
 */
function useNeedsNewKey(instance: InstanceSummary): boolean {
  const api = useApi();
  const { id, state, stateSince, integrationId } = instance;
  const [known, setKnown] = useState<{ since: string; key: boolean } | null>(null);
  useEffect(() => {
    if (state !== 'needs-auth' || integrationId === 'custom') return undefined;
    let live = true;
    api.getInstance({ id }).then(
      (detail) => live && setKnown({ since: stateSince, key: needsNewKey(detail) }),
      // The guess stays; the detail says more once opened.
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [api, id, state, stateSince, integrationId]);
  if (state !== 'needs-auth') return false;
  if (known?.since === stateSince) return known.key;
  return integrationId !== 'custom' && KEY_REASON.test(instance.stateReason ?? '');
}

interface DetailRequestProps {
  instance: InstanceSummary;
  /** Records what the detail should do once it opens (a hand-over kept in memory). */
  request: (id: string) => void;
  icon: IconName;
  label: string;
  /** Completes the label for a screen reader: the list has one such button per service. */
  hidden: string;
  testId: string;
}

/** A fix done on the service's own page: asks that page for it, then opens the page. */
export function DetailRequestButton({ instance, request, icon, label, hidden, testId }: DetailRequestProps) {
  return (
    <button
      type="button"
      className="button button--small instance__fix"
      onClick={() => {
        request(instance.id);
        navigate(instanceHref(instance.id));
      }}
      data-testid={testId}
    >
      <Icon name={icon} />
      {label}
      <span className="visually-hidden">{hidden}</span>
    </button>
  );
}

/**
 * The action that fixes a service's problem, next to the reason in the list: sign in (again),
 * enter a new API key, install the missing program, or restart. Nothing for a service that is fine.
 */
export function InstanceRowFix({ instance }: { instance: InstanceSummary }) {
  const api = useApi();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const hint = installHint(instance.stateReason);
  const newKey = useNeedsNewKey(instance);

  if (newKey) {
    return (
      <DetailRequestButton
        instance={instance}
        request={requestNewKey}
        icon="lock"
        label="Enter a new key"
        hidden={` for ${instance.name}`}
        testId="row-new-key"
      />
    );
  }
  if (instance.state === 'needs-auth') {
    const again = SIGNED_IN_BEFORE.test(instance.stateReason ?? '');
    return (
      <DetailRequestButton
        instance={instance}
        request={requestSignIn}
        icon="lock"
        label={again ? 'Sign in again' : 'Sign in'}
        hidden={` to use ${instance.name}`}
        testId="row-sign-in"
      />
    );
  }
  if (!NEEDS_RESTART.includes(instance.state) || !instance.enabled) return null;

  const restart = async () => {
    if (pending) return;
    setPending(true);
    setError(null);
    try {
      await api.restartInstance({ id: instance.id });
    } catch (failure) {
      setError(messageOf(failure));
    } finally {
      setPending(false);
    }
  };
  return (
    <div className="instance__fixes">
      {hint && (
        <a
          className="button button--small instance__fix"
          href={hint.url}
          target="_blank"
          rel="noreferrer"
          data-testid="row-install"
        >
          <Icon name="external" />
          Install {hint.what}
          <span className="visually-hidden"> (opens {hint.url})</span>
        </a>
      )}
      <button
        type="button"
        className="button button--small instance__fix"
        aria-disabled={pending}
        onClick={() => void restart()}
        data-testid="row-restart"
      >
        <Icon name="reconnect" />
        {pending ? 'Restarting…' : 'Restart'}
        <span className="visually-hidden"> {instance.name}</span>
      </button>
      {error && (
        <p className="inline-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
