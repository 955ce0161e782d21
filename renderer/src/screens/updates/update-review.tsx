import './updates.css';
import { useId, useMemo, useState } from 'react';
import type { LaunchPreview, UpdatePlan } from '../../../../electron/shared/contract';
import { useRequest } from '../../api/use-request';
import { ConfigFields } from '../add/config-fields';
import type { FieldErrors, FieldValue, FieldValues } from '../add/field-values';
import { initialValues, validateFields } from '../add/field-values';
import { RequestError } from '../add/form-parts';
import { formatCommandLine } from '../format';
import { asCatalogField, toInstallValues } from '../registry/registry-fields';

/** One before/after row; unchanged ones say so, so the user sees what was compared. */
function Change({ label, before, after }: { label: string; before: string; after: string }) {
  const same = before === after;
  return (
    <div className="details__row" data-testid={`update-change-${label.toLowerCase()}`}>
      <dt>{label}</dt>
      <dd>
        {same ? (
          <>
            <code>{after || '(none)'}</code> <span className="muted">(unchanged)</span>
          </>
        ) : (
          <>
            <del>
              <code>{before || '(none)'}</code>
            </del>{' '}
            →{' '}
            <ins>
              <code>{after || '(none)'}</code>
            </ins>
          </>
        )}
      </dd>
    </div>
  );
}

const list = (names: readonly string[]): string => (names.length === 0 ? 'none' : names.join(', '));

function ToolChanges({ plan }: { plan: UpdatePlan }) {
  if (!plan.tools) {
    return (
      <p className="muted">{plan.toolsNote ?? 'Tools were not compared: the new version was not tried.'}</p>
    );
  }
  return (
    <ul className="update-tools" data-testid="update-tools">
      <li>Tools added: {list(plan.tools.added)}</li>
      <li>Tools removed: {list(plan.tools.removed)}</li>
      <li>Tools changed: {list(plan.tools.changed)}</li>
    </ul>
  );
}

const args = ({ args: [first, ...rest] }: LaunchPreview): string =>
  first === undefined ? '' : formatCommandLine(first, rest);

interface Props {
  plan: UpdatePlan;
  onApply: (values: Record<string, string>, secrets: Record<string, string>) => Promise<void>;
  onCancel: () => void;
}

/** What the update changes (command, arguments, variables, tools); it applies only on confirm. */
export function UpdateReview({ plan, onApply, onCancel }: Props) {
  const prefix = useId();
  const fields = useMemo(() => plan.missing.map(asCatalogField), [plan]);
  const [values, setValues] = useState<FieldValues>(() => initialValues(fields));
  const [errors, setErrors] = useState<FieldErrors>({});
  const { pending, failure, run } = useRequest();

  const apply = async () => {
    const found = validateFields(fields, values);
    setErrors(found);
    if (Object.keys(found).length > 0 || pending) return;
    await run(() => {
      const given = toInstallValues(fields, values);
      return onApply(given.values, given.secrets);
    });
  };

  return (
    <section className="update-review" aria-labelledby={`${prefix}-title`} data-testid="update-review">
      <h3 id={`${prefix}-title`}>
        Review the update of {plan.name}: {plan.from} → {plan.to}
      </h3>
      <dl className="details__list">
        <Change label="Program" before={plan.before.command} after={plan.after.command} />
        <Change label="Arguments" before={args(plan.before)} after={args(plan.after)} />
        <div className="details__row" data-testid="update-change-variables">
          <dt>Variables</dt>
          <dd>
            Added: {list(plan.envAdded)}; removed: {list(plan.envRemoved)}
          </dd>
        </div>
      </dl>
      <ToolChanges plan={plan} />
      {fields.length > 0 && (
        <div className="add-form">
          <p>The new version asks for more:</p>
          <ConfigFields
            fields={fields}
            values={values}
            errors={errors}
            idPrefix={prefix}
            onChange={(key: string, value: FieldValue) => setValues((v) => ({ ...v, [key]: value }))}
            onCheck={() => undefined}
          />
        </div>
      )}
      <RequestError message={failure} />
      <div className="actions">
        <button
          type="button"
          className="button button--primary"
          aria-disabled={pending}
          onClick={() => void apply()}
          data-testid="update-apply"
        >
          {pending ? 'Updating…' : `Update to ${plan.to}`}
        </button>
        <button type="button" className="button" onClick={onCancel} data-testid="update-cancel">
          Not now
        </button>
      </div>
    </section>
  );
}
