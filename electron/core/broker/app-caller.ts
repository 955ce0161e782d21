import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { UserFacingError } from '../rpc/errors';
import type { Broker } from './broker';
import type * as InProcessClient from './in-process-client';

/** The SDK's client, loaded with the first "try it" call rather than with the core. */
const loadInProcessClient = (): Promise<typeof InProcessClient> => import('./in-process-client');

/** A call the server or the broker refused or failed, in their words (for the user). */
export class ToolCallFailedError extends Error {}

/** Room for the broker's own timeout to answer first, so the user sees its message. */
const CLIENT_TIMEOUT_SLACK_MS = 5_000;

/**
 * Calls tools for the app's "try it" form the way an AI client would: one in-process MCP client
 * per instance, attached to the broker as a session marked `mcp-tray`. So the call takes the
 * same path (disabled tools refused, timeout, held during a token refresh) and is logged like
 * any other, shown as made from MCP Tray.
 */
export class AppCaller {
  private readonly clients = new Map<string, Promise<Client>>();

  constructor(
    private readonly broker: Broker,
    private readonly version: string,
  ) {}

  /** Calls `tool` on instance `id`; waits (bounded) for an instance that is starting. */
  async call(
    id: string,
    tool: string,
    args: Record<string, unknown>,
    timeoutMs: number,
  ): Promise<CallToolResult> {
    const { CallToolResultSchema, McpError } = await loadInProcessClient();
    try {
      const client = await this.client(id);
      return await client.request(
        { method: 'tools/call', params: { name: tool, arguments: args } },
        CallToolResultSchema,
        { timeout: timeoutMs + CLIENT_TIMEOUT_SLACK_MS },
      );
    } catch (error) {
      // The server's or the broker's words (unknown tool, bad arguments, timeout).
      if (error instanceof McpError) {
        throw new ToolCallFailedError(error.message.replace(/^MCP error -?\d+: /, ''), { cause: error });
      }
      throw error;
    }
  }

  /** Closes every session of the app (quit). */
  async closeAll(): Promise<void> {
    const all = [...this.clients.values()];
    this.clients.clear();
    await Promise.all(all.map(async (pending) => (await pending.catch(() => null))?.close()));
  }

  private client(id: string): Promise<Client> {
    let pending = this.clients.get(id);
    if (!pending) {
      pending = this.connect(id);
      this.clients.set(id, pending);
      pending.catch(() => this.forget(id, pending!));
    }
    return pending;
  }

  private forget(id: string, pending: Promise<Client>): void {
    if (this.clients.get(id) === pending) this.clients.delete(id);
  }

  private async connect(id: string): Promise<Client> {
    const refusal = await this.broker.whenReady(id);
    if (refusal) throw new UserFacingError(refusal.code, refusal.message);
    const { inProcessClient } = await loadInProcessClient();
    const client = await inProcessClient(
      this.broker,
      id,
      { name: 'MCP Tray', version: this.version },
      'mcp-tray',
    );
    const pending = this.clients.get(id);
    // A session the broker closed (quit, removal) is opened afresh on the next call.
    client.onclose = () => {
      if (pending) this.forget(id, pending);
    };
    return client;
  }
}
