import './instance-detail.css';
import { useCallback, useEffect, useId, useState } from 'react';
import type { FormEvent } from 'react';
import type {
  EditPermissions,
  InstanceDetail,
  PermissionLevel,
  PermissionsView,
} from '../../../../electron/shared/contract';
import { useApi } from '../../api/api-context';
import { messageOf } from '../../api/error-message';

// The words the Services list uses too: nothing here claims protection that is not in force.
const HEADINGS: Record<PermissionsView['sandbox'], string> = {
  standard: 'Sandboxed',
  strict: 'Sandboxed, strict',
  none: 'Not sandboxed',
  unavailable: 'Not sandboxed: this computer cannot sandbox it',
};

const LEVELS: { level: PermissionLevel; label: string; hint: string }[] = [
  {
    level: 'standard',
    label: 'Standard',
    hint: 'Keeps it out of your secrets; it can write only its own folder; any host.',
  },
  { level: 'strict', label: 'Strict', hint: 'As standard, and it reaches only the hosts listed below.' },
  { level: 'none', label: 'Not sandboxed', hint: 'Runs with all your rights. Only for servers you trust.' },
];

/** One list of grants (folders or hosts) with a way to add and remove entries. */
function GrantList(props: {
  title: string;
  items: string[];
  placeholder: string;
  testId: string;
  onAdd: (value: string) => void;
  onRemove: (value: string) => void;
}) {
  const [value, setValue] = useState('');
  const inputId = useId();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (value.trim()) props.onAdd(value.trim());
    setValue('');
  };
  return (
    <div className="details__text" data-testid={props.testId}>
      <p className="field__label">{props.title}</p>
      {props.items.length > 0 ? (
        <ul className="permission-list">
          {props.items.map((item) => (
            <li key={item}>
              <code>{item}</code>{' '}
              <button type="button" className="button button--small" onClick={() => props.onRemove(item)}>
                Remove<span className="visually-hidden"> {item}</span>
              </button>
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">None.</p>
      )}
      <form className="inline-form__row" onSubmit={submit}>
        <label htmlFor={inputId} className="visually-hidden">
          {props.title}
        </label>
        <input
          id={inputId}
          className="input"
          value={value}
          placeholder={props.placeholder}
          onChange={(e) => setValue(e.currentTarget.value)}
        />
        <button type="submit" className="button">
          Add
        </button>
      </form>
    </div>
  );
}

/**
 * What the service may read, write and reach, in words, and the controls that change it. Every
 * change is checked by the core (full paths that exist, real host names) and restarts the service.
 */
export function PermissionsPanel({ instance, opened }: { instance: InstanceDetail; opened: boolean }) {
  const api = useApi();
  const [view, setView] = useState<PermissionsView | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const titleId = useId();
  const { id, stateSince } = instance;

  useEffect(() => {
    if (!opened) return undefined;
    let live = true;
    api.getPermissions({ id }).then(
      (next) => live && setView(next),
      (error: unknown) => live && setProblem(messageOf(error)),
    );
    return () => {
      live = false;
    };
    // A restart (new state) can change what is blocked and whether the sandbox is available.
  }, [api, id, opened, stateSince]);

  const edit = useCallback(
    async (change: Omit<EditPermissions, 'id'>) => {
      if (pending) return;
      setPending(true);
      setProblem(null);
      try {
        setView(await api.editPermissions({ id, ...change }));
      } catch (error) {
        setProblem(messageOf(error));
      } finally {
        setPending(false);
      }
    },
    [api, id, pending],
  );

  if (!view) return <p className="muted">{problem ?? 'Loading…'}</p>;
  const { profile } = view;
  // A remote server runs on the service's own computers: there is nothing to change here.
  const remote = instance.url !== undefined;
  return (
    <div className="panel-stack" data-testid="permissions-panel">
      <section className="details" aria-labelledby={titleId}>
        <h2 id={titleId} className="details__title" data-testid="permissions-heading">
          {HEADINGS[view.sandbox]}
        </h2>
        <div className="details__card">
          {view.unavailable && (
            <p className="field__error" data-testid="permissions-unavailable">
              {view.unavailable.reason}. {view.unavailable.fix}
            </p>
          )}
          <ul className="permission-summary" data-testid="permissions-summary">
            {view.summary.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
          <p data-testid="permissions-blocked">
            {view.blockedCount === 0
              ? 'Nothing blocked since MCP Tray started.'
              : `${view.blockedCount} blocked attempt${view.blockedCount === 1 ? '' : 's'} (in its log):`}
          </p>
          {view.recentBlocked.length > 0 && (
            <ul className="permission-list">
              {view.recentBlocked.slice(-5).map((line, i) => (
                <li key={`${i}-${line}`}>
                  <code>{line}</code>
                </li>
              ))}
            </ul>
          )}
        </div>
      </section>
      {!remote && (
        <section className="details" aria-label="Change permissions">
          <div className="details__card">
            <fieldset className="details__text" disabled={pending}>
              <legend className="field__label">Level</legend>
              {LEVELS.map(({ level, label, hint }) => (
                <label key={level} className="switch-row">
                  <input
                    type="radio"
                    name={`level-${id}`}
                    checked={profile.level === level}
                    onChange={() => void edit({ level })}
                    data-testid={`permissions-level-${level}`}
                  />
                  <span>
                    {label} <span className="muted">{hint}</span>
                  </span>
                </label>
              ))}
            </fieldset>
            <GrantList
              title="Folders it may also write"
              items={profile.allowWrite}
              placeholder="/home/you/notes"
              testId="permissions-write"
              onAdd={(p) => void edit({ allowWrite: [p] })}
              onRemove={(p) => void edit({ revokePath: [p] })}
            />
            <GrantList
              title="Secret folders it may read anyway"
              items={profile.allowRead}
              placeholder="/home/you/.config/tool"
              testId="permissions-read"
              onAdd={(p) => void edit({ allowRead: [p] })}
              onRemove={(p) => void edit({ revokePath: [p] })}
            />
            {profile.level === 'strict' && (
              <GrantList
                title="Hosts it may reach"
                items={profile.allowNet}
                placeholder="api.example.com"
                testId="permissions-net"
                onAdd={(h) => void edit({ allowNet: [h] })}
                onRemove={(h) => void edit({ denyNet: [h] })}
              />
            )}
            {problem && (
              <p className="field__error" role="alert" data-testid="permissions-error">
                {problem}
              </p>
            )}
            <p className="field__hint">Each change restarts the service.</p>
          </div>
        </section>
      )}
    </div>
  );
}
