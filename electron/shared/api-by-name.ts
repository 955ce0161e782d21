import type { TrayApi, Transport } from './api';
import { ApiError } from './api-error';
import type { EventName, RequestName } from './contract';

/**
 * The `TrayApi` over a transport without loading the contract: a method is a request by its
 * name, `onX` subscribes to event `x`. For the CLI's control commands, which would otherwise
 * build every zod schema of the contract to send one request; the core validates each request
 * against the contract anyway, and an unknown name comes back as its error.
 */
export function createApiByName(transport: Transport): TrayApi {
  const methods = new Map<string, unknown>();
  const method = (key: string): unknown => {
    if (/^on[A-Z]/.test(key)) {
      const name = (key[2]!.toLowerCase() + key.slice(3)) as EventName;
      return (listener: (payload: unknown) => void) => transport.subscribe(name, listener);
    }
    return async (input: unknown = {}) => {
      const envelope = await transport.request(key as RequestName, input);
      if (!envelope.ok) throw new ApiError(envelope.error);
      return envelope.value;
    };
  };
  return new Proxy({} as TrayApi, {
    get: (_target, key) => {
      if (typeof key !== 'string' || key === 'then') return undefined;
      if (!methods.has(key)) methods.set(key, method(key));
      return methods.get(key);
    },
  });
}
