import './call-detail.css';
import { useEffect, useId, useRef } from 'react';
import type { KeyboardEvent, MouseEvent, ReactNode, RefObject, SyntheticEvent } from 'react';
import type { ToolCallRecord } from '../../../../electron/shared/contract';
import { CopyButton } from '../../components/copy-button';
import { Icon } from '../../components/icon';
import { OutcomeBadge } from '../../components/outcome-badge';
import {
  OUTCOME_EXPLANATIONS,
  SOURCE_LABELS,
  clientLabel,
  formatBytes,
  formatDuration,
  formatFullTime,
  prettyJson,
} from './call-format';

interface CallDetailProps {
  record: ToolCallRecord;
  instanceName: string;
  onClose: () => void;
  /** Gets focus back when the drawer closes (the list it was opened from). */
  returnFocus: RefObject<HTMLElement | null>;
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="drawer__fact">
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

function Section({ title, action, children }: { title: string; action?: ReactNode; children: ReactNode }) {
  const headingId = useId();
  return (
    <section className="drawer__section" aria-labelledby={headingId}>
      <div className="drawer__section-head">
        <h3 id={headingId} className="drawer__section-title">
          {title}
        </h3>
        {action}
      </div>
      {children}
    </section>
  );
}

function ResultBody({ result }: { result: NonNullable<ToolCallRecord['result']> }) {
  return (
    <>
      <dl className="drawer__facts drawer__facts--compact">
        <Fact label="Content">{result.contentTypes.length ? result.contentTypes.join(', ') : 'None'}</Fact>
        <Fact label="Size">{formatBytes(result.bytes)}</Fact>
      </dl>
      {result.preview ? (
        <pre className="code-block drawer__code" data-testid="call-result" tabIndex={0}>
          {result.preview}
        </pre>
      ) : (
        <p className="muted">Nothing to preview.</p>
      )}
    </>
  );
}

/**
 * Everything about one call, in a modal side drawer: a native `<dialog>` (focus moves in and is
 * kept there, the list behind is inert), closed by Escape, the Close button or a click beside it.
 */
export function CallDetail({ record, instanceName, onClose, returnFocus }: CallDetailProps) {
  const dialog = useRef<HTMLDialogElement>(null);
  const closeButton = useRef<HTMLButtonElement>(null);
  const titleId = useId();
  const args = prettyJson(record.arguments);
  const { result } = record;

  useEffect(() => {
    const node = dialog.current;
    if (node && !node.open) node.showModal();
    closeButton.current?.focus();
    return () => {
      if (node?.open) node.close();
      const target = returnFocus.current;
      if (target?.isConnected && (!document.activeElement || document.activeElement === document.body)) {
        target.focus();
      }
    };
  }, [returnFocus]);

  const onCancel = (event: SyntheticEvent<HTMLDialogElement>) => {
    event.preventDefault();
    onClose();
  };
  const onKeyDown = (event: KeyboardEvent<HTMLDialogElement>) => {
    if (event.key !== 'Escape') return;
    event.preventDefault();
    onClose();
  };
  // The drawer's content fills the dialog box, so a click on the dialog itself is on its backdrop.
  const onClick = (event: MouseEvent<HTMLDialogElement>) => {
    if (event.target === event.currentTarget) onClose();
  };

  return (
    <dialog
      ref={dialog}
      className="drawer"
      aria-labelledby={titleId}
      onCancel={onCancel}
      onKeyDown={onKeyDown}
      onClick={onClick}
      data-testid="call-detail"
    >
      <div className="drawer__inner">
        <header className="drawer__header">
          <div className="drawer__heading">
            <p className="drawer__eyebrow">Tool call</p>
            <h2 id={titleId} className="drawer__title">
              {record.tool}
            </h2>
          </div>
          <button
            ref={closeButton}
            type="button"
            className="button button--icon"
            aria-label="Close"
            onClick={onClose}
            data-testid="close-detail"
          >
            <Icon name="close" />
          </button>
        </header>

        <dl className="drawer__facts" data-testid="call-facts">
          <Fact label="Time">
            <time dateTime={record.time}>{formatFullTime(record.time)}</time>
          </Fact>
          <Fact label="Service">{instanceName}</Fact>
          <Fact label="Client">{clientLabel(record.client)}</Fact>
          <Fact label="Source">{SOURCE_LABELS[record.source]}</Fact>
          <Fact label="Tool">
            <code>{record.tool}</code>
          </Fact>
          <Fact label="Outcome">
            <span className="drawer__outcome">
              <OutcomeBadge outcome={record.outcome} />
              <span className="muted">{OUTCOME_EXPLANATIONS[record.outcome]}</span>
            </span>
          </Fact>
          <Fact label="Duration">{formatDuration(record.durationMs)}</Fact>
          {record.error && (
            <Fact label="Error">
              <span className="drawer__error" data-testid="call-error">
                {record.error}
              </span>
            </Fact>
          )}
        </dl>

        <Section
          title="Arguments"
          action={args && <CopyButton text={args} label="Copy arguments" testId="copy-arguments" />}
        >
          <p className="note drawer__note">
            <Icon name="lock" />
            Secrets are removed before calls are saved.
          </p>
          {args ? (
            <pre className="code-block drawer__code" data-testid="call-arguments" tabIndex={0}>
              {args}
            </pre>
          ) : (
            <p className="muted">No arguments.</p>
          )}
        </Section>

        <Section
          title="Result"
          action={
            result?.preview && <CopyButton text={result.preview} label="Copy result" testId="copy-result" />
          }
        >
          {result ? <ResultBody result={result} /> : <p className="muted">No result was returned.</p>}
        </Section>
      </div>
    </dialog>
  );
}
