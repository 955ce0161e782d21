import { useId, useRef, useState } from 'react';
import type { FormEvent, ReactNode } from 'react';
import { Icon } from '../../components/icon';
import type { CustomDraft } from './custom-model';
import { commandError, envErrors, idError, splitCommand, suggestId } from './custom-model';
import { EnvEditor, envNameId, envValueId } from './env-editor';
import type { SummaryItem } from './form-parts';
import { ErrorSummary } from './form-parts';

interface CustomFormProps {
  draft: CustomDraft;
  onDraft: (draft: CustomDraft) => void;
  /** IDs of the services that exist. */
  taken: ReadonlySet<string>;
  /** The form is valid: show the confirmation. */
  onReview: () => void;
}

type FieldName = 'name' | 'id' | 'command';

function FieldError({ id, field, children }: { id: string; field: FieldName; children: ReactNode }) {
  return (
    <p id={id} className="form-field__error" data-testid={`${field}-error`}>
      <Icon name="triangle" />
      {children}
    </p>
  );
}

/** The custom server form: name, ID, command, arguments, variables; checks that explain. */
export function CustomForm({ draft, onDraft, taken, onReview }: CustomFormProps) {
  const prefix = useId();
  const ids = {
    name: `${prefix}-name`,
    id: `${prefix}-id`,
    command: `${prefix}-command`,
    args: `${prefix}-args`,
  };
  const [submitted, setSubmitted] = useState(false);
  const summary = useRef<HTMLDivElement>(null);
  const rowKey = useRef(draft.env.reduce((max, row) => Math.max(max, row.key), 0));

  const errors: Record<FieldName, string | null> = {
    name: draft.name.trim() === '' ? 'Enter a name, such as “My notes”.' : null,
    id: idError(draft.id, draft.name, taken),
    command: commandError(draft.command),
  };
  const env = envErrors(draft.env);
  // Shown from the first Review on, then live as the user fixes them. Not on blur before that:
  // a message appearing on blur moves the button being clicked away from under the pointer.
  const shown = (field: FieldName) => (submitted ? errors[field] : null);

  const setName = (name: string) =>
    onDraft({ ...draft, name, id: draft.idChosen ? draft.id : suggestId(name, taken) });
  const split = splitCommand(draft.command);

  const items: SummaryItem[] = submitted
    ? [
        ...(['name', 'id', 'command'] as const).flatMap((field) =>
          errors[field] ? [{ target: ids[field], message: errors[field]! }] : [],
        ),
        ...draft.env.flatMap((row) => {
          const error = env[row.key];
          if (!error) return [];
          return [
            ...(error.name ? [{ target: envNameId(prefix, row.key), message: error.name }] : []),
            ...(error.value ? [{ target: envValueId(prefix, row.key), message: error.value }] : []),
          ];
        }),
      ]
    : [];

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSubmitted(true);
    const invalid = Object.values(errors).some(Boolean) || Object.keys(env).length > 0;
    if (invalid) requestAnimationFrame(() => summary.current?.focus());
    else onReview();
  };

  const describe = (field: FieldName, hint?: string) =>
    [hint, shown(field) ? `${ids[field]}-error` : ''].filter(Boolean).join(' ') || undefined;

  return (
    <form className="add-form" noValidate onSubmit={submit} data-testid="custom-form">
      <ErrorSummary ref={summary} items={items} />
      <div className="form-field">
        <label htmlFor={ids.name} className="form-field__label">
          Name
        </label>
        <input
          id={ids.name}
          className="input"
          value={draft.name}
          maxLength={200}
          onChange={(event) => setName(event.target.value)}
          aria-invalid={shown('name') ? true : undefined}
          aria-describedby={describe('name')}
          data-testid="custom-name"
        />
        {shown('name') && (
          <FieldError id={`${ids.name}-error`} field="name">
            {errors.name}
          </FieldError>
        )}
      </div>
      <div className="form-field">
        <label htmlFor={ids.id} className="form-field__label">
          ID
        </label>
        <input
          id={ids.id}
          className="input input--mono"
          value={draft.id}
          maxLength={63}
          spellCheck={false}
          autoComplete="off"
          onChange={(event) => onDraft({ ...draft, id: event.target.value, idChosen: true })}
          aria-invalid={shown('id') ? true : undefined}
          aria-describedby={describe('id', `${ids.id}-hint`)}
          data-testid="custom-id"
        />
        <p id={`${ids.id}-hint`} className="form-field__hint">
          Made from the name. AI clients’ settings list the service under it; lowercase letters, digits and
          dashes.
        </p>
        {shown('id') && (
          <FieldError id={`${ids.id}-error`} field="id">
            {errors.id}
          </FieldError>
        )}
      </div>
      <div className="form-field">
        <label htmlFor={ids.command} className="form-field__label">
          Command
        </label>
        <input
          id={ids.command}
          className="input input--mono"
          value={draft.command}
          spellCheck={false}
          autoComplete="off"
          onChange={(event) => onDraft({ ...draft, command: event.target.value })}
          aria-invalid={shown('command') ? true : undefined}
          aria-describedby={describe('command', `${ids.command}-hint`)}
          data-testid="custom-command"
        />
        <p id={`${ids.command}-hint`} className="form-field__hint">
          The program only, such as npx, uvx, node, or a full path. MCP Tray finds it the way your terminal
          does.
        </p>
        {shown('command') && (
          <FieldError id={`${ids.command}-error`} field="command">
            {errors.command}
            {split && (
              <button
                type="button"
                className="button button--small form-field__fix"
                onClick={() =>
                  onDraft({
                    ...draft,
                    command: split.command,
                    args: [...split.args, ...(draft.args.trim() ? [draft.args.trim()] : [])].join('\n'),
                  })
                }
                data-testid="command-split"
              >
                Move them to Arguments
              </button>
            )}
          </FieldError>
        )}
      </div>
      <div className="form-field">
        <label htmlFor={ids.args} className="form-field__label">
          Arguments <span className="form-field__optional">(optional)</span>
        </label>
        <textarea
          id={ids.args}
          className="input textarea input--mono"
          rows={4}
          value={draft.args}
          spellCheck={false}
          onChange={(event) => onDraft({ ...draft, args: event.target.value })}
          aria-describedby={`${ids.args}-hint`}
          data-testid="custom-args"
        />
        <p id={`${ids.args}-hint`} className="form-field__hint">
          One argument per line, exactly as the program should get it; no quotes needed. For example{' '}
          <code>-y</code> on one line and <code>@modelcontextprotocol/server-memory</code> on the next.
        </p>
      </div>
      <EnvEditor
        rows={draft.env}
        errors={submitted ? env : {}}
        idPrefix={prefix}
        onChange={(rows) => onDraft({ ...draft, env: rows })}
        nextKey={() => ++rowKey.current}
      />
      <div className="actions">
        <button type="submit" className="button button--primary" data-testid="custom-review">
          Review
        </button>
      </div>
    </form>
  );
}
