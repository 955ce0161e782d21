// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { createRef } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ToolCallRecord } from '../../../../electron/shared/contract';
import { COPIED_MS } from '../../components/copy-button';
import { makeToolCall } from '../../test/fake-api';
import { CallDetail } from './call-detail';

const writeText = vi.fn<(text: string) => Promise<void>>();

beforeEach(() => {
  writeText.mockReset().mockResolvedValue(undefined);
  Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
});

afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

function renderDetail(record: ToolCallRecord, onClose = vi.fn()) {
  render(<CallDetail record={record} instanceName="Notes" onClose={onClose} returnFocus={createRef()} />);
  return { detail: screen.getByTestId('call-detail'), onClose };
}

const fact = (detail: HTMLElement, label: string) =>
  within(detail).getByText(label, { selector: 'dt' }).nextElementSibling?.textContent;

describe('CallDetail', () => {
  it('shows what was called, by whom, how it went and how long it took', () => {
    const { detail } = renderDetail(
      makeToolCall({
        tool: 'search_notes',
        client: { name: 'Claude Desktop', version: '1.2.0' },
        source: 'client',
        outcome: 'tool-error',
        error: 'Index is locked',
        durationMs: 2345,
      }),
    );
    expect(detail.tagName).toBe('DIALOG');
    expect((detail as HTMLDialogElement).open).toBe(true);
    expect(within(detail).getByRole('heading', { level: 2 }).textContent).toBe('search_notes');
    expect(detail.getAttribute('aria-labelledby')).toBe(within(detail).getByRole('heading', { level: 2 }).id);
    expect(fact(detail, 'Service')).toBe('Notes');
    expect(fact(detail, 'Client')).toBe('Claude Desktop 1.2.0');
    expect(fact(detail, 'Source')).toBe('From an AI client');
    expect(fact(detail, 'Tool')).toBe('search_notes');
    expect(fact(detail, 'Outcome')).toContain('Tool error');
    expect(fact(detail, 'Outcome')).toContain('reported a problem');
    expect(fact(detail, 'Duration')).toBe('2.3 s');
    expect(screen.getByTestId('call-error').textContent).toBe('Index is locked');
    expect(detail.querySelector('time')?.getAttribute('dateTime')).toBe(makeToolCall().time);
  });

  it('says when a call came from MCP Tray itself, and when there was no result', () => {
    const { detail } = renderDetail(
      makeToolCall({
        source: 'mcp-tray',
        client: { name: 'MCP Tray', version: null },
        result: null,
        arguments: undefined,
      }),
    );
    expect(fact(detail, 'Source')).toBe('From MCP Tray');
    expect(fact(detail, 'Client')).toBe('MCP Tray');
    expect(detail.textContent).toContain('No arguments.');
    expect(detail.textContent).toContain('No result was returned.');
    expect(screen.queryByTestId('copy-arguments')).toBeNull();
    expect(screen.queryByTestId('copy-result')).toBeNull();
    expect(screen.queryByTestId('call-error')).toBeNull();
  });

  it('pretty-prints the arguments and notes that secrets were removed', () => {
    renderDetail(makeToolCall({ arguments: { query: 'milk', options: { limit: 5, token: '[redacted]' } } }));
    expect(screen.getByTestId('call-arguments').textContent).toBe(
      '{\n  "query": "milk",\n  "options": {\n    "limit": 5,\n    "token": "[redacted]"\n  }\n}',
    );
    expect(screen.getByText('Secrets are removed before calls are saved.')).toBeTruthy();
  });

  it('describes the result: content types, size and a preview', () => {
    const { detail } = renderDetail(
      makeToolCall({ result: { contentTypes: ['text', 'image'], bytes: 2048, preview: 'Two notes found' } }),
    );
    expect(fact(detail, 'Content')).toBe('text, image');
    expect(fact(detail, 'Size')).toBe('2.0 KB');
    expect(screen.getByTestId('call-result').textContent).toBe('Two notes found');
  });

  it('copies arguments and result, and says so for a moment', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    renderDetail(
      makeToolCall({ arguments: { a: 1 }, result: { contentTypes: ['text'], bytes: 5, preview: 'hello' } }),
    );
    const copyArgs = screen.getByTestId('copy-arguments');
    expect(copyArgs.textContent).toBe('Copy arguments');
    await act(async () => fireEvent.click(copyArgs));
    expect(writeText).toHaveBeenCalledWith('{\n  "a": 1\n}');
    expect(copyArgs.textContent).toBe('Copied');
    expect(screen.getByText('Copied to the clipboard').getAttribute('role')).toBe('status');
    act(() => {
      vi.advanceTimersByTime(COPIED_MS);
    });
    expect(copyArgs.textContent).toBe('Copy arguments');

    await act(async () => fireEvent.click(screen.getByTestId('copy-result')));
    expect(writeText).toHaveBeenLastCalledWith('hello');
    expect(screen.getByTestId('copy-result').textContent).toBe('Copied');
  });

  it('says when copying failed', async () => {
    writeText.mockRejectedValueOnce(new Error('Document is not focused.'));
    renderDetail(makeToolCall());
    await act(async () => fireEvent.click(screen.getByTestId('copy-arguments')));
    expect(screen.getByTestId('copy-arguments').textContent).toBe('Couldn’t copy');
  });

  it('moves focus in, and closes with Escape, Close or a click beside it', () => {
    const { detail, onClose } = renderDetail(makeToolCall());
    expect(document.activeElement).toBe(within(detail).getByRole('button', { name: 'Close' }));
    fireEvent.keyDown(detail, { key: 'Escape' });
    expect(onClose).toHaveBeenCalledTimes(1);
    fireEvent.click(within(detail).getByRole('button', { name: 'Close' }));
    expect(onClose).toHaveBeenCalledTimes(2);
    // Inside the panel: stays open. On the dialog box itself (the backdrop): closes.
    fireEvent.click(screen.getByTestId('call-facts'));
    expect(onClose).toHaveBeenCalledTimes(2);
    fireEvent.click(detail);
    expect(onClose).toHaveBeenCalledTimes(3);
  });
});
