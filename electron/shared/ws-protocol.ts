import * as z from 'zod';
import { ApiErrorShape } from './contract';

/** Frames of the WebSocket bridge between the headless host and the renderer. */
export const WsClientFrame = z.object({
  type: z.literal('request'),
  id: z.number().int().nonnegative(),
  name: z.string().max(100),
  input: z.unknown(),
});
export type WsClientFrame = z.infer<typeof WsClientFrame>;

const ResultEnvelope = z.union([
  z.object({ ok: z.literal(true), value: z.unknown() }),
  z.object({ ok: z.literal(false), error: ApiErrorShape }),
]);

export const WsServerFrame = z.discriminatedUnion('type', [
  z.object({ type: z.literal('response'), id: z.number().int(), result: ResultEnvelope }),
  z.object({ type: z.literal('event'), name: z.string(), payload: z.unknown() }),
]);
export type WsServerFrame = z.infer<typeof WsServerFrame>;

/** Path of the WebSocket endpoint on the headless host. */
export const WS_PATH = '/api';
