import type { SchemaField } from './json-schema';
import { showValue } from './schema-view';

interface FieldControlProps {
  field: SchemaField;
  id: string;
  value: string;
  onChange: (value: string) => void;
  /** Ids of the hint and error texts, for `aria-describedby`. */
  describedBy: string | undefined;
  invalid: boolean;
}

/** The control that fits one argument: text, number, yes/no, a list of allowed values, or JSON. */
export function FieldControl({ field, id, value, onChange, describedBy, invalid }: FieldControlProps) {
  const common = {
    id,
    name: field.name,
    'aria-describedby': describedBy,
    'aria-invalid': invalid || undefined,
    'aria-required': field.required || undefined,
    'data-testid': `try-field-${field.name}`,
  };
  switch (field.input) {
    case 'boolean':
      return field.required ? (
        <input
          {...common}
          type="checkbox"
          className="checkbox"
          checked={value === 'true'}
          onChange={(event) => onChange(event.currentTarget.checked ? 'true' : 'false')}
        />
      ) : (
        <select {...common} className="input" value={value} onChange={(e) => onChange(e.currentTarget.value)}>
          <option value="">Not set</option>
          <option value="true">true</option>
          <option value="false">false</option>
        </select>
      );
    case 'select':
      return (
        <select {...common} className="input" value={value} onChange={(e) => onChange(e.currentTarget.value)}>
          <option value="">{field.required ? 'Choose…' : 'Not set'}</option>
          {field.enumValues!.map((option, index) => (
            <option key={index} value={String(index)}>
              {typeof option === 'string' ? option : showValue(option)}
            </option>
          ))}
        </select>
      );
    case 'number':
    case 'integer':
      return (
        <input
          {...common}
          type="text"
          inputMode={field.input === 'integer' ? 'numeric' : 'decimal'}
          className="input"
          value={value}
          onChange={(e) => onChange(e.currentTarget.value)}
        />
      );
    case 'json':
      return (
        <textarea
          {...common}
          className="input textarea textarea--code"
          rows={3}
          spellCheck={false}
          value={value}
          placeholder={field.type.startsWith('list') ? '["…"]' : '{ }'}
          onChange={(e) => onChange(e.currentTarget.value)}
        />
      );
    case 'text':
      return (
        <input
          {...common}
          type="text"
          className="input"
          spellCheck={false}
          value={value}
          onChange={(e) => onChange(e.currentTarget.value)}
        />
      );
  }
}
