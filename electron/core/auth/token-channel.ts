import * as z from 'zod';

/**
 * The 401 channel (docs/integrations.md): a built-in server whose token was rejected sends this
 * request to us, its MCP client; we refresh and answer `{ value }`, the new value of the token's
 * environment variable, or an error when the user must sign in again. Servers carry the same
 * method name in `servers/shared/token-source.ts` (they do not import the core).
 */
export const TOKEN_REJECTED_METHOD = 'mcptray/token-rejected';

export const TokenRejectedRequest = z.object({
  method: z.literal(TOKEN_REJECTED_METHOD),
  params: z.optional(z.record(z.string(), z.unknown())),
});

export interface TokenRejectedResult {
  value: string;
  [key: string]: unknown;
}
