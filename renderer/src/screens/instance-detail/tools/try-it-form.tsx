import './tools.css';
import { useId, useMemo, useRef, useState } from 'react';
import type { FormEvent } from 'react';
import type { ToolCallResult, ToolSummary } from '../../../../../electron/shared/contract';
import { useApi } from '../../../api/api-context';
import { useRequest } from '../../../api/use-request';
import { Icon } from '../../../components/icon';
import { FieldControl } from './field-control';
import type { BuildResult, FormValues } from './form-values';
import { buildArguments, initialValues, parseArgumentsJson } from './form-values';
import type { SchemaField } from './json-schema';

interface TryItFormProps {
  instanceId: string;
  tool: ToolSummary;
  fields: readonly SchemaField[];
  /** Shows the tool's answer (kept by the parent, so it survives collapsing the tool). */
  onResult: (result: ToolCallResult | null) => void;
}

type Problem = { field: string; message: string } | null;

/**
 * A form built from the tool's input schema that calls it through the broker, as MCP Tray:
 * the call shows in the log marked so. Arguments can also be written as JSON, for schemas the
 * form cannot express.
 */
export function TryItForm({ instanceId, tool, fields, onResult }: TryItFormProps) {
  const api = useApi();
  const prefix = useId();
  const [values, setValues] = useState<FormValues>(() => initialValues(fields));
  const [mode, setMode] = useState<'form' | 'json'>('form');
  const [json, setJson] = useState('{}');
  const [problem, setProblem] = useState<Problem>(null);
  const { pending, failure, run } = useRequest();
  const form = useRef<HTMLFormElement>(null);
  const fieldId = (name: string) => `${prefix}-${name}`;
  const built = useMemo(() => buildArguments(fields, values), [fields, values]);

  const switchMode = (next: 'form' | 'json') => {
    // Carry what was typed across, so switching never loses work.
    if (next === 'json' && built.ok) setJson(JSON.stringify(built.args, null, 2));
    setProblem(null);
    setMode(next);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (pending) return;
    const request: BuildResult = mode === 'form' ? built : parseArgumentsJson(json);
    if (!request.ok) {
      setProblem({ field: request.field, message: request.message });
      const target = request.field ? fieldId(request.field) : `${prefix}-json`;
      form.current?.querySelector<HTMLElement>(`[id="${CSS.escape(target)}"]`)?.focus();
      return;
    }
    setProblem(null);
    const ran = await run(
      async () => onResult(await api.callTool({ id: instanceId, tool: tool.name, arguments: request.args })),
      { settle: true },
    );
    if (!ran) onResult(null);
  };

  const errorId = `${prefix}-error`;
  return (
    <form ref={form} className="try-form" onSubmit={(e) => void submit(e)} noValidate data-testid="try-form">
      <div className="try-form__modes" role="group" aria-label="How to enter the arguments">
        {(['form', 'json'] as const).map((m) => (
          <button
            key={m}
            type="button"
            className="button button--small"
            aria-pressed={mode === m}
            onClick={() => switchMode(m)}
          >
            {m === 'form' ? 'Form' : 'JSON'}
          </button>
        ))}
      </div>
      {mode === 'form' ? (
        fields.map((field) => {
          const id = fieldId(field.name);
          const hintId = field.description ? `${id}-hint` : undefined;
          const invalid = problem?.field === field.name;
          return (
            <div
              key={field.name}
              className={field.input === 'boolean' && field.required ? 'field field--inline' : 'field'}
            >
              <label htmlFor={id} className="field__label">
                <code>{field.name}</code>
                {field.required ? <span className="field__required"> (required)</span> : null}
              </label>
              <FieldControl
                field={field}
                id={id}
                value={values[field.name] ?? ''}
                onChange={(value) => setValues((v) => ({ ...v, [field.name]: value }))}
                describedBy={[hintId, invalid ? errorId : undefined].filter(Boolean).join(' ') || undefined}
                invalid={invalid}
              />
              {hintId && (
                <p id={hintId} className="field__hint">
                  {field.description}
                </p>
              )}
            </div>
          );
        })
      ) : (
        <div className="field">
          <label htmlFor={`${prefix}-json`} className="field__label">
            Arguments (JSON object)
          </label>
          <textarea
            id={`${prefix}-json`}
            className="input textarea textarea--code"
            rows={6}
            spellCheck={false}
            value={json}
            aria-invalid={problem !== null || undefined}
            aria-describedby={problem ? errorId : undefined}
            onChange={(e) => setJson(e.currentTarget.value)}
            data-testid="try-json"
          />
        </div>
      )}
      {problem && (
        <p id={errorId} className="field__error" role="alert" data-testid="try-problem">
          {problem.message}
        </p>
      )}
      {tool.destructive && (
        <p className="note note--warning">
          <Icon name="triangle" />
          The server says this tool can change or delete things. It really runs.
        </p>
      )}
      <div className="try-form__actions">
        <button
          type="submit"
          className="button button--primary"
          aria-disabled={pending}
          data-testid="try-run"
        >
          <Icon name="chevron" />
          {pending ? 'Running…' : `Run ${tool.name}`}
        </button>
        <span className="muted">Runs through MCP Tray; the log marks the call as yours.</span>
      </div>
      <p className="visually-hidden" role="status">
        {pending ? `Running ${tool.name}…` : ''}
      </p>
      {failure && (
        <p className="inline-error" role="alert" data-testid="try-failure">
          {failure}
        </p>
      )}
    </form>
  );
}
