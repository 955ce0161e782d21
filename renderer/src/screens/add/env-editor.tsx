import './add.css';
import { useRef } from 'react';
import { Icon } from '../../components/icon';
import type { EnvErrors, EnvRow } from './custom-model';
import { withSecretGuess } from './custom-model';

/** Element ids of a row's controls, so the error summary can move focus to them. */
export const envNameId = (prefix: string, key: number) => `${prefix}-env-${key}-name`;
export const envValueId = (prefix: string, key: number) => `${prefix}-env-${key}-value`;

interface EnvEditorProps {
  rows: readonly EnvRow[];
  errors: EnvErrors;
  idPrefix: string;
  onChange: (rows: EnvRow[]) => void;
  /** A fresh row key (unique within the form). */
  nextKey: () => number;
}

/**
 * Environment variables as name/value rows; each can be marked secret (its value then goes to
 * the keychain and is typed into a password field). Secret is guessed from names like API_KEY.
 */
export function EnvEditor({ rows, errors, idPrefix, onChange, nextKey }: EnvEditorProps) {
  const addButton = useRef<HTMLButtonElement>(null);
  const update = (key: number, change: Partial<EnvRow>) =>
    onChange(
      rows.map((row) => {
        if (row.key !== key) return row;
        const next = { ...row, ...change };
        return change.name === undefined ? next : withSecretGuess(next);
      }),
    );

  const add = () => {
    const key = nextKey();
    onChange([...rows, { key, name: '', value: '', secret: false, secretChosen: false }]);
    // After React has rendered the new row.
    requestAnimationFrame(() => document.getElementById(envNameId(idPrefix, key))?.focus());
  };
  const remove = (key: number) => {
    onChange(rows.filter((row) => row.key !== key));
    addButton.current?.focus();
  };

  return (
    <fieldset className="env-editor" data-testid="env-editor">
      <legend>Environment variables</legend>
      <p className="form-field__hint">
        Settings the server reads from its environment. Mark API keys and tokens as secret: they go to your
        system keychain, never to a file.
      </p>
      {rows.length > 0 && (
        <ul className="env-editor__rows">
          {rows.map((row, index) => {
            const error = errors[row.key];
            const nameId = envNameId(idPrefix, row.key);
            const valueId = envValueId(idPrefix, row.key);
            return (
              <li key={row.key} className="env-row" data-testid="env-row">
                <div className="env-row__field">
                  <label htmlFor={nameId} className="form-field__label">
                    Name <span className="visually-hidden">of variable {index + 1}</span>
                  </label>
                  <input
                    id={nameId}
                    className="input env-row__name"
                    value={row.name}
                    spellCheck={false}
                    autoComplete="off"
                    placeholder="API_KEY"
                    aria-invalid={error?.name ? true : undefined}
                    aria-describedby={error?.name ? `${nameId}-error` : undefined}
                    onChange={(event) => update(row.key, { name: event.target.value })}
                    data-testid="env-name"
                  />
                </div>
                <div className="env-row__field">
                  <label htmlFor={valueId} className="form-field__label">
                    Value <span className="visually-hidden">of variable {index + 1}</span>
                  </label>
                  <input
                    id={valueId}
                    className="input"
                    type={row.secret ? 'password' : 'text'}
                    value={row.value}
                    spellCheck={false}
                    autoComplete="off"
                    aria-invalid={error?.value ? true : undefined}
                    aria-describedby={error?.value ? `${valueId}-error` : undefined}
                    onChange={(event) => update(row.key, { value: event.target.value })}
                    data-testid="env-value"
                  />
                </div>
                <label className="check env-row__secret">
                  <input
                    type="checkbox"
                    checked={row.secret}
                    onChange={(event) =>
                      update(row.key, { secret: event.target.checked, secretChosen: true })
                    }
                    data-testid="env-secret"
                  />
                  <span>
                    <Icon name="lock" />
                    Secret <span className="visually-hidden">(variable {index + 1})</span>
                  </span>
                </label>
                <button
                  type="button"
                  className="button button--small button--icon env-row__remove"
                  onClick={() => remove(row.key)}
                  aria-label={`Remove variable ${row.name.trim() || index + 1}`}
                  data-testid="env-remove"
                >
                  <Icon name="close" />
                </button>
                {error?.name && (
                  <p id={`${nameId}-error`} className="form-field__error env-row__error">
                    <Icon name="triangle" />
                    {error.name}
                  </p>
                )}
                {error?.value && (
                  <p id={`${valueId}-error`} className="form-field__error env-row__error">
                    <Icon name="triangle" />
                    {error.value}
                  </p>
                )}
              </li>
            );
          })}
        </ul>
      )}
      <div>
        <button
          ref={addButton}
          type="button"
          className="button button--small"
          onClick={add}
          data-testid="env-add"
        >
          <Icon name="add" />
          Add a variable
        </button>
      </div>
    </fieldset>
  );
}
