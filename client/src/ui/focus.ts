/** Focus helpers for the dialog and popover shells. */
import { useEffect, useRef, type KeyboardEvent as ReactKeyboardEvent, type RefObject } from 'react';

const FOCUSABLE =
  'a[href], button:not([disabled]), input:not([disabled]):not([type="hidden"]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

export function focusablesIn(container: HTMLElement): HTMLElement[] {
  return Array.from(container.querySelectorAll<HTMLElement>(FOCUSABLE)).filter(
    (el) => !el.closest('[inert]') && !el.hidden,
  );
}

/** Tab from the last focusable goes to the first, Shift+Tab from the first to the last. */
export function keepTabInside(container: HTMLElement, event: KeyboardEvent | ReactKeyboardEvent) {
  if (event.key !== 'Tab') return;
  const items = focusablesIn(container);
  if (items.length === 0) {
    event.preventDefault();
    return;
  }
  const first = items[0]!;
  const last = items[items.length - 1]!;
  const active = document.activeElement;
  if (event.shiftKey && (active === first || !container.contains(active))) {
    event.preventDefault();
    last.focus();
  } else if (!event.shiftKey && (active === last || !container.contains(active))) {
    event.preventDefault();
    first.focus();
  }
}

/**
 * Remembers what had the focus when the caller mounted, and gives the focus back on unmount, but
 * only if the focus is still with the closing shell (`shellRef`) or was dropped onto the page
 * (document.body): whatever took the focus meanwhile (a cell editor opened by a menu item) keeps it.
 */
export function useReturnFocus(shellRef?: RefObject<HTMLElement | null>) {
  const opener = useRef<Element | null>(null);
  if (opener.current === null && typeof document !== 'undefined') {
    opener.current = document.activeElement;
  }
  useEffect(() => {
    const shell = shellRef?.current ?? null;
    return () => {
      const target = opener.current;
      if (!(target instanceof HTMLElement)) return;
      // Deferred: the unmounting shell may still hold the focus in this tick.
      queueMicrotask(() => {
        const active = document.activeElement;
        const withShell = active === null || active === document.body || !!shell?.contains(active);
        if (withShell && target.isConnected) target.focus();
      });
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
}
