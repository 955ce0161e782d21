import './clients.css';
import { useId, useRef, useState } from 'react';
import type { RefObject } from 'react';
import type {
  ClientApplied,
  ClientEntry,
  ClientInfo,
  InstanceSummary,
} from '../../../../electron/shared/contract';
import { useApi } from '../../api/api-context';
import { messageOf } from '../../api/error-message';
import { Icon } from '../../components/icon';
import { ModalDialog } from '../../components/modal-dialog';
import { instanceHref } from '../../routing/routes';
import { ApplyResult } from './apply-result';
import { commandLine, foreignEntries, looksSecret, plural } from './client-model';

function EnvNames({ names }: { names: readonly string[] }) {
  const labelId = useId();
  if (names.length === 0) return null;
  return (
    <div className="import-entry__env-area">
      <span id={labelId} className="import-entry__env-label">
        Variables:
      </span>
      <ul className="import-entry__env" aria-labelledby={labelId}>
        {names.map((name) => (
          <li key={name} className="import-entry__env-item">
            <code>{name}</code>
            {looksSecret(name) && (
              <span className="env-list__secret">
                <Icon name="lock" />
                moves to the keychain
              </span>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}

interface EntryOptionProps {
  entry: ClientEntry;
  checked: boolean;
  disabled: boolean;
  onChange: (checked: boolean) => void;
}

function EntryOption({ entry, checked, disabled, onChange }: EntryOptionProps) {
  const id = useId();
  const runsRemotely = entry.command === '';
  return (
    <li className="import-entry" data-testid="import-entry" data-name={entry.name}>
      <input
        id={id}
        type="checkbox"
        className="import-entry__checkbox"
        checked={checked}
        disabled={disabled || runsRemotely}
        aria-describedby={`${id}-command`}
        onChange={(event) => onChange(event.target.checked)}
      />
      <div className="import-entry__text">
        <label htmlFor={id} className="import-entry__name">
          {entry.name}
        </label>
        <p id={`${id}-command`} className="import-entry__command">
          {runsRemotely ? (
            'Runs on a server, not on this computer, so there is nothing for MCP Tray to run.'
          ) : (
            <code>{commandLine(entry)}</code>
          )}
        </p>
        <EnvNames names={entry.envNames} />
      </div>
    </li>
  );
}

interface Imported {
  imported: InstanceSummary[];
  applied: ClientApplied;
}

const importedText = (client: ClientInfo, { imported }: Imported): string =>
  imported.length === 0
    ? 'Nothing new to import: MCP Tray already runs those servers.'
    : `MCP Tray now runs ${plural(imported.length, 'server')} from ${client.name}:`;

function ImportResult({ client, result }: { client: ClientInfo; result: Imported }) {
  return (
    <div className="import-result" data-testid="import-result">
      <p>{importedText(client, result)}</p>
      {result.imported.length > 0 && (
        <ul className="import-result__list">
          {result.imported.map((instance) => (
            <li key={instance.id}>
              <a href={instanceHref(instance.id)}>{instance.name}</a>
            </li>
          ))}
        </ul>
      )}
      <ApplyResult applied={result.applied} />
    </div>
  );
}

interface ImportDialogProps {
  client: ClientInfo;
  onClose: () => void;
  /** After importing (services were added and the file written): reload what the screen shows. */
  onImported: () => void;
  returnFocus: RefObject<HTMLElement | null>;
}

/**
 * Adopting a client's own servers: the user picks which, MCP Tray adds each as a service and
 * rewrites the client's entries to run through it, then says what it did.
 */
export function ImportDialog({ client, onClose, onImported, returnFocus }: ImportDialogProps) {
  const api = useApi();
  const [entries] = useState(() => foreignEntries(client));
  const [chosen, setChosen] = useState<ReadonlySet<string>>(new Set());
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [result, setResult] = useState<Imported | null>(null);
  const cancel = useRef<HTMLButtonElement>(null);
  const hintId = useId();
  const anySecret = entries.some((entry) => entry.envNames.some(looksSecret));

  const choose = (name: string, checked: boolean) =>
    setChosen((current) => {
      const next = new Set(current);
      if (checked) next.add(name);
      else next.delete(name);
      return next;
    });

  const run = async () => {
    if (pending || chosen.size === 0) return;
    setPending(true);
    setError(null);
    try {
      const names = entries.filter((entry) => chosen.has(entry.name)).map((entry) => entry.name);
      setResult(await api.importClientServers({ client: client.id, names }));
      onImported();
    } catch (failure) {
      setError(messageOf(failure));
    } finally {
      setPending(false);
    }
  };

  const count = chosen.size;
  const done = result !== null;
  return (
    <ModalDialog
      title={done ? `Imported from ${client.name}` : `Import servers from ${client.name}`}
      onCancel={onClose}
      busy={pending}
      initialFocus={cancel}
      returnFocus={returnFocus}
      wide
      testId="import-dialog"
      actions={
        <>
          {!done && (
            <button
              key="cancel"
              ref={cancel}
              type="button"
              className="button"
              onClick={onClose}
              disabled={pending}
            >
              Cancel
            </button>
          )}
          {/* Keyed, so Import turns into Done in place and keeps focus. */}
          <button
            key="confirm"
            type="button"
            className="button button--primary"
            aria-disabled={!done && (pending || count === 0)}
            aria-describedby={!done && count === 0 ? hintId : undefined}
            onClick={done ? onClose : () => void run()}
            data-testid="import-confirm"
          >
            {done ? 'Done' : pending ? 'Importing…' : count > 1 ? `Import ${count} servers` : 'Import'}
          </button>
        </>
      }
    >
      {result ? (
        <ImportResult client={client} result={result} />
      ) : (
        <>
          <p className="muted">
            Each server you choose becomes a service in MCP Tray, which runs it and shows its status.{' '}
            {client.name}’s file is changed to start it through MCP Tray; a backup of the file is kept.
          </p>
          <fieldset className="import-entries" disabled={pending}>
            <legend className="import-entries__legend">Servers {client.name} runs itself</legend>
            <ul className="import-entries__list">
              {entries.map((entry) => (
                <EntryOption
                  key={entry.name}
                  entry={entry}
                  checked={chosen.has(entry.name)}
                  disabled={pending}
                  onChange={(checked) => choose(entry.name, checked)}
                />
              ))}
            </ul>
          </fieldset>
          {anySecret && (
            <p className="note" data-testid="import-secrets-note">
              <Icon name="lock" />
              <span>
                Values of variables that look secret (tokens, keys, passwords) move to the system keychain.
                They leave {client.name}’s file, and MCP Tray’s backups of that file keep a marker in their
                place; only you can read the backups. Other values move to MCP Tray’s settings. None of them
                are shown here.
              </span>
            </p>
          )}
          <p id={hintId} className="muted" hidden={count > 0}>
            Choose at least one server to import.
          </p>
          {error && (
            <p className="inline-error" role="alert" data-testid="import-error">
              {error}
            </p>
          )}
        </>
      )}
      <p className="visually-hidden" role="status">
        {pending ? 'Importing…' : result ? importedText(client, result) : ''}
      </p>
    </ModalDialog>
  );
}
