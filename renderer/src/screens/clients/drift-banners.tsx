import './clients.css';
import { useId } from 'react';
import type { ClientInfo } from '../../../../electron/shared/contract';
import { Banner } from '../../components/banner';
import type { NameOf } from './client-model';
import { canConfigure, formatList } from './client-model';

interface DriftBannerProps {
  client: ClientInfo;
  nameOf: NameOf;
  onRestore: (client: ClientInfo, opener: HTMLElement) => void;
}

function DriftBanner({ client, nameOf, onRestore }: DriftBannerProps) {
  const messageId = useId();
  return (
    <Banner level="warning" testId="drift-banner">
      <div className="drift-banner" data-client={client.id}>
        <p>
          <strong id={messageId}>
            {client.name} removed the entries for {formatList(client.drift.map(nameOf))}.
          </strong>{' '}
          It no longer gets {client.drift.length === 1 ? 'that service' : 'those services'}.
        </p>
        <button
          type="button"
          className="button button--small"
          aria-haspopup="dialog"
          aria-describedby={messageId}
          onClick={(event) => onRestore(client, event.currentTarget)}
          data-testid="drift-restore"
        >
          Restore
        </button>
      </div>
    </Banner>
  );
}

interface DriftBannersProps {
  clients: readonly ClientInfo[];
  nameOf: NameOf;
  onRestore: (client: ClientInfo, opener: HTMLElement) => void;
}

/** Clients that removed entries MCP Tray wrote (an update, the user, another tool) since. */
export function DriftBanners({ clients, nameOf, onRestore }: DriftBannersProps) {
  const drifted = clients.filter((client) => client.drift.length > 0 && canConfigure(client));
  if (drifted.length === 0) return null;
  return (
    <div className="drift-banners">
      {drifted.map((client) => (
        <DriftBanner key={client.id} client={client} nameOf={nameOf} onRestore={onRestore} />
      ))}
    </div>
  );
}
