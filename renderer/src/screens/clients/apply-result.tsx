import './clients.css';
import { useState } from 'react';
import type { ClientApplied } from '../../../../electron/shared/contract';
import { useApi } from '../../api/api-context';
import { messageOf } from '../../api/error-message';
import { Icon } from '../../components/icon';

/** Claude Desktop keeps running in the tray, so we offer to quit and reopen it for the user. */
function RestartClaude({ applied }: { applied: ClientApplied }) {
  const api = useApi();
  const [state, setState] = useState<{ busy: boolean; message: string | null }>({
    busy: false,
    message: null,
  });
  if (applied.client !== 'claude-desktop') return null;
  const restart = async () => {
    setState({ busy: true, message: null });
    try {
      const result = await api.restartClient({ client: applied.client });
      setState({ busy: false, message: result.message });
    } catch (error) {
      setState({ busy: false, message: messageOf(error) });
    }
  };
  return (
    <p className="reload-hint__action">
      <button
        type="button"
        className="button"
        data-testid="restart-client"
        disabled={state.busy}
        onClick={() => void restart()}
      >
        {state.busy ? 'Restarting Claude Desktop…' : 'Restart Claude Desktop now'}
      </button>
      {state.message && (
        <span role="status" data-testid="restart-client-result">
          {' '}
          {state.message}
        </span>
      )}
    </p>
  );
}

/** What a write did: the file, its backup, and what the user must do for the client to notice. */
export function ApplyResult({ applied }: { applied: ClientApplied }) {
  if (!applied.changed) {
    return (
      <div className="apply-result" data-testid="apply-result">
        <p className="note">
          <Icon name="check" />
          <span>
            Nothing to write: <code className="path">{applied.file}</code> already matches.
          </span>
        </p>
      </div>
    );
  }
  return (
    <div className="apply-result" data-testid="apply-result">
      <p className="apply-result__written">
        <Icon name="check" className="icon apply-result__icon" />
        <span>
          Written to <code className="path">{applied.file}</code>.{' '}
          {applied.backup ? (
            <>
              Backup: <code className="path">{applied.backup}</code>.
            </>
          ) : (
            'There was no file before, so there is no backup.'
          )}
        </span>
      </p>
      <p className="reload-hint" data-testid="reload-hint">
        <Icon name="reconnect" className="icon reload-hint__icon" />
        <span>
          <strong className="reload-hint__lead">One more step: </strong>
          {applied.reloadHint}
        </span>
      </p>
      <RestartClaude applied={applied} />
    </div>
  );
}
