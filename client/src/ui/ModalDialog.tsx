/**
 * The one modal dialog shell: a native <dialog> opened with showModal() while mounted. Tab stays
 * inside it, Escape (the dialog's cancel) calls onClose, and the focus goes back to what had it
 * when the dialog opened.
 */
import {
  useEffect,
  useRef,
  type DialogHTMLAttributes,
  type ReactNode,
  type RefObject,
} from 'react';
import { focusablesIn, keepTabInside, useReturnFocus } from './focus';

export interface ModalDialogProps extends Omit<
  DialogHTMLAttributes<HTMLDialogElement>,
  'children' | 'onClose' | 'onCancel' | 'onKeyDown' | 'onMouseDown' | 'open'
> {
  /** Escape, and a press on the backdrop when `closeOnBackdrop`. Absent: Escape does nothing. */
  onClose?: () => void;
  /** The id of the dialog's heading, or `label` when it has none. */
  labelledBy?: string;
  label?: string;
  describedBy?: string;
  className?: string;
  testId?: string;
  closeOnBackdrop?: boolean;
  /** Its content is still loading (aria-busy). */
  busy?: boolean;
  /** Focus this element first instead of the first focusable one. */
  initialFocus?: RefObject<HTMLElement | null>;
  children: ReactNode;
}

export function ModalDialog({
  onClose,
  labelledBy,
  label,
  describedBy,
  className,
  testId,
  closeOnBackdrop = false,
  busy,
  initialFocus,
  children,
  ...rest
}: ModalDialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const onCloseRef = useRef(onClose);
  onCloseRef.current = onClose;
  useReturnFocus(ref);
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (!dialog.open) {
      if (typeof dialog.showModal === 'function') dialog.showModal();
      else dialog.setAttribute('open', '');
    }
    // showModal() has focused the first control already: `initialFocus` overrides that.
    const autofocus = dialog.querySelector<HTMLElement>('[autofocus]');
    if (initialFocus?.current) initialFocus.current.focus();
    else if (!dialog.contains(document.activeElement) || autofocus) {
      (autofocus ?? focusablesIn(dialog)[0] ?? dialog).focus();
    }
    return () => dialog.close?.();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  return (
    <dialog
      {...rest}
      ref={ref}
      className={className}
      data-testid={testId}
      aria-labelledby={labelledBy}
      aria-label={label}
      aria-describedby={describedBy}
      aria-modal="true"
      aria-busy={busy || undefined}
      tabIndex={-1}
      onCancel={(e) => {
        // The browser would close the dialog behind React's back: the owner unmounts it instead.
        e.preventDefault();
        onCloseRef.current?.();
      }}
      onKeyDown={(e) => {
        if (e.key === 'Escape' && !e.defaultPrevented) {
          // This dialog's Escape only: not also a menu or panel under it.
          e.preventDefault();
          e.stopPropagation();
          onCloseRef.current?.();
        } else if (ref.current) keepTabInside(ref.current, e);
      }}
      onMouseDown={(e) => {
        if (closeOnBackdrop && e.target === e.currentTarget) onCloseRef.current?.();
      }}
    >
      {children}
    </dialog>
  );
}
