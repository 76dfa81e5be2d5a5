import { useEffect, useId, useRef, type ReactNode } from 'react';
import { Button, type DsColor } from './button';

interface ConfirmDialogProps {
  open: boolean;
  title: string;
  /** What will happen if the user confirms. */
  children: ReactNode;
  confirmLabel: string;
  cancelLabel: string;
  confirmColor?: DsColor;
  /** The confirmed action is running: the confirm button shows it and both wait. */
  busy?: boolean;
  onConfirm: () => void;
  /** Cancel, Escape, or the dialog closing any other way. */
  onCancel: () => void;
}

/**
 * A modal question on the native `<dialog>` (focus is trapped and returned by the browser,
 * Escape cancels), styled as Designsystemet's `ds-dialog`. Focus starts on the safe choice.
 */
export function ConfirmDialog({
  open,
  title,
  children,
  confirmLabel,
  cancelLabel,
  confirmColor = 'danger',
  busy = false,
  onConfirm,
  onCancel,
}: ConfirmDialogProps) {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const cancelRef = useRef<HTMLButtonElement>(null);
  const titleId = useId();

  useEffect(() => {
    const dialog = dialogRef.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      dialog.showModal();
      cancelRef.current?.focus();
    } else if (!open && dialog.open) {
      dialog.close();
    }
  }, [open]);

  return (
    <dialog
      ref={dialogRef}
      className="ds-dialog"
      aria-labelledby={titleId}
      onCancel={(event) => {
        event.preventDefault();
        if (!busy) onCancel();
      }}
    >
      <h2 className="ds-heading" data-size="xs" id={titleId}>
        {title}
      </h2>
      {typeof children === 'string' ? <p className="ds-paragraph">{children}</p> : children}
      <div className="kb-dialog-actions">
        <Button color={confirmColor} loading={busy} disabled={busy} onClick={onConfirm}>
          {confirmLabel}
        </Button>
        <Button variant="secondary" ref={cancelRef} disabled={busy} onClick={onCancel}>
          {cancelLabel}
        </Button>
      </div>
    </dialog>
  );
}
