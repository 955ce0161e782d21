import { useId, useState } from 'react';
import type { CatalogEntry } from '../../../../electron/shared/contract';
import { RuntimeHints } from '../catalog/entry-parts';
import { previewArgs, toRequest } from './field-values';
import { FieldsForm } from './fields-form';
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
  const nameId = `${useId()}-name`;
  // Only a service you sign in to (an account, a token, an API key) can have a second account.
  const hasAccounts = entry.auth !== 'none';
  const [name, setName] = useState(entry.name);
  const nameError = name.trim() === '' ? 'Enter a name, such as the one you would call it by.' : null;

  return (
    <StepFrame
      title={entry.fields.length > 0 ? 'Settings' : 'Check and confirm'}
      focus={focus}
      testId="step-configure"
    >
      <FieldsForm
        fields={entry.fields}
        problems={nameError ? [{ target: nameId, message: nameError }] : []}
        intro={<RuntimeHints entry={entry} />}
        submitLabel={submitLabel}
        pendingLabel={pendingLabel}
        onSend={(values) => {
          const trimmed = name.trim();
          return onSubmit({
            ...toRequest(entry.fields, values),
            ...(trimmed !== entry.name ? { name: trimmed } : {}),
          });
        }}
      >
        {({ values, submitted }) => (
          <>
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
            <LaunchPreview
              launch={{ ...entry.launch, args: previewArgs(entry.launch.args, entry.fields, values) }}
            />
          </>
        )}
      </FieldsForm>
    </StepFrame>
  );
}
