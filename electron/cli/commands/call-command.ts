import type { TrayApi } from '../../shared/api';
import type { ToolCallResult } from '../../shared/contract';
import { UsageError } from '../args';
import type { ParsedArgs } from '../args';

type Out = (line: string) => void;

/** `--arg K=V` pairs; V is JSON when it parses as JSON (42, true, ["a"]), else text. */
export function callArguments(args: ParsedArgs): Record<string, unknown> {
  if (args.callJson !== undefined && args.callArgs.length > 0) {
    throw new UsageError('use either --arg K=V or --json, not both');
  }
  if (args.callJson !== undefined) {
    let value: unknown;
    try {
      value = JSON.parse(args.callJson);
    } catch (error) {
      throw new UsageError(`--json is not valid JSON: ${(error as Error).message}`);
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      throw new UsageError('--json takes a JSON object, such as \'{"text": "hi"}\'');
    }
    return value as Record<string, unknown>;
  }
  const result: Record<string, unknown> = {};
  for (const pair of args.callArgs) {
    const eq = pair.indexOf('=');
    if (eq <= 0) throw new UsageError(`--arg takes NAME=value, not "${pair}"`);
    const text = pair.slice(eq + 1);
    let value: unknown = text;
    try {
      value = JSON.parse(text);
    } catch {
      // Plain text, as typed.
    }
    result[pair.slice(0, eq)] = value;
  }
  return result;
}

/** The answer as a person reads it: text as is, other content described in one line. */
function printResult(result: ToolCallResult, out: Out): void {
  for (const part of result.content) {
    if (part.kind === 'text') out(part.text + (part.truncated ? ' … (cut short)' : ''));
    else if (part.kind === 'other') out(part.json);
    else if (part.kind === 'resource') out(part.text ?? `[resource ${part.uri}]`);
    else if (part.kind === 'link') out(`[link ${part.name}: ${part.uri}]`);
    else out(`[${part.kind} ${part.mimeType}, ${part.bytes} bytes]`);
  }
  if (result.structured !== null && result.content.length === 0) out(result.structured);
}

/**
 * `mcp-tray call <id> <tool> [--arg K=V]... | [--json '{…}']`: the "Try it" form's call
 * (callTool), through the broker and into the log as made from MCP Tray.
 */
export async function callCommand(api: TrayApi, args: ParsedArgs, out: Out): Promise<number> {
  const [id, tool, extra] = args.positionals;
  if (!id || !tool || extra !== undefined)
    throw new UsageError('usage: mcp-tray call <id> <tool> [--arg K=V]...');
  const result = await api.callTool({ id, tool, arguments: callArguments(args) });
  printResult(result, out);
  if (result.isError) process.stderr.write(`mcp-tray: ${tool} reported an error (see above).\n`);
  return result.isError ? 1 : 0;
}
