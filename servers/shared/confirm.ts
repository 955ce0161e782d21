import type { Server } from '@modelcontextprotocol/sdk/server/index.js';

export type Confirmation = 'confirmed' | 'declined' | 'unsupported';

/**
 * Asks the person (not the model) to confirm a sensitive action through MCP elicitation. When the
 * client cannot elicit, its own approval of destructive tools is the safeguard: `unsupported`.
 */
export async function confirmAction(server: Server, message: string): Promise<Confirmation> {
  if (!server.getClientCapabilities()?.elicitation) return 'unsupported';
  const result = await server.elicitInput({
    message,
    requestedSchema: {
      type: 'object',
      properties: {
        confirm: { type: 'boolean', title: 'Yes, do it', description: message, default: false },
      },
      required: ['confirm'],
    },
  });
  return result.action === 'accept' && result.content?.confirm === true ? 'confirmed' : 'declined';
}
