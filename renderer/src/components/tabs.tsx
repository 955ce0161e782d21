import './tabs.css';
import { useId, useRef } from 'react';
import type { KeyboardEvent, ReactNode } from 'react';

export interface TabItem<T extends string = string> {
  id: T;
  label: ReactNode;
  panel: ReactNode;
}

interface TabsProps<T extends string> {
  /** Names the tab list for assistive tech. */
  label: string;
  items: readonly TabItem<T>[];
  /** The selected tab's id (the parent owns it, so panels can know whether they are shown). */
  selected: T;
  onSelect: (id: T) => void;
}

const STEP: Partial<Record<string, number>> = { ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1 };

/**
 * WAI-ARIA tabs with automatic activation: arrow keys, Home and End move between tabs (one
 * tab stop for the whole list); Tab moves on into the panel. Inactive panels stay mounted but
 * `hidden`, so a scrolled log keeps its place.
 */
export function Tabs<T extends string>({ label, items, selected, onSelect }: TabsProps<T>) {
  const prefix = useId();
  const tabs = useRef(new Map<T, HTMLButtonElement>());
  const current = items.some((item) => item.id === selected) ? selected : items[0]?.id;

  const select = (index: number) => {
    const item = items[(index + items.length) % items.length];
    if (!item) return;
    onSelect(item.id);
    tabs.current.get(item.id)?.focus();
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const index = items.findIndex((item) => item.id === current);
    const step = STEP[event.key];
    if (step !== undefined) select(index + step);
    else if (event.key === 'Home') select(0);
    else if (event.key === 'End') select(items.length - 1);
    else return;
    event.preventDefault();
  };

  return (
    <div className="tabs">
      <div className="tabs__list" role="tablist" aria-label={label} onKeyDown={onKeyDown}>
        {items.map((item) => {
          const active = item.id === current;
          return (
            <button
              key={item.id}
              ref={(node) => {
                if (node) tabs.current.set(item.id, node);
                else tabs.current.delete(item.id);
              }}
              type="button"
              role="tab"
              id={`${prefix}-tab-${item.id}`}
              className="tabs__tab"
              aria-selected={active}
              aria-controls={`${prefix}-panel-${item.id}`}
              tabIndex={active ? 0 : -1}
              data-testid={`tab-${item.id}`}
              onClick={() => onSelect(item.id)}
            >
              {item.label}
            </button>
          );
        })}
      </div>
      {items.map((item) => (
        <div
          key={item.id}
          role="tabpanel"
          id={`${prefix}-panel-${item.id}`}
          className="tabs__panel"
          aria-labelledby={`${prefix}-tab-${item.id}`}
          tabIndex={0}
          hidden={item.id !== current}
          data-testid={`panel-${item.id}`}
        >
          {item.panel}
        </div>
      ))}
    </div>
  );
}
