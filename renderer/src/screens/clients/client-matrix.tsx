import './client-matrix.css';
import { useId } from 'react';
import type { KeyboardEvent } from 'react';
import type { ClientInfo, InstanceSummary } from '../../../../electron/shared/contract';
import { blockedReason } from './client-model';
import type { ClientSelection } from './use-client-selection';

interface ClientMatrixProps {
  /** Already in display order (installed first). */
  clients: readonly ClientInfo[];
  instances: readonly InstanceSummary[];
  selection: ClientSelection;
}

const MOVES: Partial<Record<string, [row: number, column: number]>> = {
  ArrowUp: [-1, 0],
  ArrowDown: [1, 0],
  ArrowLeft: [0, -1],
  ArrowRight: [0, 1],
};

/** Arrow keys move between checkboxes, like a grid; Tab still visits each one in order. */
function moveFocus(event: KeyboardEvent<HTMLTableElement>) {
  const move = MOVES[event.key];
  const from = event.target;
  if (!move || !(from instanceof HTMLInputElement) || from.dataset.row === undefined) return;
  const table = event.currentTarget;
  let row = Number(from.dataset.row);
  let column = Number(from.dataset.column);
  // Skip over disabled cells in the direction of travel.
  for (;;) {
    row += move[0];
    column += move[1];
    const next = table.querySelector<HTMLInputElement>(`input[data-row="${row}"][data-column="${column}"]`);
    if (!next) return;
    if (!next.disabled) {
      event.preventDefault();
      next.focus();
      return;
    }
  }
}

function ClientHeader({ client }: { client: ClientInfo }) {
  const note = client.error
    ? 'Can’t read its file'
    : !client.configPath
      ? 'Not available'
      : client.installed
        ? null
        : 'Not found';
  return (
    <th scope="col" className={client.installed ? 'matrix__client' : 'matrix__client matrix__client--absent'}>
      <span className="matrix__client-name">{client.name}</span>
      {note && <span className="matrix__note">{note}</span>}
    </th>
  );
}

/**
 * Services (rows) × clients (columns): a checkbox per pair says whether the client gets the
 * service. A change is saved as the user's choice at once; the client's file changes only when
 * they review and apply it.
 */
export function ClientMatrix({ clients, instances, selection }: ClientMatrixProps) {
  const captionId = useId();
  const legendId = useId();
  const isChanged = (client: ClientInfo, instanceId: string) =>
    blockedReason(client) === null &&
    selection.selectionOf(client).includes(instanceId) !== client.configured.includes(instanceId);
  const anyChanged = clients.some((client) => instances.some((instance) => isChanged(client, instance.id)));
  return (
    <div className="matrix-area">
      <div className="matrix-scroll">
        <table className="matrix" data-testid="client-matrix" onKeyDown={moveFocus}>
          <caption id={captionId} className="visually-hidden">
            Which services each AI client gets
          </caption>
          <thead>
            <tr>
              <th scope="col" className="matrix__corner">
                Service
              </th>
              {clients.map((client) => (
                <ClientHeader key={client.id} client={client} />
              ))}
            </tr>
          </thead>
          <tbody>
            {instances.map((instance, row) => (
              <tr key={instance.id} data-instance-id={instance.id}>
                <th scope="row" className="matrix__instance">
                  {instance.name}
                </th>
                {clients.map((client, column) => {
                  const selected = selection.selectionOf(client).includes(instance.id);
                  const changed = isChanged(client, instance.id);
                  return (
                    <td key={client.id} className="matrix__cell">
                      <input
                        type="checkbox"
                        className="matrix__checkbox"
                        checked={selected}
                        disabled={blockedReason(client) !== null}
                        aria-label={`Give ${instance.name} to ${client.name}`}
                        aria-describedby={changed ? legendId : undefined}
                        data-row={row}
                        data-column={column}
                        data-client={client.id}
                        onChange={(event) => selection.toggle(client, instance.id, event.target.checked)}
                      />
                      {changed && <span className="matrix__mark" aria-hidden="true" />}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {anyChanged && (
        <p id={legendId} className="matrix__legend">
          <span className="matrix__mark" aria-hidden="true" /> Changed here, not written to the client’s file
          yet.
        </p>
      )}
    </div>
  );
}
