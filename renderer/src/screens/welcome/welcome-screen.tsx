import './welcome.css';
import '../catalog/entry-parts.css';
import { useId, useState } from 'react';
import type { CatalogEntry, ClientInfo } from '../../../../electron/shared/contract';
import { useApi } from '../../api/api-context';
import { messageOf } from '../../api/error-message';
import type { Loader } from '../../api/use-api-data';
import { useApiData } from '../../api/use-api-data';
import { Icon } from '../../components/icon';
import { useReclaimFocus } from '../../hooks/use-reclaim-focus';
import { ErrorState, LoadingState } from '../../components/load-states';
import { Screen } from '../../components/screen';
import { addHref } from '../../routing/routes';
import { suggestedEntries } from '../catalog/catalog-model';
import { EntryIcon, EntryNeeds } from '../catalog/entry-parts';
import { formatList, sortClients } from '../clients/client-model';

const loadClients: Loader<ClientInfo[]> = (api) => api.listClients();
const loadCatalog: Loader<CatalogEntry[]> = (api) => api.listCatalog();

function DetectedClients() {
  const { state, retry } = useApiData(loadClients);
  if (state.status === 'loading') return <LoadingState label="Looking for AI clients…" />;
  if (state.status === 'error') {
    return <ErrorState title="Couldn't look for AI clients." message={state.message} onRetry={retry} />;
  }
  const found = sortClients(state.data).filter((client) => client.installed);
  if (found.length === 0) {
    return (
      <p className="welcome__clients" data-testid="welcome-clients">
        <Icon name="search" />
        <span>
          No AI clients found on this computer yet. Install Claude Desktop, Cursor or VS Code, and MCP Tray
          sets them up for you; you can add services already.
        </span>
      </p>
    );
  }
  return (
    <p className="welcome__clients welcome__clients--found" data-testid="welcome-clients">
      <Icon name="check" />
      <span>
        Found on this computer: <strong>{formatList(found.map((client) => client.name))}</strong>. MCP Tray
        sets them up when you add a service.
      </span>
    </p>
  );
}

function Suggestion({ entry }: { entry: CatalogEntry }) {
  const id = useId();
  return (
    <li className="suggestion" data-testid="welcome-suggestion" data-entry-id={entry.id}>
      <EntryIcon entry={entry} large />
      <div className="suggestion__body">
        <h3 id={id} className="suggestion__name">
          {entry.name}
        </h3>
        <p className="muted">{entry.description}</p>
        <EntryNeeds entry={entry} />
      </div>
      <a className="button button--primary suggestion__action" href={addHref(entry.id)} aria-describedby={id}>
        Connect
      </a>
    </li>
  );
}

function Suggestions() {
  const { state, retry } = useApiData(loadCatalog);
  return (
    <ul className="suggestions" aria-label="Suggested services">
      {state.status === 'loading' && (
        <li>
          <LoadingState label="Loading suggestions…" />
        </li>
      )}
      {state.status === 'error' && (
        <li>
          <ErrorState title="Couldn't load the catalog." message={state.message} onRetry={retry} />
        </li>
      )}
      {state.status === 'ready' &&
        suggestedEntries(state.data).map((entry) => <Suggestion key={entry.id} entry={entry} />)}
      <li className="suggestion suggestion--own">
        <Icon name="terminal" className="icon entry-icon entry-icon--large entry-icon--glyph" />
        <div className="suggestion__body">
          <h3 className="suggestion__name">Your own server</h3>
          <p className="muted">Any MCP server you run with a command such as npx or uvx.</p>
        </div>
        <a className="button suggestion__action" href={addHref('custom')} data-testid="welcome-custom">
          Add your own server
        </a>
      </li>
    </ul>
  );
}

/**
 * First run: which AI clients are here, the three most useful things to connect, and a way to
 * add one's own server. Closing it is remembered (in settings), so it never comes back.
 */
export function WelcomeScreen({ onDismissed }: { onDismissed: () => void }) {
  const api = useApi();
  const [error, setError] = useState<string | null>(null);
  useReclaimFocus();
  const dismiss = async () => {
    try {
      await api.setUiFlag({ flag: 'welcomeDismissed', value: true });
      onDismissed();
    } catch (failure) {
      setError(messageOf(failure));
    }
  };
  return (
    <Screen
      title="Welcome to MCP Tray"
      description="Connect your accounts and tools to your AI clients: no config files to edit, no tokens to paste."
      testId="welcome-screen"
    >
      <DetectedClients />
      <section className="welcome__section" aria-labelledby="welcome-connect">
        <h2 id="welcome-connect" className="section-title">
          Connect your first service
        </h2>
        <Suggestions />
        <p>
          <a href={addHref()} data-testid="welcome-catalog">
            See everything you can add
          </a>
        </p>
      </section>
      {error && (
        <p className="inline-error" role="alert">
          {error}
        </p>
      )}
      <p>
        <button
          type="button"
          className="link-button"
          onClick={() => void dismiss()}
          data-testid="welcome-dismiss"
        >
          Skip the welcome
        </button>
      </p>
    </Screen>
  );
}
