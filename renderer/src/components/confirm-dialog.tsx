import { useEffect, useId, useRef } from 'react';
import type { ReactNode, RefObject, SyntheticEvent } from 'react';

interface ConfirmDialogProps {
  title: string;
  children: ReactNode;
  confirmLabel: string;
  pendingLabel: string;
  pending: boolean;
  /** Shown inside the dialog when confirming failed; the dialog stays open. */
  error: string | null;
  onConfirm: () => void;
  onCancel: () => void;
  /** Gets focus back when the dialog closes without leaving the page. */
  returnFocus: RefObject<HTMLElement | null>;
  testId?: string;
}

/**
 * A modal confirmation for destructive actions: a native `<dialog>` (focus is trapped, the page
 * behind is inert, Escape cancels), opened on mount with focus on Cancel, the safe choice.
 */
export function ConfirmDialog({
  title,
  children,
  confirmLabel,
  pendingLabel,
  pending,
  error,
  onConfirm,
  onCancel,
  returnFocus,
  testId,
}: ConfirmDialogProps) {
  const dialog = useRef<HTMLDialogElement>(null);
  const cancel = useRef<HTMLButtonElement>(null);
  const titleId = useId();
  const bodyId = useId();

  useEffect(() => {
    const node = dialog.current;
    if (node && !node.open) node.showModal();
    cancel.current?.focus();
    return () => {
      if (node?.open) node.close();
      // Only if focus would otherwise be lost; after a navigation the new screen owns it.
      const target = returnFocus.current;
      if (target?.isConnected && (!document.activeElement || document.activeElement === document.body)) {
        target.focus();
      }
    };
  }, [returnFocus]);

  // Escape: native cancel. Blocked while the action runs, since it cannot be taken back then.
  const onNativeCancel = (event: SyntheticEvent<HTMLDialogElement>) => {
    event.preventDefault();
    if (!pending) onCancel();
  };

  return (
    <dialog
      ref={dialog}
      className="dialog"
      role="alertdialog"
      aria-labelledby={titleId}
      aria-describedby={bodyId}
      aria-busy={pending}
      onCancel={onNativeCancel}
      data-testid={testId}
    >
      <h2 id={titleId} className="dialog__title">
        {title}
      </h2>
      <div id={bodyId} className="dialog__body">
        {children}
      </div>
      {error && (
        <p className="inline-error" role="alert" data-testid="dialog-error">
          {error}
        </p>
      )}
      <div className="dialog__actions">
        <button ref={cancel} type="button" className="button" onClick={onCancel} disabled={pending}>
          Cancel
        </button>
        <button
          type="button"
          className="button button--danger"
          onClick={() => {
            if (!pending) onConfirm();
          }}
          aria-disabled={pending}
        >
          {pending ? pendingLabel : confirmLabel}
        </button>
      </div>
    </dialog>
  );
}
