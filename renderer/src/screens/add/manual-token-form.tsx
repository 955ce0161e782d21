import './add.css';
import { useId, useState } from 'react';
import type { FormEvent } from 'react';
import type { AccountInfo, ManualToken } from '../../../../electron/shared/contract';
import { useApi } from '../../api/api-context';
import { messageOf } from '../../api/error-message';
import { Icon } from '../../components/icon';
import { webLink } from '../account/account-format';
import { RequestError } from './form-parts';

interface ManualTokenFormProps {
  instanceId: string;
  manual: ManualToken;
  /** Called first, e.g. to cancel a browser sign-in that is still waiting. */
  beforeSubmit?: () => void;
  onSignedIn: (account: AccountInfo) => void;
  /** Open from the start (when pasting a token is the only way). */
  open?: boolean;
}

/** Signing in with a pasted token (a personal access token) instead of the browser. */
export function ManualTokenForm({
  instanceId,
  manual,
  beforeSubmit,
  onSignedIn,
  open = false,
}: ManualTokenFormProps) {
  const api = useApi();
  const id = useId();
  const [token, setToken] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const link = manual.url ? webLink(manual.url) : null;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (pending) return;
    if (!token.trim()) {
      setError(`Paste your ${manual.label.toLowerCase()} first.`);
      document.getElementById(`${id}-token`)?.focus();
      return;
    }
    setError(null);
    setPending(true);
    setFailure(null);
    beforeSubmit?.();
    try {
      onSignedIn(await api.signInWithToken({ id: instanceId, token: token.trim() }));
    } catch (failed) {
      setFailure(messageOf(failed));
      setPending(false);
    }
  };

  return (
    <details className="manual-token" open={open || undefined} data-testid="manual-token">
      <summary>Use a {manual.label.toLowerCase()} instead</summary>
      <form noValidate className="manual-token__form" onSubmit={(event) => void submit(event)}>
        <p>{manual.help}</p>
        {link && (
          <p>
            <a href={link} target="_blank" rel="noreferrer">
              <Icon name="external" /> Create one
            </a>
          </p>
        )}
        <div className="form-field">
          <label htmlFor={`${id}-token`} className="form-field__label">
            {manual.label}
          </label>
          <input
            id={`${id}-token`}
            className="input"
            type="password"
            autoComplete="off"
            value={token}
            onChange={(event) => setToken(event.target.value)}
            aria-invalid={error ? true : undefined}
            aria-describedby={`${id}-hint${error ? ` ${id}-error` : ''}`}
            data-testid="manual-token-input"
          />
          <p id={`${id}-hint`} className="form-field__hint">
            <span className="form-field__secret">
              <Icon name="lock" />
              Kept in your system keychain. A pasted token is not renewed: replace it when it expires.
            </span>
          </p>
          {error && (
            <p id={`${id}-error`} className="form-field__error">
              <Icon name="triangle" />
              {error}
            </p>
          )}
        </div>
        <RequestError message={failure} />
        <div className="actions">
          <button type="submit" className="button" aria-disabled={pending} data-testid="manual-token-save">
            {pending ? 'Signing in…' : 'Sign in with this token'}
          </button>
        </div>
      </form>
    </details>
  );
}
