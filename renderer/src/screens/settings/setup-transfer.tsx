import { useState } from 'react';
import type { ImportReview } from '../../../../electron/shared/contract';
import { useApi } from '../../api/api-context';
import { messageOf } from '../../api/error-message';
import { CopyButton } from '../../components/copy-button';

type ImportState =
  | { status: 'idle' }
  | { status: 'review'; text: string; review: ImportReview }
  | { status: 'done'; added: string[] };

/** Lets the browser save a text as a file (the page never touches the disk itself). */
function download(text: string, name: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.click();
  URL.revokeObjectURL(url);
}

/** Review of an import: exactly what will run, and a hidden field for each secret. */
function ReviewForm({
  review,
  onImport,
  onCancel,
}: {
  review: ImportReview;
  onImport: (secrets: Record<string, Record<string, string>>) => void;
  onCancel: () => void;
}) {
  const [secrets, setSecrets] = useState<Record<string, Record<string, string>>>({});
  const set = (id: string, field: string, value: string) =>
    setSecrets((s) => ({ ...s, [id]: { ...s[id], [field]: value } }));
  return (
    <form
      data-testid="import-review"
      onSubmit={(event) => {
        event.preventDefault();
        onImport(secrets);
      }}
    >
      <p>This file would add:</p>
      <ul>
        {review.services
          .filter((s) => !s.exists)
          .map((s) => (
            <li key={s.id} data-testid="import-item">
              <strong>{s.name}</strong> ({s.id}
              {s.version ? `, version ${s.version}` : ''}):{' '}
              <code>{s.kind === 'remote' ? s.command : [s.command, ...s.args].join(' ')}</code>
              {s.envNames.length > 0 && <span className="muted"> variables: {s.envNames.join(', ')}</span>}
              {s.secretFields.map((field) => (
                <label key={field} className="inline-form__row">
                  {field} (kept in the keychain){' '}
                  <input
                    type="password"
                    autoComplete="off"
                    required
                    value={secrets[s.id]?.[field] ?? ''}
                    onChange={(e) => set(s.id, field, e.target.value)}
                  />
                </label>
              ))}
            </li>
          ))}
      </ul>
      {review.profiles.length > 0 && <p>Profiles: {review.profiles.join(', ')}</p>}
      {review.notes.map((note) => (
        <p key={note} className="muted">
          {note}
        </p>
      ))}
      <div className="inline-form__row">
        <button type="submit" className="button button--primary" data-testid="import-confirm">
          Import
        </button>
        <button type="button" className="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}

/** Settings → Move your setup: export a file without secrets; import one after a review. */
export function SetupTransfer() {
  const api = useApi();
  const [error, setError] = useState<string | null>(null);
  const [exported, setExported] = useState<string | null>(null);
  const [state, setState] = useState<ImportState>({ status: 'idle' });
  const fail = (e: unknown) => setError(messageOf(e));
  return (
    <div className="details__card" data-testid="setup-transfer">
      <p>
        Moves your services, their settings, profiles and client choices to another computer. The file holds
        no password, token or key: on the other computer you type them again.
      </p>
      <div className="inline-form__row">
        <button
          type="button"
          className="button"
          data-testid="setup-export"
          onClick={() => {
            setError(null);
            api.exportSetup({}).then(({ text }) => {
              setExported(text);
              download(text, 'mcp-tray-setup.json');
            }, fail);
          }}
        >
          Export setup
        </button>
        <label className="button">
          Import setup…
          <input
            type="file"
            accept="application/json,.json"
            className="visually-hidden"
            data-testid="setup-import-file"
            onChange={(event) => {
              const file = event.target.files?.[0];
              if (!file) return;
              setError(null);
              void file
                .text()
                .then(
                  (text) =>
                    api
                      .planImport({ text })
                      .then((review) => setState({ status: 'review', text, review }), fail),
                  fail,
                );
            }}
          />
        </label>
      </div>
      {exported && (
        <p role="status" data-testid="setup-exported">
          Saved as mcp-tray-setup.json in your downloads.{' '}
          <CopyButton text={exported} label="Copy the file's text" />
        </p>
      )}
      {state.status === 'review' && (
        <ReviewForm
          review={state.review}
          onCancel={() => setState({ status: 'idle' })}
          onImport={(secrets) =>
            void api
              .applyImport({ text: state.text, secrets })
              .then(({ added }) => setState({ status: 'done', added }), fail)
          }
        />
      )}
      {state.status === 'done' && (
        <p role="status" data-testid="import-done">
          {state.added.length ? `Imported ${state.added.join(', ')}.` : 'Nothing new was added.'}
        </p>
      )}
      {error && (
        <p className="inline-error" role="alert" data-testid="setup-error">
          {error}
        </p>
      )}
    </div>
  );
}
