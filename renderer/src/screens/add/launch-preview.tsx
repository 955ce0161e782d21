import './add.css';
import { useId } from 'react';
import { CopyButton } from '../../components/copy-button';
import { Icon } from '../../components/icon';

export interface LaunchInfo {
  command: string;
  args: readonly string[];
  envNames: readonly string[];
  /** Names among `envNames` whose values come from the keychain. */
  secretEnvNames?: readonly string[];
}

/** For copying: each argument quoted when it has spaces or quotes (for reading, not a shell). */
const commandLine = ({ command, args }: LaunchInfo): string =>
  [command, ...args]
    .map((part) => (/[\s"']/.test(part) || part === '' ? JSON.stringify(part) : part))
    .join(' ');

/**
 * Exactly what will run, shown before anything does: the program, each argument on its own
 * line, and the names (never the values) of the environment variables it gets.
 */
export function LaunchPreview({ launch, title = 'What will run' }: { launch: LaunchInfo; title?: string }) {
  const headingId = useId();
  const secret = new Set(launch.secretEnvNames ?? []);
  return (
    <section className="launch-preview" aria-labelledby={headingId} data-testid="launch-preview">
      <h3 id={headingId} className="launch-preview__title">
        <Icon name="terminal" />
        {title}
      </h3>
      <p className="muted">
        MCP Tray starts this program on your computer, with your permissions, whenever an AI client needs it.
        Only continue if you trust it.
      </p>
      <dl className="launch-preview__facts">
        <div>
          <dt>Program</dt>
          <dd>
            <code data-testid="launch-command">{launch.command}</code>
          </dd>
        </div>
        <div>
          <dt>Arguments</dt>
          <dd>
            {launch.args.length === 0 ? (
              <span className="muted">None</span>
            ) : (
              <ol className="launch-preview__args" data-testid="launch-args">
                {launch.args.map((arg, index) => (
                  // Arguments may repeat; their position is what identifies them.
                  <li key={index}>
                    <code>{arg === '' ? '""' : arg}</code>
                  </li>
                ))}
              </ol>
            )}
          </dd>
        </div>
        <div>
          <dt>Environment variables</dt>
          <dd>
            {launch.envNames.length === 0 ? (
              <span className="muted">None besides the usual ones (PATH, HOME…)</span>
            ) : (
              <>
                <ul className="launch-preview__env" data-testid="launch-env">
                  {launch.envNames.map((name) => (
                    <li key={name}>
                      <code>{name}</code>
                      {secret.has(name) && (
                        <span className="launch-preview__secret">
                          <Icon name="lock" />
                          from the keychain
                        </span>
                      )}
                    </li>
                  ))}
                </ul>
                <p className="muted launch-preview__note">
                  Only the names are shown here; values are never displayed.
                </p>
              </>
            )}
          </dd>
        </div>
      </dl>
      <div className="launch-preview__copy">
        <CopyButton text={commandLine(launch)} label="Copy the command" testId="launch-copy" />
      </div>
    </section>
  );
}
