import type { CatalogField } from '../../../../electron/shared/contract';
import { Icon } from '../../components/icon';
import type { FieldErrors, FieldValue, FieldValues } from './field-values';
import { fieldError } from './field-values';

/** Stable element ids per field, so the error summary can link to a control. */
export const fieldInputId = (prefix: string, key: string): string => `${prefix}-${key}`;

interface FieldProps {
  field: CatalogField;
  value: FieldValue | undefined;
  error: string | undefined;
  idPrefix: string;
  onChange: (value: FieldValue) => void;
  onBlur: (error: string | null) => void;
}

const placeholder = (field: CatalogField): string | undefined => {
  if (field.type === 'directory')
    return field.multiple ? 'One folder per line, e.g. ~/Documents' : '/path/to/folder';
  if (field.type === 'file') return '/path/to/file';
  if (field.multiple) return 'One value per line';
  return undefined;
};

function Field({ field, value, error, idPrefix, onChange, onBlur }: FieldProps) {
  const id = fieldInputId(idPrefix, field.key);
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [field.description || field.sensitive ? hintId : '', error ? errorId : '']
    .filter(Boolean)
    .join(' ');
  const common = {
    id,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': describedBy || undefined,
    'aria-required': field.required || undefined,
    'data-testid': `field-${field.key}`,
  };
  const text = typeof value === 'string' ? value : '';
  const check = (next: FieldValue) => onBlur(fieldError(field, next));

  if (field.type === 'boolean') {
    return (
      <div className="form-field form-field--check">
        <label className="check">
          <input
            type="checkbox"
            checked={value === true}
            onChange={(e) => onChange(e.target.checked)}
            {...common}
          />
          <span>{field.title}</span>
        </label>
        {field.description && (
          <p id={hintId} className="form-field__hint">
            {field.description}
          </p>
        )}
      </div>
    );
  }

  return (
    <div className="form-field">
      <label htmlFor={id} className="form-field__label">
        {field.title}
        {field.required ? (
          <span className="form-field__required"> (required)</span>
        ) : (
          <span className="form-field__optional"> (optional)</span>
        )}
      </label>
      {field.multiple ? (
        <textarea
          className="input textarea"
          rows={3}
          value={text}
          placeholder={placeholder(field)}
          spellCheck={false}
          onChange={(e) => onChange(e.target.value)}
          onBlur={(e) => check(e.target.value)}
          {...common}
        />
      ) : (
        <input
          className="input"
          type={field.sensitive ? 'password' : field.type === 'number' ? 'number' : 'text'}
          inputMode={field.type === 'number' ? 'decimal' : undefined}
          min={field.min ?? undefined}
          max={field.max ?? undefined}
          value={text}
          placeholder={placeholder(field)}
          autoComplete={field.sensitive ? 'off' : undefined}
          spellCheck={false}
          onChange={(e) => onChange(e.target.value)}
          onBlur={(e) => check(e.target.value)}
          {...common}
        />
      )}
      {(field.description || field.sensitive) && (
        <p id={hintId} className="form-field__hint">
          {field.description}
          {field.sensitive && (
            <span className="form-field__secret">
              <Icon name="lock" />
              Kept in your system keychain; never written to a file or shown again.
            </span>
          )}
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

interface ConfigFieldsProps {
  fields: readonly CatalogField[];
  values: FieldValues;
  errors: FieldErrors;
  idPrefix: string;
  onChange: (key: string, value: FieldValue) => void;
  /** After leaving a field: its current problem (or null), so errors clear as soon as fixed. */
  onCheck: (key: string, error: string | null) => void;
}

/** An integration's settings (MCPB `user_config`), one labelled control per field. */
export function ConfigFields({ fields, values, errors, idPrefix, onChange, onCheck }: ConfigFieldsProps) {
  return (
    <>
      {fields.map((field) => (
        <Field
          key={field.key}
          field={field}
          value={values[field.key]}
          error={errors[field.key]}
          idPrefix={idPrefix}
          onChange={(value) => onChange(field.key, value)}
          onBlur={(error) => onCheck(field.key, error)}
        />
      ))}
    </>
  );
}
