/**
 * "… deleted — Undo" (or "… merged — Undo"): the one toast after a change that can be undone, gone
 * after a few seconds or when dismissed.
 */
import { useEffect, useRef } from 'react';
import { Icon } from './Icon';
import '@client/styles/undo-toast.css';

export const UNDO_TOAST_MS = 8000;

export interface UndoToastProps {
  message: string;
  undoLabel: string;
  dismissLabel: string;
  /** Without it (a viewer who cannot edit) the toast only says what happened. */
  onUndo?: () => void;
  onClose: () => void;
  /** Changes when another delete replaces the message (restarts the timer). */
  showKey?: unknown;
  /** Class names: `${classPrefix}`, `__text`, `__undo`, `__close`. */
  classPrefix?: string;
  testId?: string;
  undoTestId?: string;
}

export function UndoToast({
  message,
  undoLabel,
  dismissLabel,
  onUndo,
  onClose,
  showKey,
  classPrefix = 'undo-toast',
  testId,
  undoTestId,
}: UndoToastProps) {
  const onCloseRef = useRef(onClose);
  onCloseRef.current = onClose;
  useEffect(() => {
    const timer = setTimeout(() => onCloseRef.current(), UNDO_TOAST_MS);
    return () => clearTimeout(timer);
  }, [showKey, message]);
  return (
    <div className={classPrefix} role="status" data-testid={testId}>
      <span className={`${classPrefix}__text`}>{message}</span>
      {onUndo && (
        <button
          type="button"
          className={`${classPrefix}__undo`}
          data-testid={undoTestId}
          onClick={onUndo}
        >
          {undoLabel}
        </button>
      )}
      <button
        type="button"
        className={`${classPrefix}__close`}
        aria-label={dismissLabel}
        onClick={onClose}
      >
        <Icon name="close" size={14} />
      </button>
    </div>
  );
}
