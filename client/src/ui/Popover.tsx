/**
 * The one popover shell: a non-modal panel shown while mounted, beside what opened it. Escape and a
 * press outside it (and outside `anchorRef`, its toggle) call onClose; the focus goes back to the
 * toggle when it closes. The side panels (people, agenda, breakouts, share links, timer) are
 * popovers with a `PanelHeader`; the record menu is one with `role="menu"`.
 */
import { useEffect, useRef, type HTMLAttributes, type ReactNode, type RefObject } from 'react';
import { focusablesIn, useReturnFocus } from './focus';

export interface PopoverProps extends Omit<HTMLAttributes<HTMLDivElement>, 'role' | 'children'> {
  onClose: () => void;
  /** The toggle and whatever else counts as "inside" for a press. */
  anchorRef?: RefObject<HTMLElement | null>;
  label?: string;
  labelledBy?: string;
  role?: 'dialog' | 'menu' | 'listbox';
  testId?: string;
  /** Move the focus into the popover when it opens (default: yes). */
  takeFocus?: boolean;
  /** For a caller that measures the popover (a menu placing itself under its button). */
  ref?: RefObject<HTMLDivElement | null>;
  children: ReactNode;
}

/**
 * While `active`: Escape (not already handled) and a press outside every ref in `inside` call
 * onClose. Popover's own; also for a disclosure that stays mounted (the top bar's phone menu).
 */
export function useDismiss(
  active: boolean,
  onClose: (reason: 'escape' | 'outside') => void,
  inside: ReadonlyArray<RefObject<HTMLElement | null> | undefined>,
) {
  const onCloseRef = useRef(onClose);
  onCloseRef.current = onClose;
  const insideRef = useRef(inside);
  insideRef.current = inside;
  useEffect(() => {
    if (!active) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape' && !e.defaultPrevented) onCloseRef.current('escape');
    };
    const onPress = (e: PointerEvent) => {
      const target = e.target as Node;
      if (insideRef.current.some((ref) => ref?.current?.contains(target))) return;
      onCloseRef.current('outside');
    };
    // Capture: a press on a board card counts even though the card stops its pointerdown.
    window.addEventListener('keydown', onKey);
    window.addEventListener('pointerdown', onPress, true);
    return () => {
      window.removeEventListener('keydown', onKey);
      window.removeEventListener('pointerdown', onPress, true);
    };
  }, [active]);
}

export function Popover({
  onClose,
  anchorRef,
  label,
  labelledBy,
  role = 'dialog',
  testId,
  takeFocus = true,
  ref: callerRef,
  children,
  ...rest
}: PopoverProps) {
  const ownRef = useRef<HTMLDivElement>(null);
  const ref = callerRef ?? ownRef;
  useReturnFocus(ref);
  useDismiss(true, () => onClose(), [ref, anchorRef]);
  useEffect(() => {
    const panel = ref.current;
    if (panel && takeFocus) (focusablesIn(panel)[0] ?? panel).focus();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  return (
    <div
      {...rest}
      ref={ref}
      role={role}
      aria-label={label}
      aria-labelledby={labelledBy}
      data-testid={testId}
      tabIndex={-1}
    >
      {children}
    </div>
  );
}
