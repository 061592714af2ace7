/**
 * Open/close state of a popover anchored to a toggle. `anchorRef` goes on the element holding the
 * toggle and the `Popover`, which does the closing (Escape, a press outside) and the focus.
 */
import { useCallback, useRef, useState } from 'react';

export function usePopover<T extends HTMLElement = HTMLDivElement>() {
  const [open, setOpen] = useState(false);
  const anchorRef = useRef<T>(null);
  const close = useCallback(() => setOpen(false), []);
  const toggle = useCallback(() => setOpen((o) => !o), []);
  return { open, setOpen, close, toggle, anchorRef };
}
