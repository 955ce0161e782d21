import './call-log.css';
import { useId } from 'react';
import type { ChangeEvent, ReactNode, RefObject } from 'react';
import type { InstanceSummary, ToolCallOutcome } from '../../../../electron/shared/contract';
import { ToolCallOutcome as Outcomes } from '../../../../electron/shared/contract';
import { clientDisplayName } from '../../../../electron/shared/client-names';
import { Icon } from '../../components/icon';
import { outcomeLabel } from '../../components/outcome-badge';
import type { CallFilters } from './call-query';

interface CallFilterBarProps {
  filters: CallFilters;
  onChange: (change: Partial<CallFilters>) => void;
  onClear: () => void;
  filtered: boolean;
  /** The instances to choose from; null hides the choice (the list is pinned to one). */
  instances: readonly InstanceSummary[] | null;
  clients: readonly string[];
  /** "1,234 calls", "Searching…"; nothing before the first answer. */
  countLabel: string | null;
  searchRef: RefObject<HTMLInputElement | null>;
}

function Field({ label, children }: { label: string; children: (id: string) => ReactNode }) {
  const id = useId();
  return (
    <div className="call-filters__field">
      <label className="call-filters__label" htmlFor={id}>
        {label}
      </label>
      {children(id)}
    </div>
  );
}

/** An empty option value stands for "any"; selects hand back strings, the filters hold nulls. */
const orNull = (event: ChangeEvent<HTMLSelectElement>): string | null => event.target.value || null;

export function CallFilterBar({
  filters,
  onChange,
  onClear,
  filtered,
  instances,
  clients,
  countLabel,
  searchRef,
}: CallFilterBarProps) {
  // The chosen client stays listed even if no loaded call has it (yet).
  const clientOptions =
    filters.client && !clients.includes(filters.client) ? [filters.client, ...clients] : clients;
  const instanceOptions =
    instances && filters.instanceId && !instances.some((i) => i.id === filters.instanceId)
      ? [...instances, { id: filters.instanceId, name: filters.instanceId }]
      : instances;
  return (
    <div role="search" className="call-filters" aria-label="Filter tool calls" data-testid="call-filters">
      <Field label="Search">
        {(id) => (
          <span className="call-filters__search">
            <Icon name="search" className="icon call-filters__search-icon" />
            <input
              ref={searchRef}
              id={id}
              type="search"
              className="input call-filters__search-input"
              placeholder="Tool, client, arguments, result…"
              value={filters.text}
              maxLength={200}
              onChange={(event) => onChange({ text: event.target.value })}
              data-testid="call-search"
            />
          </span>
        )}
      </Field>
      {instanceOptions && (
        <Field label="Service">
          {(id) => (
            <select
              id={id}
              className="input"
              value={filters.instanceId ?? ''}
              onChange={(event) => onChange({ instanceId: orNull(event) })}
              data-testid="filter-instance"
            >
              <option value="">All services</option>
              {instanceOptions.map((instance) => (
                <option key={instance.id} value={instance.id}>
                  {instance.name}
                </option>
              ))}
            </select>
          )}
        </Field>
      )}
      <Field label="Outcome">
        {(id) => (
          <select
            id={id}
            className="input"
            value={filters.outcome ?? ''}
            onChange={(event) => onChange({ outcome: orNull(event) as ToolCallOutcome | null })}
            data-testid="filter-outcome"
          >
            <option value="">All outcomes</option>
            {Outcomes.options.map((outcome) => (
              <option key={outcome} value={outcome}>
                {outcomeLabel(outcome)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label="Client">
        {(id) => (
          <select
            id={id}
            className="input"
            value={filters.client ?? ''}
            onChange={(event) => onChange({ client: orNull(event) })}
            data-testid="filter-client"
          >
            <option value="">All clients</option>
            {clientOptions.map((client) => (
              <option key={client} value={client}>
                {clientDisplayName(client)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <div className="call-filters__summary">
        <p className="call-filters__count" data-testid="call-count">
          {countLabel}
        </p>
        {filtered && (
          <button
            type="button"
            className="button button--small"
            onClick={onClear}
            data-testid="clear-filters"
          >
            Clear filters
          </button>
        )}
      </div>
    </div>
  );
}
