import { z } from 'zod';

/** First line a local client sends: who it is and the per-install secret. */
export const HelloFrame = z
  .object({
    type: z.literal('hello'),
    secret: z.string().max(200),
    purpose: z.literal('control'),
    /** Receive core events too (`logs --follow`, status watchers). */
    events: z.boolean().default(false),
  })
  .strict();
export type HelloFrame = z.input<typeof HelloFrame>;

/** The core's answer to a good hello. */
export const WelcomeFrame = z.object({ type: z.literal('welcome'), version: z.string(), pid: z.number() });

/** Limits of the local socket before and after the handshake. */
export const HELLO_TIMEOUT_MS = 2000;
export const MAX_CONTROL_LINE_BYTES = 1024 * 1024;
