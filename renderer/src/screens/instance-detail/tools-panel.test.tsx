// @vitest-environment happy-dom
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../../electron/shared/api';
import type { ToolCallResult } from '../../../../electron/shared/contract';
import { createFakeApi, makeDetail, makeTool } from '../../test/fake-api';
import { renderScreen } from '../../test/render';
import { InstanceDetailScreen } from './instance-detail-screen';

const search = makeTool({
  name: 'search_issues',
  title: 'Search issues',
  description: 'Finds issues by text.',
  inputSchema: {
    type: 'object',
    properties: {
      query: { type: 'string', description: 'Words to look for.' },
      state: { type: 'string', enum: ['open', 'closed'], default: 'open' },
      limit: { type: 'integer', minimum: 1, maximum: 50, default: 10 },
    },
    required: ['query'],
  },
});
const remove = makeTool({ name: 'delete_issue', destructive: true, enabled: false });

async function openTools(
  tools = [search, remove],
  callTool?: () => ToolCallResult | Promise<ToolCallResult>,
) {
  const fake = createFakeApi({
    details: [makeDetail({ id: 'gh', name: 'GitHub', tools, disabledTools: ['delete_issue'] })],
    callTool,
  });
  renderScreen(<InstanceDetailScreen id="gh" />, { api: fake.api });
  fireEvent.click(await screen.findByRole('tab', { name: `Tools ${tools.length}` }));
  return fake;
}

const row = (name: string) => screen.getAllByTestId('tool-row').find((r) => r.dataset.tool === name)!;

