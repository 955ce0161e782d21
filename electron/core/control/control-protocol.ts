import * as z from 'zod';

const ControlHello = z
  .object({
    type: z.literal('hello'),
    secret: z.string().max(200),
    purpose: z.literal('control'),
    /** Receive core events too (`logs --follow`, status watchers). */
    events: z.boolean().default(false),
  })
  .strict();

const ConnectHello = z
  .object({
    type: z.literal('hello'),
    secret: z.string().max(200),
    purpose: z.literal('connect'),
    /** The instance this MCP session is for; absent: a combined entry for the whole profile. */
    instance: z.string().max(100).optional(),
    /** The profile the entry names (`--profile`); it wins over the client's. */
    profile: z.string().max(40).optional(),
    /** The client the entry belongs to (`--client`): its profile applies. */
    client: z.string().max(40).optional(),
  })
  .strict()
  .refine(
    (hello) => hello.instance !== undefined || hello.profile !== undefined || hello.client !== undefined,
    {
      message: 'a connect hello names an instance, a profile or a client',
    },
  );

/** First line a local client sends: who it is, what for, and the per-install secret. */
export const HelloFrame = z.discriminatedUnion('purpose', [ControlHello, ConnectHello]);
export type HelloFrame = z.input<typeof HelloFrame>;

/** Limits of the local socket before and after the handshake. */
export const HELLO_TIMEOUT_MS = 2000;
/** Largest line on the socket: a JSON-RPC frame of an MCP session may be this big. */
export const MAX_LINE_BYTES = 10 * 1024 * 1024;
