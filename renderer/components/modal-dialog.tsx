import { useEffect, useRef, type ReactNode } from 'react';

interface Props {
  open: boolean;
  onClose: () => void;
  /** id of the heading that names the dialog. */
  labelledBy: string;
  className?: string;
  testId?: string;
  children: ReactNode;
}

/**
 * A native modal `<dialog>`: the browser traps focus, makes the page behind inert and closes
 * on Escape; focus returns to whatever opened it. Open state lives with the caller.
 */
export function ModalDialog({ open, onClose, labelledBy, className, testId, children }: Props) {
  const ref = useRef<HTMLDialogElement>(null);
  const opener = useRef<Element | null>(null);
  const openRef = useRef(open);
  openRef.current = open;
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      opener.current = document.activeElement;
      dialog.showModal();
    } else if (!open) {
      if (dialog.open) dialog.close();
      const previous = opener.current;
      opener.current = null;
      // Back to whatever opened it, unless focus already moved on (e.g. into another dialog).
      if (previous instanceof HTMLElement && previous.isConnected && (document.activeElement === document.body || dialog.contains(document.activeElement))) {
        previous.focus();
      }
    }
  }, [open]);
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    const onNativeClose = () => {
      // Closed by the browser (Escape, backdrop) while the caller still thinks it is open: tell it.
      // Closed because the caller set open=false: nothing to report (another dialog may be opening).
      if (!openRef.current) return;
      onClose();
    };
    dialog.addEventListener('close', onNativeClose);
    return () => dialog.removeEventListener('close', onNativeClose);
  }, [onClose]);
  return (
    <dialog
      ref={ref}
      className={`modal ${className ?? ''}`}
      aria-labelledby={labelledBy}
      data-testid={testId}
      // Clicking the backdrop (the dialog element itself, outside its content) closes it.
      onClick={(event) => event.target === ref.current && ref.current.close()}
    >
      {open && children}
    </dialog>
  );
}