describe('Tools tab', () => {
  it('opens a tool to show its arguments readably: type, required, allowed values, default, limits', async () => {
    await openTools();
    expect(screen.getByTestId('tools-summary').textContent).toContain('2 tools, 1 turned off');
    expect(within(row('delete_issue')).getByText('Off')).toBeTruthy();
    const toggle = within(row('search_issues')).getByTestId('tool-toggle');
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    expect(within(row('search_issues')).queryByTestId('schema-view')).toBeNull();

    fireEvent.click(toggle);
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    const fields = within(row('search_issues')).getAllByTestId('schema-field');
    expect(fields.map((f) => f.querySelector('code')!.textContent)).toEqual(['query', 'state', 'limit']);
    expect(fields[0]!.textContent).toContain('string');
    expect(fields[0]!.textContent).toContain('required');
    expect(fields[0]!.textContent).toContain('Words to look for.');
    expect(fields[1]!.textContent).toContain('Allowed: "open", "closed"');
    expect(fields[1]!.textContent).toContain('Default: "open"');
    expect(fields[2]!.textContent).toContain('1 to 50');
  });

  it('"try it" calls the tool with typed arguments and shows the answer', async () => {
    const fake = await openTools();
    fireEvent.click(within(row('search_issues')).getByTestId('tool-toggle'));
    const form = within(row('search_issues')).getByTestId('try-form');
    // Labels name every control.
    expect(within(form).getByLabelText(/query/)).toBe(within(form).getByTestId('try-field-query'));
    fireEvent.click(within(form).getByTestId('try-run'));
    expect((await within(form).findByTestId('try-problem')).textContent).toBe('query is required.');
    expect(document.activeElement).toBe(within(form).getByTestId('try-field-query'));
    expect(fake.api.callTool).not.toHaveBeenCalled();

    fireEvent.change(within(form).getByTestId('try-field-query'), { target: { value: 'crash' } });
    fireEvent.change(within(form).getByTestId('try-field-limit'), { target: { value: '5' } });
    fireEvent.click(within(form).getByTestId('try-run'));
    const result = await within(row('search_issues')).findByTestId('try-result');
    expect(fake.api.callTool).toHaveBeenCalledWith({
      id: 'gh',
      tool: 'search_issues',
      arguments: { query: 'crash', state: 'open', limit: 5 },
    });
    expect(result.textContent).toContain('The tool answered');
    expect(result.textContent).toContain('{"query":"crash","state":"open","limit":5}');
  });

  it('shows text, images and structured output, and a tool error as an error', async () => {
    await openTools([search], () => ({
      isError: true,
      content: [
        { kind: 'text', text: 'Rate limited', truncated: false },
        { kind: 'image', mimeType: 'image/png', data: 'iVBORw0KGgo=', bytes: 8 },
      ],
      structured: '{\n  "retryAfter": 30\n}',
      durationMs: 1500,
    }));
    fireEvent.click(within(row('search_issues')).getByTestId('tool-toggle'));
    fireEvent.change(screen.getByTestId('try-field-query'), { target: { value: 'x' } });
    fireEvent.click(screen.getByTestId('try-run'));
    const result = await screen.findByTestId('try-result');
    expect(result.dataset.error).toBe('true');
    expect(result.textContent).toContain('The tool reported a problem');
    expect(result.textContent).toContain('in 1.5 s');
    expect(result.textContent).toContain('Rate limited');
    expect(within(result).getByRole('img').getAttribute('src')).toBe('data:image/png;base64,iVBORw0KGgo=');
    expect(within(result).getByLabelText('Structured output').textContent).toContain('"retryAfter": 30');
  });

  it('says why a call failed, and offers JSON for what the form cannot express', async () => {
    const fake = await openTools([search], () => {
      throw new ApiError({ code: 'tool-call-failed', message: 'Request timed out' });
    });
    fireEvent.click(within(row('search_issues')).getByTestId('tool-toggle'));
    fireEvent.change(screen.getByTestId('try-field-query'), { target: { value: 'x' } });
    fireEvent.click(screen.getByRole('button', { name: 'JSON' }));
    const json = screen.getByTestId('try-json') as HTMLTextAreaElement;
    expect(JSON.parse(json.value)).toEqual({ query: 'x', state: 'open', limit: 10 });
    fireEvent.change(json, { target: { value: '[1, 2]' } });
    fireEvent.click(screen.getByTestId('try-run'));
    expect((await screen.findByTestId('try-problem')).textContent).toMatch(/must be a JSON object/);
    fireEvent.change(json, { target: { value: '{"query": "y", "extra": true}' } });
    fireEvent.click(screen.getByTestId('try-run'));
    expect((await screen.findByTestId('try-failure')).textContent).toBe('Request timed out');
    expect(fake.api.callTool).toHaveBeenLastCalledWith({
      id: 'gh',
      tool: 'search_issues',
      arguments: { query: 'y', extra: true },
    });
  });

  it('does not offer to try a tool that is off', async () => {
    await openTools();
    fireEvent.click(within(row('delete_issue')).getByTestId('tool-toggle'));
    expect(within(row('delete_issue')).getByTestId('try-off').textContent).toContain('turned off');
    expect(within(row('delete_issue')).queryByTestId('try-form')).toBeNull();
  });

  it('stays quick with 200 tools, and filters them', async () => {
    const many = Array.from({ length: 200 }, (_, i) =>
      makeTool({ name: `tool_${String(i).padStart(3, '0')}`, description: `Does thing number ${i}.` }),
    );
    const started = performance.now();
    await openTools(many);
    expect(screen.getAllByTestId('tool-row')).toHaveLength(200);
    // Closed rows render no schema or form: a generous bound that a per-row form would blow.
    expect(performance.now() - started).toBeLessThan(3000);
    expect(screen.queryAllByTestId('try-form')).toHaveLength(0);
    fireEvent.change(screen.getByTestId('tools-filter'), { target: { value: 'thing tool_017' } });
    await waitFor(() =>
      expect(screen.getAllByTestId('tool-row').map((r) => r.dataset.tool)).toEqual(['tool_017']),
    );
    fireEvent.change(screen.getByTestId('tools-filter'), { target: { value: 'zzz' } });
    expect((await screen.findByTestId('tools-no-match')).textContent).toContain('zzz');
  });
});
