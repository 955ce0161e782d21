import '../instance-detail.css';
import { useCallback, useEffect, useId, useRef, useState } from 'react';
import type { FormEvent } from 'react';
import type { CatalogEntry, InstanceDetail } from '../../../../../electron/shared/contract';
import { useApi } from '../../../api/api-context';
import { useRequest } from '../../../api/use-request';
import type { Loader } from '../../../api/use-api-data';
import { useApiData } from '../../../api/use-api-data';
import { Icon } from '../../../components/icon';
import { ErrorState, LoadingState } from '../../../components/load-states';
import { ConfigFields, fieldInputId } from '../../add/config-fields';
import type { FieldErrors, FieldValue, FieldValues } from '../../add/field-values';
import { initialValues } from '../../add/field-values';
import { ErrorSummary, RequestError } from '../../add/form-parts';
import { SecretField } from './secret-field';
import { hasChanges, settingsChanges, settingsErrors } from './settings-values';

interface IntegrationSettingsProps {
  instance: InstanceDetail;
  refresh: () => Promise<void>;
  /** Bumped to move focus to the first secret field ("Enter a new key"); 0 = never asked. */
  focusRequest: number;
}

interface SettingsFormProps extends IntegrationSettingsProps {
  entry: CatalogEntry;
}

/** Secret values typed in are forgotten once saved: the keychain has them now. */
const withoutSecrets = (entry: CatalogEntry, values: FieldValues): FieldValues => {
  const next = { ...values };
  for (const field of entry.fields) if (field.sensitive) next[field.key] = '';
  return next;
};

function SettingsForm({ entry, instance, refresh, focusRequest }: SettingsFormProps) {
  const api = useApi();
  const prefix = useId();
  const secretFields = entry.fields.filter((field) => field.sensitive);
  const plainFields = entry.fields.filter((field) => !field.sensitive);
  const stored = instance.secretFields ?? [];
  // Set once: the detail refreshes every few seconds and must not undo what is being typed.
  const [before, setBefore] = useState(() => initialValues(entry.fields, instance.userConfig));
  const [values, setValues] = useState(before);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [submitted, setSubmitted] = useState(false);
  const { pending, failure, run } = useRequest();
  const [saved, setSaved] = useState<{ text: string; changed: boolean } | null>(null);
  const summary = useRef<HTMLDivElement>(null);

  const first = secretFields[0] ?? entry.fields[0];
  const firstId = first ? fieldInputId(prefix, first.key) : null;
  // On each new request only (ids are stable), not whenever the form re-renders.
  useEffect(() => {
    if (focusRequest > 0 && firstId) document.getElementById(firstId)?.focus();
  }, [focusRequest, firstId]);

  const change = (key: string, value: FieldValue) => {
    setSaved(null);
    setValues((current) => ({ ...current, [key]: value }));
  };
  // As in the add flow: a fixed problem goes at once, a new one shows only after a Save.
  const check = (key: string, error: string | null) =>
    setErrors(({ [key]: _old, ...rest }) => (error && submitted ? { ...rest, [key]: error } : rest));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (pending) return;
    setSubmitted(true);
    setSaved(null);
    const found = settingsErrors(entry.fields, values, before, stored);
    setErrors(found);
    if (Object.keys(found).length > 0) {
      requestAnimationFrame(() => summary.current?.focus());
      return;
    }
    const changes = settingsChanges(entry.fields, before, values);
    if (!hasChanges(changes)) {
      setSaved({ text: 'Nothing to save: no setting was changed.', changed: false });
      return;
    }
    await run(
      async () => {
        await api.updateInstanceSettings({ id: instance.id, ...changes });
        const next = withoutSecrets(entry, values);
        setBefore(next);
        setValues(next);
        setSubmitted(false);
        setSaved({ text: `Saved. ${instance.name} restarts to use the change.`, changed: true });
        await refresh();
      },
      { settle: true },
    );
  };

  const shown = [...secretFields, ...plainFields];
  const summaryItems = submitted
    ? shown
        .filter((field) => errors[field.key])
        .map((field) => ({ target: fieldInputId(prefix, field.key), message: errors[field.key]! }))
    : [];

  return (
    <form
      className="details__card service-settings"
      noValidate
      onSubmit={(event) => void submit(event)}
      data-testid="service-settings-form"
    >
      <ErrorSummary ref={summary} items={summaryItems} />
      {secretFields.map((field) => (
        <SecretField
          key={field.key}
          field={field}
          id={fieldInputId(prefix, field.key)}
          value={typeof values[field.key] === 'string' ? (values[field.key] as string) : ''}
          stored={stored.includes(field.key)}
          error={errors[field.key]}
          onChange={(value) => change(field.key, value)}
        />
      ))}
      <ConfigFields
        fields={plainFields}
        values={values}
        errors={errors}
        idPrefix={prefix}
        onChange={change}
        onCheck={check}
      />
      <RequestError message={failure} testId="service-settings-error" />
      <div className="actions">
        <button
          type="submit"
          className="button button--primary"
          aria-disabled={pending}
          aria-describedby={`${prefix}-restart`}
          data-testid="service-settings-save"
        >
          {pending ? 'Saving…' : 'Save'}
        </button>
        {/* Beside the button, so the message appearing moves nothing. */}
        <p
          className={
            saved?.changed === false
              ? 'service-settings__saved service-settings__saved--none'
              : 'service-settings__saved'
          }
          role="status"
          data-testid="service-settings-status"
        >
          {saved && (
            <>
              <Icon name={saved.changed ? 'check' : 'info'} />
              {saved.text}
            </>
          )}
        </p>
      </div>
      <p id={`${prefix}-restart`} className="form-field__hint">
        Saving restarts {instance.name} so it uses the new values.
      </p>
    </form>
  );
}

const formKey = (entry: CatalogEntry, version: string | undefined): string =>
  [entry.id, version ?? '', ...entry.fields.map((field) => field.key)].join('\n');

/**
 * A catalog or bundle service's own settings (MCPB `user_config`): plain ones editable with the add
 * flow's fields and checks, secret ones as "Replace…" inputs that never show the stored value.
 * Save sends only what changed (`updateInstanceSettings`); the core restarts the server.
 * Nothing for custom commands or integrations without settings.
 */
export function IntegrationSettings(props: IntegrationSettingsProps) {
  const { id } = props.instance;
  // Asked by service, not found in the catalog: a bundle's fields are in its own manifest.
  // Asked again after a registry update or rollback: another version may have other fields.
  const version = props.instance.registry?.version;
  const load = useCallback<Loader<CatalogEntry | null>>(
    (api) => api.getInstanceIntegration({ id }),
    [id, version],
  );
  const { state, retry } = useApiData(load);
  const headingId = useId();
  const entry = state.status === 'ready' ? state.data : undefined;
  if (state.status === 'ready' && (!entry || entry.fields.length === 0)) return null;
  return (
    <section className="details" aria-labelledby={headingId} data-testid="service-settings">
      <h2 id={headingId} className="details__title">
        Service settings
      </h2>
      {state.status === 'loading' && <LoadingState label="Loading its settings…" />}
      {state.status === 'error' && (
        <ErrorState title="Couldn't load its settings." message={state.message} onRetry={retry} />
      )}
      {/* Another version or other fields start a new form, with the values saved for them. */}
      {entry && <SettingsForm key={formKey(entry, version)} entry={entry} {...props} />}
    </section>
  );
}
