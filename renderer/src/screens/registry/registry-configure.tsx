import { useMemo } from 'react';
import type { RegistryOption } from '../../../../electron/shared/contract';
import { FieldsForm } from '../add/fields-form';
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
  const fields = useMemo(() => option.fields.map(asCatalogField), [option]);
  return (
    <FieldsForm
      fields={fields}
      submitLabel={submitLabel}
      pendingLabel="Adding…"
      onSend={(values) => onSubmit(toInstallValues(fields, values))}
    >
      {() =>
        option.preview ? (
          <LaunchPreview launch={{ ...option.preview, secretEnvNames: secretEnvNames(option) }} />
        ) : (
          <p className="note" data-testid="launch-unknown">
            {option.type === 'remote'
              ? `MCP Tray connects to ${option.identifier}; nothing runs on this computer.`
              : 'The exact command depends on the values above; the core builds it from this pinned version.'}
          </p>
        )
      }
    </FieldsForm>
  );
}
