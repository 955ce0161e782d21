import { useId, useMemo, useRef, useState } from 'react';
import type { FormEvent } from 'react';
import type { RegistryOption } from '../../../../electron/shared/contract';
import { messageOf } from '../../api/error-message';
import { ConfigFields, fieldInputId } from '../add/config-fields';
import type { FieldErrors, FieldValue, FieldValues } from '../add/field-values';
import { initialValues, validateFields } from '../add/field-values';
import { ErrorSummary, RequestError } from '../add/form-parts';
import { LaunchPreview } from '../add/launch-preview';
import { asCatalogField, secretEnvNames, toInstallValues } from './registry-fields';

export interface RegistryInstallValues {
  values: Record<string, string>;
  secrets: Record<string, string>;
}

interface Props {
  option: RegistryOption;
  submitLabel: string;
  onSubmit: (result: RegistryInstallValues) => Promise<void>;
}

/**
 * One install option's values (secrets in password inputs, sent only as `secrets`) and the exact
 * command the core will run; the submit button is the confirmation, nothing runs before it.
 */
export function RegistryConfigure({ option, submitLabel, onSubmit }: Props) {
  const prefix = useId();
  const fields = useMemo(() => option.fields.map(asCatalogField), [option]);
  const [values, setValues] = useState<FieldValues>(() => initialValues(fields));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [submitted, setSubmitted] = useState(false);
  const [pending, setPending] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const summary = useRef<HTMLDivElement>(null);

  const summaryItems = submitted
    ? fields
        .filter((field) => errors[field.key])
        .map((field) => ({ target: fieldInputId(prefix, field.key), message: errors[field.key]! }))
    : [];
  const change = (key: string, value: FieldValue) => setValues((current) => ({ ...current, [key]: value }));
  const check = (key: string, error: string | null) =>
    setErrors(({ [key]: _old, ...rest }) => (error && submitted ? { ...rest, [key]: error } : rest));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (pending) return;
    setSubmitted(true);
    const found = validateFields(fields, values);
    setErrors(found);
    if (Object.keys(found).length > 0) {
      requestAnimationFrame(() => summary.current?.focus());
      return;
    }
    setPending(true);
    setFailure(null);
    try {
      await onSubmit(toInstallValues(fields, values));
    } catch (error) {
      setFailure(messageOf(error));
      setPending(false);
    }
  };

  return (
    <form className="add-form" noValidate onSubmit={(e) => void submit(e)} data-testid="configure-form">
      <ErrorSummary ref={summary} items={summaryItems} />
      <ConfigFields
        fields={fields}
        values={values}
        errors={errors}
        idPrefix={prefix}
        onChange={change}
        onCheck={check}
      />
      {option.preview ? (
        <LaunchPreview launch={{ ...option.preview, secretEnvNames: secretEnvNames(option) }} />
      ) : (
        <p className="note" data-testid="launch-unknown">
          {option.type === 'remote'
            ? `MCP Tray connects to ${option.identifier}; nothing runs on this computer.`
            : 'The exact command depends on the values above; the core builds it from this pinned version.'}
        </p>
      )}
      <RequestError message={failure} />
      <div className="actions">
        <button
          type="submit"
          className="button button--primary"
          aria-disabled={pending}
          data-testid="add-confirm"
        >
          {pending ? 'Adding…' : submitLabel}
        </button>
      </div>
    </form>
  );
}
