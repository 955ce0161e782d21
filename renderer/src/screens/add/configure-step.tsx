import { useId, useRef, useState } from 'react';
import type { FormEvent } from 'react';
import type { CatalogEntry } from '../../../../electron/shared/contract';
import { messageOf } from '../../api/error-message';
import { RuntimeHints } from '../catalog/entry-parts';
import { ConfigFields, fieldInputId } from './config-fields';
import type { FieldErrors, FieldValue, FieldValues } from './field-values';
import { initialValues, previewArgs, toRequest, validateFields } from './field-values';
import { ErrorSummary, RequestError } from './form-parts';
import { LaunchPreview } from './launch-preview';
import { StepFrame } from './step-frame';

export interface ConfigureResult {
  /** Only when the user changed it; the core names the service after the integration otherwise. */
  name?: string;
  userConfig: Record<string, string | number | boolean | string[]>;
  secrets: Record<string, string>;
}

interface ConfigureStepProps {
  entry: CatalogEntry;
  /** The button that confirms: adding is what first runs the command. */
  submitLabel: string;
  pendingLabel: string;
  onSubmit: (result: ConfigureResult) => Promise<void>;
  focus?: boolean;
}

/**
 * The integration's settings (if any), a name, and exactly what will run with those values;
 * the submit button is the user's confirmation, and nothing runs before it.
 */
export function ConfigureStep({
  entry,
  submitLabel,
  pendingLabel,
  onSubmit,
  focus = false,
}: ConfigureStepProps) {
  const prefix = useId();
  const nameId = `${prefix}-name`;
  // Only a service you sign in to (an account, a token, an API key) can have a second account.
  const hasAccounts = entry.auth !== 'none';
  const [values, setValues] = useState<FieldValues>(() => initialValues(entry.fields));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [name, setName] = useState(entry.name);
  const [submitted, setSubmitted] = useState(false);
  const [pending, setPending] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const summary = useRef<HTMLDivElement>(null);

  const nameError = name.trim() === '' ? 'Enter a name, such as the one you would call it by.' : null;
  const summaryItems = submitted
    ? [
        ...(nameError ? [{ target: nameId, message: nameError }] : []),
        ...entry.fields
          .filter((field) => errors[field.key])
          .map((field) => ({ target: fieldInputId(prefix, field.key), message: errors[field.key]! })),
      ]
    : [];

  const change = (key: string, value: FieldValue) => setValues((current) => ({ ...current, [key]: value }));
  // After leaving a field: a fixed problem goes at once; a new one shows only once the user has
  // tried to continue (a message appearing on blur would move the button being clicked).
  const check = (key: string, error: string | null) =>
    setErrors(({ [key]: _old, ...rest }) => (error && submitted ? { ...rest, [key]: error } : rest));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (pending) return;
    setSubmitted(true);
    const found = validateFields(entry.fields, values);
    setErrors(found);
    if (nameError || Object.keys(found).length > 0) {
      // After React has rendered the summary.
      requestAnimationFrame(() => summary.current?.focus());
      return;
    }
    setPending(true);
    setFailure(null);
    try {
      const trimmed = name.trim();
      await onSubmit({
        ...toRequest(entry.fields, values),
        ...(trimmed !== entry.name ? { name: trimmed } : {}),
      });
    } catch (error) {
      setFailure(messageOf(error));
      setPending(false);
    }
  };

  const launch = { ...entry.launch, args: previewArgs(entry.launch.args, entry.fields, values) };
  return (
    <StepFrame
      title={entry.fields.length > 0 ? 'Settings' : 'Check and confirm'}
      focus={focus}
      testId="step-configure"
    >
      <form
        className="add-form"
        noValidate
        onSubmit={(event) => void submit(event)}
        data-testid="configure-form"
      >
        <ErrorSummary ref={summary} items={summaryItems} />
        <RuntimeHints entry={entry} />
        <ConfigFields
          fields={entry.fields}
          values={values}
          errors={errors}
          idPrefix={prefix}
          onChange={change}
          onCheck={check}
        />
        <div className="form-field">
          <label htmlFor={nameId} className="form-field__label">
            Name in MCP Tray
          </label>
          <input
            id={nameId}
            className="input"
            value={name}
            maxLength={200}
            onChange={(event) => setName(event.target.value)}
            aria-describedby={hasAccounts ? `${nameId}-hint` : undefined}
            aria-invalid={submitted && nameError ? true : undefined}
            data-testid="field-name"
          />
          {hasAccounts && (
            <p id={`${nameId}-hint`} className="form-field__hint" data-testid="second-account-hint">
              Connecting a second account? Give each its own name, such as “{entry.name} (work)”.
            </p>
          )}
        </div>
        <LaunchPreview launch={launch} />
        <RequestError message={failure} />
        <div className="actions">
          <button
            type="submit"
            className="button button--primary"
            aria-disabled={pending}
            data-testid="add-confirm"
          >
            {pending ? pendingLabel : submitLabel}
          </button>
        </div>
      </form>
    </StepFrame>
  );
}
