import type { ClientApplied } from '../../../../electron/shared/contract';
import { Icon } from '../../components/icon';

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
    </div>
  );
}
