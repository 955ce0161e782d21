import * as z from 'zod';
import type { Server } from '@modelcontextprotocol/sdk/server/index.js';

/**
 * The 401 channel (docs/integrations.md): a built-in server whose token is rejected sends this
 * request to its MCP client. MCP Tray's core answers with a fresh value for the token's
 * environment variable (after refreshing it), or an error when the user must sign in again.
 * Any other client answers "method not found", and the call fails with "sign in again".
 */
export const TOKEN_REFRESH_METHOD = 'mcptray/token-rejected';

const TokenRefreshResult = z.object({ value: z.string().min(1) });

/** The access token a server uses, and the one way to get a fresh one. */
export interface TokenSource {
  current(): string;
  /** Asks for a new token after `rejected` failed; false when none can be had. */
  refresh(rejected: string): Promise<boolean>;
}

/** A fixed token (tests of code that never refreshes). */
export const staticToken = (value: string): TokenSource => ({
  current: () => value,
  refresh: () => Promise.resolve(false),
});

/**
 * The token from the environment MCP Tray started us with (`prefix` stripped), refreshed
 * through the client. Concurrent 401s share one refresh; a token is refreshed at most once.
 */
export class ChannelTokenSource implements TokenSource {
  private value: string;
  private inFlight: Promise<boolean> | null = null;

  constructor(
    private readonly server: Server,
    initial: string,
    private readonly prefix = '',
  ) {
    this.value = this.strip(initial);
  }

  current(): string {
    return this.value;
  }

  refresh(rejected: string): Promise<boolean> {
    if (rejected !== this.value) return Promise.resolve(true);
    this.inFlight ??= this.ask().finally(() => (this.inFlight = null));
    return this.inFlight;
  }

  private async ask(): Promise<boolean> {
    try {
      const result = await this.server.request(
        { method: TOKEN_REFRESH_METHOD, params: {} },
        TokenRefreshResult,
        { timeout: 60_000 },
      );
      const next = this.strip(result.value);
      if (next === this.value) return false;
      this.value = next;
      return true;
    } catch {
      return false;
    }
  }

  private strip(value: string): string {
    return value.startsWith(this.prefix) ? value.slice(this.prefix.length) : value;
  }
}
