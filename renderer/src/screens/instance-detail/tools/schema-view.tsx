import './tools.css';
import type { EnumValue, SchemaField } from './json-schema';

/** A value as a reader would write it: strings quoted, the rest as JSON. */
export const showValue = (value: unknown): string => {
  const text = JSON.stringify(value);
  return text === undefined ? String(value) : text;
};

const showEnum = (values: readonly EnumValue[]): string => values.map(showValue).join(', ');

/** The arguments a tool takes, readable: name, type, required, allowed values, default, limits. */
export function SchemaView({ fields, toolName }: { fields: readonly SchemaField[]; toolName: string }) {
  if (fields.length === 0) {
    return (
      <p className="muted" data-testid="schema-none">
        This tool takes no arguments.
      </p>
    );
  }
  return (
    <ul className="params" aria-label={`Arguments of ${toolName}`} data-testid="schema-view">
      {fields.map((field) => (
        <li key={field.name} className="param" data-testid="schema-field">
          <p className="param__head">
            <code className="param__name">{field.name}</code>
            <span className="param__type">{field.type}</span>
            {field.required ? (
              <span className="param__required">required</span>
            ) : (
              <span className="param__optional">optional</span>
            )}
          </p>
          {(field.title || field.description) && (
            <p className="param__description">
              {field.title && field.title !== field.name && <strong>{field.title}. </strong>}
              {field.description}
            </p>
          )}
          {(field.enumValues || field.hasDefault || field.constraints.length > 0) && (
            <p className="param__meta">
              {field.enumValues && <span>Allowed: {showEnum(field.enumValues)}</span>}
              {field.hasDefault && <span>Default: {showValue(field.defaultValue)}</span>}
              {field.constraints.map((c) => (
                <span key={c}>{c}</span>
              ))}
            </p>
          )}
        </li>
      ))}
    </ul>
  );
}
