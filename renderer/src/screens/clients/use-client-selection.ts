import { useRef, useState } from 'react';
import type { ClientId, ClientInfo } from '../../../../electron/shared/contract';
import { useApi } from '../../api/api-context';
import { messageOf } from '../../api/error-message';
import { nextSelection } from './client-model';

interface SelectionError {
  client: ClientId;
  message: string;
}

export interface ClientSelection {
  /** What the client gets as far as the user is concerned: a change on its way counts already. */
  selectionOf: (client: ClientInfo) => readonly string[];
  /** Gives a service to a client or takes it away, sending the client's full new list. */
  toggle: (client: ClientInfo, instanceId: string, give: boolean) => void;
  error: SelectionError | null;
}

/**
 * Selection changes, shown at once and sent one full list per change. When several changes to
 * one client overlap, only the newest answer counts; a failure puts the last known list back.
 */
export function useClientSelection(
  instanceIds: ReadonlySet<string>,
  putClient: (client: ClientInfo) => void,
): ClientSelection {
  const api = useApi();
  const [pending, setPending] = useState<Partial<Record<ClientId, readonly string[]>>>({});
  const [error, setError] = useState<SelectionError | null>(null);
  const latest = useRef(new Map<ClientId, number>());

  const selectionOf = (client: ClientInfo) => pending[client.id] ?? client.selected;

  const settle = (client: ClientId, request: number): boolean => {
    if (latest.current.get(client) !== request) return false;
    setPending(({ [client]: _settled, ...rest }) => rest);
    return true;
  };

  const toggle = (client: ClientInfo, instanceId: string, give: boolean) => {
    const instances = nextSelection(selectionOf(client), instanceId, give, instanceIds);
    const request = (latest.current.get(client.id) ?? 0) + 1;
    latest.current.set(client.id, request);
    setPending((current) => ({ ...current, [client.id]: instances }));
    setError(null);
    api.setClientSelection({ client: client.id, instances }).then(
      (info) => {
        if (settle(client.id, request)) putClient(info);
      },
      (failure: unknown) => {
        if (settle(client.id, request)) setError({ client: client.id, message: messageOf(failure) });
      },
    );
  };

  return { selectionOf, toggle, error };
}
