import './add.css';
import '../account/account.css';
import { useId, useState } from 'react';
import type { FormEvent } from 'react';
import type { AccountInfo, ClientSetup } from '../../../../electron/shared/contract';
import { useApi } from '../../api/api-context';
import { useRequest } from '../../api/use-request';
import { CopyButton } from '../../components/copy-button';
import { Icon } from '../../components/icon';
import { webLink } from '../account/account-format';
import { RequestError } from './form-parts';

interface ClientSetupFormProps {
  instanceId: string;
  serviceName: string;
  setup: ClientSetup;
  /** After the client was saved: the account as it is now (ready to sign in). */
  onSaved: (account: AccountInfo) => void;
}

const hostOf = (url: string): string => {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
};

/**
 * Guided set-up of the user's own OAuth client where the app cannot ship one (Google Cloud):
 * the provider's steps, the redirect URI to register (with Copy), then its id (and secret).
 */
export function ClientSetupForm({ instanceId, serviceName, setup, onSaved }: ClientSetupFormProps) {
  const api = useApi();
  const id = useId();
  const [clientId, setClientId] = useState('');
  const [secret, setSecret] = useState('');
  const [errors, setErrors] = useState<{ clientId?: string; secret?: string }>({});
  const { pending, failure, run } = useRequest();
  const page = webLink(setup.url);
  const host = hostOf(setup.url);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (pending) return;
    const found = {
      ...(clientId.trim() ? {} : { clientId: `Paste the client ID that ${host} showed you.` }),
      ...(setup.needsSecret && !secret.trim()
        ? { secret: `Paste the client secret from ${host} as well.` }
        : {}),
    };
    setErrors(found);
    if (found.clientId || found.secret) {
      document.getElementById(found.clientId ? `${id}-client` : `${id}-secret`)?.focus();
      return;
    }
    await run(async () => {
      const account = await api.setOAuthClient({
        id: instanceId,
        clientId: clientId.trim(),
        ...(setup.needsSecret ? { clientSecret: secret.trim() } : {}),
      });
      onSaved(account);
    });
  };

  return (
    <form
      className="client-setup"
      noValidate
      onSubmit={(event) => void submit(event)}
      data-testid="client-setup"
    >
      <h3 className="client-setup__title">{setup.title}</h3>
      <p>
        {serviceName} signs in through an app you register with {host} yourself; it takes a few minutes, once.
      </p>
      <ol className="client-setup__steps" data-testid="client-setup-steps">
        {setup.steps.map((step) => (
          <li key={step}>{step}</li>
        ))}
      </ol>
      {page && (
        <p>
          <a className="button" href={page} target="_blank" rel="noreferrer" data-testid="client-setup-open">
            <Icon name="external" />
            Open {host}
          </a>
        </p>
      )}
      {setup.redirectUri && (
        <div className="client-setup__redirect">
          <p className="form-field__label" id={`${id}-redirect`}>
            Redirect URI (any port)
          </p>
          <div className="sign-in__link">
            <code className="sign-in__url" aria-labelledby={`${id}-redirect`} data-testid="redirect-uri">
              {setup.redirectUri}
            </code>
            <CopyButton text={setup.redirectUri} label="Copy" testId="redirect-uri-copy" />
          </div>
          <p className="form-field__hint" data-testid="redirect-uri-hint">
            MCP Tray signs in through this address, on a free port each time. A “Desktop app” client accepts
            it without registering; register it only where your provider asks for one.
          </p>
        </div>
      )}
      <div className="form-field">
        <label htmlFor={`${id}-client`} className="form-field__label">
          Client ID
        </label>
        <input
          id={`${id}-client`}
          className="input"
          value={clientId}
          spellCheck={false}
          autoComplete="off"
          onChange={(event) => setClientId(event.target.value)}
          aria-invalid={errors.clientId ? true : undefined}
          aria-describedby={errors.clientId ? `${id}-client-error` : undefined}
          data-testid="client-id"
        />
        {errors.clientId && (
          <p id={`${id}-client-error`} className="form-field__error">
            <Icon name="triangle" />
            {errors.clientId}
          </p>
        )}
      </div>
      {setup.needsSecret && (
        <div className="form-field">
          <label htmlFor={`${id}-secret`} className="form-field__label">
            Client secret
          </label>
          <input
            id={`${id}-secret`}
            className="input"
            type="password"
            value={secret}
            autoComplete="off"
            onChange={(event) => setSecret(event.target.value)}
            aria-invalid={errors.secret ? true : undefined}
            aria-describedby={`${id}-secret-hint${errors.secret ? ` ${id}-secret-error` : ''}`}
            data-testid="client-secret"
          />
          <p id={`${id}-secret-hint`} className="form-field__hint">
            <span className="form-field__secret">
              <Icon name="lock" />
              Kept in your system keychain. {host} calls it a secret, but for desktop apps it only identifies
              your app.
            </span>
          </p>
          {errors.secret && (
            <p id={`${id}-secret-error`} className="form-field__error">
              <Icon name="triangle" />
              {errors.secret}
            </p>
          )}
        </div>
      )}
      <RequestError message={failure} />
      <div className="actions">
        <button
          type="submit"
          className="button button--primary"
          aria-disabled={pending}
          data-testid="client-setup-save"
        >
          {pending ? 'Saving…' : 'Save and sign in'}
        </button>
      </div>
    </form>
  );
}
