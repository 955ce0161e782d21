import type { Envelope, EventName, EventPayload, RequestInput, RequestName, RequestOutput } from './contract';
// Names only: the preload builds its API from them without loading zod.
import { EVENT_NAMES as eventNames, REQUEST_NAMES as requestNames } from './contract-names';
import { ApiError } from './api-error';

/** What a transport must carry: one request by name, one event subscription by name. */
export interface Transport {
  request(name: RequestName, input: unknown): Promise<Envelope<unknown>>;
  subscribe(name: EventName, listener: (payload: unknown) => void): () => void;
}

type RequestMethod<K extends RequestName> =
  Record<string, never> extends RequestInput<K>
    ? (input?: RequestInput<K>) => Promise<RequestOutput<K>>
    : (input: RequestInput<K>) => Promise<RequestOutput<K>>;

type EventMethodName<K extends string> = `on${Capitalize<K>}`;

type EnvelopeMethod<K extends RequestName> = (input?: RequestInput<K>) => Promise<Envelope<RequestOutput<K>>>;

/**
 * What the preload exposes: like `TrayApi`, but requests resolve to envelopes, because
 * Electron's contextBridge strips everything but the message from a thrown error (the error
 * code would be lost). The renderer turns it back into a `TrayApi` with `exposedTransport`.
 */
export type ExposedApi = { [K in RequestName]: EnvelopeMethod<K> } & {
  [K in EventName as EventMethodName<K>]: (listener: (payload: EventPayload<K>) => void) => () => void;
};

/** The typed API the renderer uses: one method per request, one `onX` per event. */
export type TrayApi = { [K in RequestName]: RequestMethod<K> } & {
  [K in EventName as EventMethodName<K>]: (listener: (payload: EventPayload<K>) => void) => () => void;
};

export { ApiError };

/** The `onX` method name for an event. */
function eventMethodName(name: EventName): string {
  return `on${name[0]!.toUpperCase()}${name.slice(1)}`;
}

/** Builds the preload's `ExposedApi` from a transport by walking the contract. */
export function createExposedApi(transport: Transport): ExposedApi {
  const api: Record<string, unknown> = {};
  for (const name of requestNames) api[name] = (input: unknown = {}) => transport.request(name, input);
  for (const name of eventNames) {
    api[eventMethodName(name)] = (listener: (payload: unknown) => void) =>
      transport.subscribe(name, listener);
  }
  return api as ExposedApi;
}

/** A transport over the preload's exposed methods (renderer side of the IPC bridge). */
export function exposedTransport(exposed: ExposedApi): Transport {
  const methods = exposed as unknown as Record<string, (arg: unknown) => unknown>;
  return {
    request: (name, input) => methods[name]!(input) as Promise<Envelope<unknown>>,
    subscribe: (name, listener) => methods[eventMethodName(name)]!(listener) as () => void,
  };
}

/** Builds the `TrayApi` from a transport by walking the contract. */
export function createApi(transport: Transport): TrayApi {
  const api: Record<string, unknown> = {};
  for (const name of requestNames) {
    api[name] = async (input: unknown = {}) => {
      const envelope = await transport.request(name, input);
      if (!envelope.ok) throw new ApiError(envelope.error);
      return envelope.value;
    };
  }
  for (const name of eventNames) {
    api[eventMethodName(name)] = (listener: (payload: unknown) => void) =>
      transport.subscribe(name, listener);
  }
  return api as TrayApi;
}
