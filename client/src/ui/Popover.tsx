/**
 * The one popover shell: a non-modal panel shown while mounted, beside what opened it. Escape and a
 * press outside it (and outside `anchorRef`, its toggle) call onClose; the focus goes back to the
 * toggle when it closes.
 */
import { useEffect, useRef, type ReactNode, type RefObject } from 'react';
import { focusablesIn, useReturnFocus } from './focus';

export interface PopoverProps {
  onClose: () => void;
  /** The toggle and whatever else counts as "inside" for a press. */
  anchorRef?: RefObject<HTMLElement | null>;
  label?: string;
  labelledBy?: string;
  role?: 'dialog' | 'menu' | 'listbox';
  className?: string;
  testId?: string;
  /** Move the focus into the popover when it opens (default: yes). */
  takeFocus?: boolean;
  children: ReactNode;
}

export function Popover({
  onClose,
  anchorRef,
  label,
  labelledBy,
  role = 'dialog',
  className,
  testId,
  takeFocus = true,
  children,
}: PopoverProps) {
  const ref = useRef<HTMLDivElement>(null);
  const onCloseRef = useRef(onClose);
  onCloseRef.current = onClose;
  useReturnFocus();
  useEffect(() => {
    const panel = ref.current;
    if (panel && takeFocus) (focusablesIn(panel)[0] ?? panel).focus();
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape' && !e.defaultPrevented) onCloseRef.current();
    };
    const onPress = (e: PointerEvent) => {
      const target = e.target as Node;
      if (ref.current?.contains(target) || anchorRef?.current?.contains(target)) return;
      onCloseRef.current();
    };
    window.addEventListener('keydown', onKey);
    window.addEventListener('pointerdown', onPress);
    return () => {
      window.removeEventListener('keydown', onKey);
      window.removeEventListener('pointerdown', onPress);
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  return (
    <div
      ref={ref}
      role={role}
      aria-label={label}
      aria-labelledby={labelledBy}
      className={className}
      data-testid={testId}
      tabIndex={-1}
    >
      {children}
    </div>
  );
}
