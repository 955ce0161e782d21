// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { createRef } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { makeToolCall, makeToolCalls } from '../../test/fake-api';
import { CallList } from './call-list';
import type { CallListProps } from './call-list';
import { OVERSCAN, ROW_HEIGHT } from './virtual-window';

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

// Newest first, as the log holds them: ids 100,000 … 1.
const HUNDRED_K = makeToolCalls(100_000).reverse();

function renderList(props: Partial<CallListProps> = {}) {
  const onNearEnd = vi.fn();
  render(
    <CallList
      records={HUNDRED_K}
      total={HUNDRED_K.length}
      hasMore={false}
      loadingMore={false}
      moreError={null}
      generation={1}
      inserted={0}
      busy={false}
      showInstance
      instanceName={(id) => id}
      onNearEnd={onNearEnd}
      onRetryMore={vi.fn()}
      onOpen={vi.fn()}
      gridRef={createRef()}
      {...props}
    />,
  );
  return { onNearEnd };
}

const rows = () => screen.getAllByTestId('call-row');
const scroller = () => screen.getByTestId('call-scroller');
const body = () => screen.getAllByRole('rowgroup')[1]!;

describe('CallList', () => {
  it('renders only the rows in view with 100,000 loaded, standing in for the rest with padding', () => {
    // A measured viewport of 400px: 11 rows in view.
    vi.spyOn(HTMLElement.prototype, 'clientHeight', 'get').mockReturnValue(400);
    renderList();
    expect(rows()).toHaveLength(11 + OVERSCAN);
    expect(body().style.paddingTop).toBe('0px');
    expect(body().style.paddingBottom).toBe(`${(100_000 - 11 - OVERSCAN) * ROW_HEIGHT}px`);

    const node = scroller();
    node.scrollTop = 50_000 * ROW_HEIGHT;
    fireEvent.scroll(node);
    expect(rows()).toHaveLength(11 + 2 * OVERSCAN);
    expect(rows()[OVERSCAN]!.getAttribute('aria-rowindex')).toBe(String(50_000 + 2));
    expect(rows()[OVERSCAN]!.getAttribute('data-call-id')).toBe(String(100_000 - 50_000));
    expect(body().style.paddingTop).toBe(`${(50_000 - OVERSCAN) * ROW_HEIGHT}px`);
    // The row height lives in one place: script hands it to the CSS.
    expect(node.style.getPropertyValue('--call-row-height')).toBe(`${ROW_HEIGHT}px`);
    // No inline style attributes in the markup React renders (the CSP forbids them).
    expect(rows().some((row) => row.hasAttribute('style'))).toBe(false);
  });

  it('jumps to the oldest loaded call with End and asks for more near the end', () => {
    const { onNearEnd } = renderList({ hasMore: true });
    expect(onNearEnd).not.toHaveBeenCalled();
    const grid = screen.getByRole('grid');
    fireEvent.focus(grid);
    fireEvent.keyDown(grid, { key: 'End' });
    const active = document.getElementById(grid.getAttribute('aria-activedescendant') ?? '');
    expect(active?.getAttribute('data-call-id')).toBe('1');
    expect(active?.getAttribute('aria-rowindex')).toBe('100001');
    expect(rows().length).toBeLessThan(40);
    expect(onNearEnd).toHaveBeenCalled();
  });

  it('pages with Page Down and Page Up', () => {
    vi.spyOn(HTMLElement.prototype, 'clientHeight', 'get').mockReturnValue(36 + 10 * ROW_HEIGHT);
    renderList();
    const grid = screen.getByRole('grid');
    fireEvent.focus(grid);
    const active = () => document.getElementById(grid.getAttribute('aria-activedescendant') ?? '');
    fireEvent.keyDown(grid, { key: 'PageDown' });
    expect(active()?.getAttribute('aria-rowindex')).toBe(String(10 + 2));
    fireEvent.keyDown(grid, { key: 'PageDown' });
    expect(active()?.getAttribute('aria-rowindex')).toBe(String(20 + 2));
    expect(scroller().scrollTop).toBe(11 * ROW_HEIGHT);
    fireEvent.keyDown(grid, { key: 'PageUp' });
    expect(active()?.getAttribute('aria-rowindex')).toBe(String(10 + 2));
    expect(scroller().scrollTop).toBe(10 * ROW_HEIGHT);
  });

  it('marks calls made from MCP Tray\'s "try it" form', () => {
    const records = [
      makeToolCall({ id: 2, source: 'mcp-tray', client: { name: 'MCP Tray', version: '0.1.0' } }),
      makeToolCall({ id: 1 }),
    ];
    renderList({ records, total: 2 });
    const rows = screen.getAllByTestId('call-row');
    expect(rows[0]!.textContent).toContain('MCP Tray');
    expect(rows[0]!.querySelector('[data-testid="call-source"]')?.textContent).toBe('try it');
    expect(rows[1]!.querySelector('[data-testid="call-source"]')).toBeNull();
  });

  it('names clients as people know them, not by what they send', () => {
    const records = [
      makeToolCall({ id: 2, client: { name: 'claude-ai', version: '0.1.0' } }),
      makeToolCall({ id: 1, client: { name: 'gemini-cli-mcp-client', version: null } }),
    ];
    renderList({ records, total: 2 });
    const rows = screen.getAllByTestId('call-row').map((row) => row.textContent);
    expect(rows[0]).toContain('Claude Desktop');
    expect(rows[1]).toContain('Gemini CLI');
    expect(rows.join(' ')).not.toMatch(/claude-ai|gemini-cli-mcp-client/);
  });
});
