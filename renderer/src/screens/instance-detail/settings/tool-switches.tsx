import '../instance-detail.css';
import { memo, useCallback, useDeferredValue, useId, useState } from 'react';
import type { TrayApi } from '../../../../../electron/shared/api';
import type { InstanceDetail } from '../../../../../electron/shared/contract';
import { useApi } from '../../../api/api-context';
import { messageOf } from '../../../api/error-message';
import { Icon } from '../../../components/icon';
import { FILTER_FROM } from '../tools-panel';
import { filterTools } from '../tools/tool-filter';

interface SwitchProps {
  name: string;
  title: string | null;
  on: boolean;
  pending: boolean;
  onToggle: (name: string, on: boolean) => void;
}

const ToolSwitch = memo(function ToolSwitch({ name, title, on, pending, onToggle }: SwitchProps) {
  const id = useId();
  return (
    <li className="switch-row" data-testid="tool-switch" data-tool={name}>
      <input
        id={id}
        type="checkbox"
        className="checkbox"
        checked={on}
        aria-busy={pending || undefined}
        onChange={(event) => onToggle(name, event.currentTarget.checked)}
      />
      <label htmlFor={id} className="switch-row__label">
        <code>{name}</code>
        {title && title !== name && <span className="muted"> {title}</span>}
      </label>
      <span className={on ? 'tag tag--on' : 'tag tag--off'} aria-hidden="true">
        {on ? 'On' : 'Off'}
      </span>
    </li>
  );
});

type Wanted = ReadonlyMap<string, boolean>;

/** Shows the new position at once, asks the core, and reloads; a refusal undoes it with the reason. */
async function toggle(
  api: TrayApi,
  id: string,
  tool: string,
  enabled: boolean,
  refresh: () => Promise<void>,
  setWanted: (update: (w: Wanted) => Wanted) => void,
  setError: (message: string | null) => void,
): Promise<void> {
  setError(null);
  setWanted((w) => new Map(w).set(tool, enabled));
  try {
    await api.setToolEnabled({ id, tool, enabled });
    await refresh();
  } catch (failure) {
    setError(messageOf(failure));
  } finally {
    setWanted((w) => {
      const next = new Map(w);
      next.delete(tool);
      return next;
    });
  }
}

/**
 * One switch per tool. Off, the broker hides the tool from every AI client (and tells connected
 * ones to list tools again), which keeps a client under its tool limit. Changes show at once and
 * are undone, with the reason, if the core refuses them.
 */
export function ToolSwitches({
  instance,
  refresh,
}: {
  instance: InstanceDetail;
  refresh: () => Promise<void>;
}) {
  const api = useApi();
  const [wanted, setWanted] = useState<Wanted>(new Map());
  const [error, setError] = useState<string | null>(null);
  const [query, setQuery] = useState('');
  const deferred = useDeferredValue(query);
  const filterId = useId();
  const headingId = useId();
  const isOn = (name: string, enabled: boolean) => wanted.get(name) ?? enabled;

  const { id } = instance;
  // Stable, so a switch re-renders only when its own tool changes (200 tools stay fast).
  const onToggle = useCallback(
    (tool: string, enabled: boolean) => void toggle(api, id, tool, enabled, refresh, setWanted, setError),
    [api, id, refresh],
  );

  const { tools } = instance;
  const onCount = tools.filter((t) => isOn(t.name, t.enabled)).length;
  const gone = instance.disabledTools.filter((name) => !tools.some((t) => t.name === name));
  const shown = filterTools(tools, deferred);
  return (
    <section className="details" aria-labelledby={headingId}>
      <h2 id={headingId} className="details__title">
        Tools AI clients can use
      </h2>
      {tools.length === 0 ? (
        <p className="muted">The server has not listed any tools yet. They appear here once it runs.</p>
      ) : (
        <>
          <div className="list-toolbar">
            <p data-testid="switches-summary">
              <strong>
                {onCount} of {tools.length}
              </strong>{' '}
              tools on. Some AI clients limit how many tools they take in all; turn off the ones you don’t
              need.
            </p>
            {tools.length >= FILTER_FROM && (
              <div className="search-field">
                <Icon name="search" />
                <label htmlFor={filterId} className="visually-hidden">
                  Filter tools
                </label>
                <input
                  id={filterId}
                  type="search"
                  className="input"
                  placeholder="Filter tools"
                  value={query}
                  onChange={(e) => setQuery(e.currentTarget.value)}
                />
              </div>
            )}
          </div>
          <ul className="switch-list" aria-label="Tool switches">
            {shown.map((tool) => (
              <ToolSwitch
                key={tool.name}
                name={tool.name}
                title={tool.title}
                on={isOn(tool.name, tool.enabled)}
                pending={wanted.has(tool.name)}
                onToggle={onToggle}
              />
            ))}
          </ul>
        </>
      )}
      {gone.length > 0 && (
        <p className="muted" data-testid="switches-gone">
          Also off, but not offered by the server now: {gone.join(', ')}.
        </p>
      )}
      {error && (
        <p className="inline-error" role="alert" data-testid="switch-error">
          {error}
        </p>
      )}
    </section>
  );
}
