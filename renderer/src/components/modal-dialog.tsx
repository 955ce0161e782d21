import { useEffect, useId, useRef } from 'react';
import type { ReactNode, RefObject, SyntheticEvent } from 'react';

interface ModalDialogProps {
  title: string;
  children: ReactNode;
  /** The buttons along the bottom; the caller owns their labels and states. */
  actions: ReactNode;
  /** Escape, like a Cancel button. Ignored while `busy`. */
  onCancel: () => void;
  /** While something runs that cannot be taken back: Escape does nothing. */
  busy?: boolean;
  /** Gets focus when the dialog opens (default: the dialog itself). */
  initialFocus?: RefObject<HTMLElement | null>;
  /** Gets focus back when the dialog closes without leaving the page. */
  returnFocus: RefObject<HTMLElement | null>;
  /** For content that needs room (diffs, lists). */
  wide?: boolean;
  testId?: string;
}

/**
 * A modal dialog for a task (review, choose, confirm): a native `<dialog>` (focus trapped, the
 * page behind inert, Escape cancels), opened on mount. The body scrolls; title and actions stay.
 */
export function ModalDialog({
  title,
  children,
  actions,
  onCancel,
  busy = false,
  initialFocus,
  returnFocus,
  wide = false,
  testId,
}: ModalDialogProps) {
  const dialog = useRef<HTMLDialogElement>(null);
  const titleId = useId();

  useEffect(() => {
    const node = dialog.current;
    if (node && !node.open) node.showModal();
    (initialFocus?.current ?? node)?.focus();
    return () => {
      if (node?.open) node.close();
      // Only if focus would otherwise be lost; after a navigation the new screen owns it.
      const target = returnFocus.current;
      if (target?.isConnected && (!document.activeElement || document.activeElement === document.body)) {
        target.focus();
      }
    };
    // Once, on opening: later renders must not pull focus back. The refs themselves are stable.
  }, []);

  const onNativeCancel = (event: SyntheticEvent<HTMLDialogElement>) => {
    event.preventDefault();
    if (!busy) onCancel();
  };

  return (
    <dialog
      ref={dialog}
      className={wide ? 'dialog dialog--wide' : 'dialog'}
      aria-labelledby={titleId}
      aria-busy={busy}
      tabIndex={-1}
      onCancel={onNativeCancel}
      data-testid={testId}
    >
      <h2 id={titleId} className="dialog__title">
        {title}
      </h2>
      <div className="dialog__content">{children}</div>
      <div className="dialog__actions">{actions}</div>
    </dialog>
  );
}
