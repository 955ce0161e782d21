import './add.css';
import { useId } from 'react';
import type { BundleInfo } from '../../../../electron/shared/contract';
import { Icon } from '../../components/icon';
import { LoadingState } from '../../components/load-states';
import { RuntimeHints } from '../catalog/entry-parts';
import { EntrySummary } from './add-parts';
import { initialValues, previewArgs } from './field-values';
import { LaunchPreview } from './launch-preview';
import { StepFrame } from './step-frame';

const formatBytes = (bytes: number): string => {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
};

interface FileStepProps {
  /** The file being checked, while it is. */
  reading: string | null;
  error: string | null;
  onFile: (file: File) => void;
}

/** Pick a `.mcpb` file (or drop one anywhere on the window). */
export function BundleFileStep({ reading, error, onFile }: FileStepProps) {
  const id = useId();
  return (
    <StepFrame title="Choose the bundle" focus={false} testId="step-file">
      <div className="drop-zone" data-testid="drop-zone">
        <Icon name="package" className="icon drop-zone__icon" />
        <label htmlFor={id} className="form-field__label">
          Bundle file (.mcpb)
        </label>
        <input
          id={id}
          type="file"
          accept=".mcpb,.zip"
          className="file-input"
          aria-describedby={`${id}-hint`}
          onChange={(event) => {
            const file = event.target.files?.[0];
            if (file) onFile(file);
            // The same file chosen again (after an error) must still count as a change.
            event.target.value = '';
          }}
          data-testid="bundle-file"
        />
        <p id={`${id}-hint`} className="muted">
          Or drop the file anywhere on this window. Nothing is unpacked or run until you confirm.
        </p>
      </div>
      {reading && <LoadingState label={`Checking ${reading}…`} />}
      {error && (
        <p className="inline-error" role="alert" data-testid="bundle-error">
          {error}
        </p>
      )}
    </StepFrame>
  );
}

interface ReviewStepProps {
  info: BundleInfo;
  onContinue: () => void;
  onAnother: () => void;
}

/** The manifest as the user should judge it: who made it, what it runs, what it asks for. */
export function BundleReviewStep({ info, onContinue, onAnother }: ReviewStepProps) {
  const { entry } = info;
  const usesFolder = [entry.launch.command, ...entry.launch.args].some((part) =>
    part.includes('${__dirname}'),
  );
  return (
    <StepFrame title={`Check ${entry.name} before adding it`} testId="step-review">
      <EntrySummary entry={entry} version={info.version} />
      <dl className="facts" data-testid="bundle-facts">
        <div>
          <dt>Name</dt>
          <dd>{entry.name}</dd>
        </div>
        <div>
          <dt>Author</dt>
          <dd>{entry.author}</dd>
        </div>
        <div>
          <dt>Version</dt>
          <dd>{info.version}</dd>
        </div>
        <div>
          <dt>Contents</dt>
          <dd>
            {info.fileCount} {info.fileCount === 1 ? 'file' : 'files'}, {formatBytes(info.totalBytes)}
          </dd>
        </div>
      </dl>
      <section className="bundle-fields" aria-label="Settings it asks for">
        <h3 className="launch-preview__title">It asks for</h3>
        {entry.fields.length === 0 ? (
          <p className="muted">No settings.</p>
        ) : (
          <ul className="bundle-fields__list" data-testid="bundle-fields">
            {entry.fields.map((field) => (
              <li key={field.key}>
                <strong>{field.title}</strong>
                {field.sensitive && (
                  <span className="launch-preview__secret">
                    <Icon name="lock" />
                    secret, kept in the keychain
                  </span>
                )}
                {field.required ? ' (required)' : ' (optional)'}
                {field.description && <span className="muted"> — {field.description}</span>}
              </li>
            ))}
          </ul>
        )}
      </section>
      <RuntimeHints entry={entry} />
      {/* With the settings' defaults; the next step shows it again with the values chosen. */}
      <LaunchPreview
        launch={{
          ...entry.launch,
          args: previewArgs(entry.launch.args, entry.fields, initialValues(entry.fields)),
        }}
      />
      {usesFolder && (
        <p className="muted">
          <code>{'${__dirname}'}</code> is the folder MCP Tray unpacks the bundle into, inside its data
          folder.
        </p>
      )}
      <div className="actions">
        <button
          type="button"
          className="button button--primary"
          onClick={onContinue}
          data-testid="bundle-continue"
        >
          Continue
        </button>
        <button type="button" className="button" onClick={onAnother} data-testid="bundle-another">
          Choose another file
        </button>
      </div>
    </StepFrame>
  );
}
