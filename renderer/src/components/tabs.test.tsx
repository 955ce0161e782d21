// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { Tabs } from './tabs';

afterEach(cleanup);

type Id = 'one' | 'two' | 'three';

function Harness() {
  const [selected, setSelected] = useState<Id>('one');
  return (
    <Tabs
      label="Parts"
      selected={selected}
      onSelect={setSelected}
      items={[
        { id: 'one', label: 'One', panel: <p>First</p> },
        { id: 'two', label: 'Two', panel: <p>Second</p> },
        { id: 'three', label: 'Three', panel: <p>Third</p> },
      ]}
    />
  );
}

const tab = (name: string) => screen.getByRole('tab', { name });
const shownPanel = () => screen.getByRole('tabpanel');

describe('Tabs', () => {
  it('wires tabs to panels and shows one at a time', () => {
    render(<Harness />);
    expect(screen.getByRole('tablist', { name: 'Parts' })).toBeTruthy();
    expect(tab('One').getAttribute('aria-selected')).toBe('true');
    expect(tab('Two').getAttribute('aria-selected')).toBe('false');
    expect(shownPanel().textContent).toBe('First');
    expect(shownPanel().getAttribute('aria-labelledby')).toBe(tab('One').id);
    expect(tab('One').getAttribute('aria-controls')).toBe(shownPanel().id);
    expect(screen.getByText('Second').closest('[role=tabpanel]')?.hasAttribute('hidden')).toBe(true);

    fireEvent.click(tab('Three'));
    expect(shownPanel().textContent).toBe('Third');
  });

  it('moves with arrow keys, Home and End, keeping a single tab stop', () => {
    render(<Harness />);
    tab('One').focus();
    fireEvent.keyDown(tab('One'), { key: 'ArrowRight' });
    expect(document.activeElement).toBe(tab('Two'));
    expect(tab('Two').getAttribute('aria-selected')).toBe('true');
    expect(shownPanel().textContent).toBe('Second');
    expect(screen.getAllByRole('tab').map((t) => t.tabIndex)).toEqual([-1, 0, -1]);

    fireEvent.keyDown(tab('Two'), { key: 'End' });
    expect(document.activeElement).toBe(tab('Three'));
    fireEvent.keyDown(tab('Three'), { key: 'ArrowRight' });
    expect(document.activeElement).toBe(tab('One'));
    fireEvent.keyDown(tab('One'), { key: 'ArrowLeft' });
    expect(document.activeElement).toBe(tab('Three'));
    fireEvent.keyDown(tab('Three'), { key: 'Home' });
    expect(document.activeElement).toBe(tab('One'));
    expect(shownPanel().textContent).toBe('First');
  });
});
