import './client-card.css';
import { useId } from 'react';
import type { ClientInfo } from '../../../../electron/shared/contract';
import { CopyButton } from '../../components/copy-button';
import { Icon } from '../../components/icon';
import { MiddleEllipsis } from '../../components/middle-ellipsis';
import type { NameOf } from './client-model';
import { ClientProfile } from './client-profile';
import { blockedReason, commandLine, foreignEntries, formatList, pendingChange } from './client-model';

interface ClientCardProps {
  client: ClientInfo;
  /** Services that exist, to tell pending changes apart (null while unknown). */
  instanceIds: ReadonlySet<string>;
  nameOf: NameOf;
  /** Opens the review of this client's file; the button is passed to get focus back. */
  onReview: (client: ClientInfo, opener: HTMLElement) => void;
  onImport: (client: ClientInfo, opener: HTMLElement) => void;
  /** Profile names for the profile choice (absent: the choice is not shown). */
  profiles?: string[];
  onClientChanged?: (client: ClientInfo) => void;
}

function Presence({ client }: { client: ClientInfo }) {
  if (!client.configPath) {
    return (
      <span className="client-card__presence" data-testid="client-presence">
        <Icon name="slash" />
        Not available on this system
      </span>
    );
  }
  return client.installed ? (
    <span className="client-card__presence client-card__presence--installed" data-testid="client-presence">
      <Icon name="check" />
      Installed
    </span>
  ) : (
    <span className="client-card__presence" data-testid="client-presence">
      <Icon name="search" />
      Not found on this computer
    </span>
  );
}

function PendingLine({
  client,
  instanceIds,
  nameOf,
}: Pick<ClientCardProps, 'client' | 'instanceIds' | 'nameOf'>) {
  const { adds, removes } = pendingChange(client, instanceIds);
  if (adds.length === 0 && removes.length === 0) return null;
  const parts = [];
  if (adds.length) parts.push(`gets ${formatList(adds.map(nameOf))}`);
  if (removes.length) parts.push(`loses ${formatList(removes.map(nameOf))}`);
  return (
    <p className="client-card__pending" data-testid="client-pending">
      <Icon name="clock" />
      <span>
        Not written yet: after applying, {client.name} {parts.join(' and ')}.
      </span>
    </p>
  );
}

/** One AI client: whether it is here, its config file, what it gets, and its own servers. */
export function ClientCard({
  client,
  instanceIds,
  nameOf,
  onReview,
  onImport,
  profiles,
  onClientChanged,
}: ClientCardProps) {
  const headingId = useId();
  const blocked = blockedReason(client);
  const { adds, removes } = pendingChange(client, instanceIds);
  const pending = !blocked && (adds.length > 0 || removes.length > 0);
  const own = foreignEntries(client);
  const classes = ['client-card'];
  if (!client.installed) classes.push('client-card--absent');
  if (client.error) classes.push('client-card--error');
  return (
    <li className={classes.join(' ')} data-testid="client-card" data-client={client.id}>
      <article aria-labelledby={headingId} className="client-card__body">
        <header className="client-card__header">
          <h3 id={headingId} className="client-card__name">
            {client.name}
          </h3>
          <Presence client={client} />
        </header>

        {client.error && (
          <div className="inline-error client-card__error" role="alert" data-testid="client-error">
            <p>{client.error}</p>
            <p className="client-card__error-help">
              Fix or remove the file, then come back. MCP Tray does not change a file it cannot read.
            </p>
          </div>
        )}

        <dl className="client-card__facts">
          <div className="client-card__fact">
            <dt>Config file</dt>
            <dd className="client-card__path">
              {client.configPath ? (
                <>
                  <MiddleEllipsis text={client.configPath} testId="client-path" />
                  <CopyButton text={client.configPath} label="Copy" />
                </>
              ) : (
                <span className="muted">None on this system</span>
              )}
            </dd>
          </div>
          <div className="client-card__fact">
            <dt>Gets from MCP Tray</dt>
            <dd data-testid="client-configured">
              {client.configured.length ? formatList(client.configured.map(nameOf)) : 'Nothing yet'}
            </dd>
          </div>
          {own.length > 0 && (
            <div className="client-card__fact">
              <dt>Its own servers</dt>
              <dd>
                <ul className="client-card__own" data-testid="client-own-entries">
                  {own.map((entry) => (
                    <li key={entry.name}>
                      <span className="client-card__own-name">{entry.name}</span>{' '}
                      {entry.command && (
                        <code className="client-card__own-command">{commandLine(entry)}</code>
                      )}
                    </li>
                  ))}
                </ul>
              </dd>
            </div>
          )}
        </dl>

        {profiles && onClientChanged && client.configPath && (
          <ClientProfile client={client} profiles={profiles} onChanged={onClientChanged} />
        )}

        {!blocked && <PendingLine client={client} instanceIds={instanceIds} nameOf={nameOf} />}

        <div className="client-card__actions">
          <button
            type="button"
            className={pending ? 'button button--primary button--small' : 'button button--small'}
            disabled={blocked !== null}
            aria-haspopup="dialog"
            onClick={(event) => onReview(client, event.currentTarget)}
            data-testid="client-review"
          >
            {pending ? 'Review and apply…' : 'Review file…'}
          </button>
          {own.length > 0 && (
            <button
              type="button"
              className="button button--small"
              disabled={blocked !== null}
              aria-haspopup="dialog"
              onClick={(event) => onImport(client, event.currentTarget)}
              data-testid="client-import"
            >
              Import…
            </button>
          )}
        </div>
      </article>
    </li>
  );
}
