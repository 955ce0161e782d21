import './clients.css';
import { useEffect, useRef, useState } from 'react';
import type { RefObject } from 'react';
import type { ClientApplied, ClientInfo, ClientPlan } from '../../../../electron/shared/contract';
import { useApi } from '../../api/api-context';
import { messageOf } from '../../api/error-message';
import { LoadingState } from '../../components/load-states';
import { ModalDialog } from '../../components/modal-dialog';
import { ApplyResult } from './apply-result';
import { plural } from './client-model';
import { DiffView } from './diff-view';

type Phase = 'planning' | 'review' | 'applying' | 'done';

interface Change {
  client: ClientInfo;
  plan: ClientPlan | null;
  planError: string | null;
  applied: ClientApplied | null;
  applyError: string | null;
}

const willWrite = (change: Change): boolean => change.plan?.changed === true;

function ChangeSection({ change, phase }: { change: Change; phase: Phase }) {
  const { client, plan, planError, applied, applyError } = change;
  return (
    <section className="change" data-testid="client-change" data-client={client.id}>
      <h3 className="change__title">{client.name}</h3>
      {planError && (
        <p className="inline-error" role="alert">
          Couldn’t prepare the change: {planError}
        </p>
      )}
      {plan && !plan.changed && !applied && (
        <p className="muted">
          Nothing to change: <code className="path">{plan.file}</code> already gives {client.name} what you
          chose.
        </p>
      )}
      {plan?.changed && !applied && phase !== 'done' && (
        <>
          <p className="change__file">
            MCP Tray will change <code className="path">{plan.file}</code>:
          </p>
          <DiffView hunks={plan.hunks} label={`Changes to ${client.name}’s file`} />
        </>
      )}
      {applied && <ApplyResult applied={applied} />}
      {applied?.changed && plan && applied.diff !== plan.diff && (
        <>
          <p className="change__file">The file had changed since the review; this is what was written:</p>
          <DiffView hunks={applied.hunks} label={`What was written to ${client.name}’s file`} />
        </>
      )}
      {applyError && (
        <p className="inline-error" role="alert" data-testid="apply-error">
          Couldn’t write {client.name}’s file: {applyError}
        </p>
      )}
    </section>
  );
}

function statusText(phase: Phase, changes: readonly Change[]): string {
  if (phase === 'planning') return 'Preparing the changes…';
  if (phase === 'applying') return 'Writing the changes…';
  if (phase === 'review') return '';
  const written = changes.filter((c) => c.applied?.changed).length;
  const failed = changes.filter((c) => c.applyError).length;
  const parts = [`Wrote ${plural(written, 'file')}.`];
  if (failed) parts.push(`${plural(failed, 'file')} could not be written.`);
  return parts.join(' ');
}

interface ApplyDialogProps {
  /** The clients to review together, in display order. */
  clients: readonly ClientInfo[];
  onClose: () => void;
  /** After writing (some files may have changed): reload what the screen shows. */
  onApplied: () => void;
  returnFocus: RefObject<HTMLElement | null>;
}

/**
 * Review and apply: shows the exact diff of each client's file first, writes only on Apply
 * (one file after another), then says where each file and its backup are and how to make the
 * client pick up the change.
 */
export function ApplyDialog({ clients, onClose, onApplied, returnFocus }: ApplyDialogProps) {
  const api = useApi();
  const [phase, setPhase] = useState<Phase>('planning');
  const [changes, setChanges] = useState<Change[]>(() =>
    clients.map((client) => ({ client, plan: null, planError: null, applied: null, applyError: null })),
  );
  const cancel = useRef<HTMLButtonElement>(null);
  const patch = (index: number, update: Partial<Change>) =>
    setChanges((current) => current.map((change, i) => (i === index ? { ...change, ...update } : change)));

  useEffect(() => {
    let cancelled = false;
    void (async () => {
      for (const [index, client] of clients.entries()) {
        try {
          const plan = await api.planClientConfig({ client: client.id });
          if (cancelled) return;
          patch(index, { plan });
        } catch (failure) {
          if (cancelled) return;
          patch(index, { planError: messageOf(failure) });
        }
      }
      if (!cancelled) setPhase('review');
    })();
    return () => {
      cancelled = true;
    };
    // Plans once for the clients the dialog opened with; later updates must not re-plan.
  }, []);

  const apply = async () => {
    setPhase('applying');
    for (const [index, change] of changes.entries()) {
      if (!willWrite(change)) continue;
      try {
        patch(index, { applied: await api.applyClientConfig({ client: change.client.id }) });
      } catch (failure) {
        patch(index, { applyError: messageOf(failure) });
      }
    }
    setPhase('done');
    onApplied();
  };

  const toWrite = changes.filter(willWrite).length;
  const failed = changes.some((c) => c.applyError);
  const single = clients.length === 1 ? clients[0] : undefined;
  const title =
    phase === 'done'
      ? failed
        ? 'Not every change was written'
        : 'Changes written'
      : single
        ? `Review changes for ${single.name}`
        : `Review changes for ${plural(clients.length, 'client')}`;

  // Nothing to write: the one way out is Cancel, renamed (the same button, so focus stays on it).
  const nothingToDo = phase === 'review' && toWrite === 0;
  const primary = (() => {
    if (phase === 'planning') return { label: 'Apply', run: undefined };
    if (phase === 'applying') return { label: 'Applying…', run: undefined };
    if (phase === 'done') return { label: 'Done', run: onClose };
    return {
      label: toWrite === 1 ? 'Apply' : `Apply to ${plural(toWrite, 'file')}`,
      run: () => void apply(),
    };
  })();

  return (
    <ModalDialog
      title={title}
      onCancel={onClose}
      busy={phase === 'applying'}
      initialFocus={cancel}
      returnFocus={returnFocus}
      wide
      testId="apply-dialog"
      actions={
        <>
          {phase !== 'done' && (
            <button
              ref={cancel}
              type="button"
              className="button"
              onClick={onClose}
              disabled={phase === 'applying'}
            >
              {nothingToDo ? 'Close' : 'Cancel'}
            </button>
          )}
          {!nothingToDo && (
            <button
              type="button"
              className="button button--primary"
              aria-disabled={primary.run === undefined}
              onClick={primary.run}
              data-testid="apply-confirm"
            >
              {primary.label}
            </button>
          )}
        </>
      }
    >
      {phase === 'planning' && <LoadingState label="Preparing the changes…" />}
      {phase !== 'planning' && (
        <div className="change-list">
          {changes.map((change) => (
            <ChangeSection key={change.client.id} change={change} phase={phase} />
          ))}
        </div>
      )}
      <p className="visually-hidden" role="status">
        {phase === 'planning' ? '' : statusText(phase, changes)}
      </p>
    </ModalDialog>
  );
}
