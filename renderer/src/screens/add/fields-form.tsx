import { useId, useRef, useState } from 'react';
import type { FormEvent, ReactNode } from 'react';
import type { CatalogField } from '../../../../electron/shared/contract';
import { useRequest } from '../../api/use-request';
import { ConfigFields, fieldInputId } from './config-fields';
import type { FieldErrors, FieldValue, FieldValues } from './field-values';
import { initialValues, validateFields } from './field-values';
import type { SummaryItem } from './form-parts';
import { ErrorSummary, RequestError } from './form-parts';

/** What the parts of the form after the fields may show. */
interface FieldsFormState {
  values: FieldValues;
  /** The user has tried to submit: problems show from now on. */
  submitted: boolean;
}

interface FieldsFormProps {
  fields: readonly CatalogField[];
  /** Problems with controls outside `fields`, listed first; any of them stops the submit. */
  problems?: readonly SummaryItem[];
  /** Shown above the fields. */
  intro?: ReactNode;
  /** Shown below the fields: more controls, and what will run with these values. */
  children?: (state: FieldsFormState) => ReactNode;
  /** The button that confirms: adding is what first runs the command. */
  submitLabel: string;
  pendingLabel: string;
  /** Called with valid values only; a rejection shows as the core's message above the button. */
  onSend: (values: FieldValues) => Promise<void>;
}

/**
 * An install's settings form: the fields, their checks and error summary, and the submit button,
 * which is the user's confirmation (nothing runs before it).
 */
export function FieldsForm({
  fields,
  problems = [],
  intro,
  children,
  submitLabel,
  pendingLabel,
  onSend,
}: FieldsFormProps) {
  const prefix = useId();
  const [values, setValues] = useState<FieldValues>(() => initialValues(fields));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [submitted, setSubmitted] = useState(false);
  const { pending, failure, run } = useRequest();
  const summary = useRef<HTMLDivElement>(null);

  const summaryItems = submitted
    ? [
        ...problems,
        ...fields
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
    const found = validateFields(fields, values);
    setErrors(found);
    if (problems.length > 0 || Object.keys(found).length > 0) {
      // After React has rendered the summary.
      requestAnimationFrame(() => summary.current?.focus());
      return;
    }
    await run(() => onSend(values));
  };

  return (
    <form
      className="add-form"
      noValidate
      onSubmit={(event) => void submit(event)}
      data-testid="configure-form"
    >
      <ErrorSummary ref={summary} items={summaryItems} />
      {intro}
      <ConfigFields
        fields={fields}
        values={values}
        errors={errors}
        idPrefix={prefix}
        onChange={change}
        onCheck={check}
      />
      {children?.({ values, submitted })}
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
  );
}
