import './settings.css';
import { useState } from 'react';
import type { DiagnosticsExport } from '../../../../electron/shared/contract';
import { useApi } from '../../api/api-context';
import { messageOf } from '../../api/error-message';
import { CopyButton } from '../../components/copy-button';
import { Icon } from '../../components/icon';
import { formatBytes } from '../logs/call-format';

type ExportState =
  | { status: 'idle' }
  | { status: 'pending' }
  | { status: 'done'; result: DiagnosticsExport }
  | { status: 'error'; message: string };

/** Writes a zip of logs and state, every secret taken out, for a bug report; says where it went. */
export function DiagnosticsExportButton() {
  const api = useApi();
  const [state, setState] = useState<ExportState>({ status: 'idle' });
  const pending = state.status === 'pending';

  const run = async () => {
    if (pending) return;
    setState({ status: 'pending' });
    try {
      setState({ status: 'done', result: await api.exportDiagnostics() });
    } catch (error) {
      setState({ status: 'error', message: messageOf(error) });
    }
  };

  return (
    <div className="details__card diagnostics" data-testid="diagnostics">
      <p>
        A zip file with MCP Tray’s logs, each service’s error output, recent tool calls and your settings, to
        attach to a bug report. Passwords, tokens and keys are taken out first.
      </p>
      <div className="inline-form__row">
        <button
          type="button"
          className="button"
          aria-disabled={pending}
          onClick={() => void run()}
          data-testid="diagnostics-export"
        >
          <Icon name="up" />
          {pending ? 'Exporting…' : 'Export diagnostics'}
        </button>
      </div>
      <div role="status" className="diagnostics__result">
        {state.status === 'done' && (
          <div className="diagnostics__done" data-testid="diagnostics-done">
            <p>
              <Icon name="check" /> Saved ({formatBytes(state.result.bytes)}) to{' '}
              <code className="path" data-testid="diagnostics-path">
                {state.result.path}
              </code>
            </p>
            <CopyButton text={state.result.path} label="Copy path" testId="diagnostics-copy" />
          </div>
        )}
      </div>
      {state.status === 'error' && (
        <p className="inline-error" role="alert" data-testid="diagnostics-error">
          Couldn’t export diagnostics: {state.message}
        </p>
      )}
    </div>
  );
}
