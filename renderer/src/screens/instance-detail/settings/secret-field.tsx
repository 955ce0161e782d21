import '../instance-detail.css';
import type { CatalogField } from '../../../../../electron/shared/contract';
import { Icon } from '../../../components/icon';

interface SecretFieldProps {
  field: CatalogField;
  /** The element id (the error summary and "Enter a new key" move focus to it). */
  id: string;
  value: string;
  /** The keychain has a value for it. */
  stored: boolean;
  error: string | undefined;
  onChange: (value: string) => void;
}

/**
 * A secret setting of a saved service: whether the keychain holds one, and a password input
 * to replace it. The stored value never comes to the window, so the input always starts empty
 * and empty means "keep it".
 */
export function SecretField({ field, id, value, stored, error, onChange }: SecretFieldProps) {
  const statusId = `${id}-status`;
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [statusId, field.description ? hintId : '', error ? errorId : '']
    .filter(Boolean)
    .join(' ');
  return (
    <div className="form-field" data-testid={`secret-field-${field.key}`}>
      <label htmlFor={id} className="form-field__label">
        {field.title}
        {!stored && field.required && <span className="form-field__required"> (required)</span>}
      </label>
      <p
        id={statusId}
        className={stored ? 'secret-status secret-status--stored' : 'secret-status'}
        data-testid={`secret-status-${field.key}`}
      >
        <Icon name="lock" />
        {stored
          ? 'Saved in your system keychain and never shown. Leave this empty to keep it.'
          : 'Not saved yet. It goes to your system keychain, never to a file.'}
      </p>
      <input
        id={id}
        className="input"
        type="password"
        value={value}
        // "Replace…" says what typing here does; the label says which secret.
        placeholder={stored ? 'Replace…' : undefined}
        autoComplete="new-password"
        spellCheck={false}
        aria-invalid={error ? true : undefined}
        aria-required={!stored && field.required ? true : undefined}
        aria-describedby={describedBy}
        onChange={(event) => onChange(event.target.value)}
        data-testid={`secret-${field.key}`}
      />
      {field.description && (
        <p id={hintId} className="form-field__hint">
          {field.description}
        </p>
      )}
      {error && (
        <p id={errorId} className="form-field__error" data-testid={`field-error-${field.key}`}>
          <Icon name="triangle" />
          {error}
        </p>
      )}
    </div>
  );
}
