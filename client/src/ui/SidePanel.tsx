/**
 * A board's side panel (an action's details, a capacity, an opportunity, an activity, the diamond's
 * axes): a landmark beside the board that Escape closes from anywhere inside it. A field that uses
 * Escape itself (a draft put back, a menu closed) marks the key handled and the panel stays open;
 * `escapeCloses={false}` keeps it open while a field needs Escape for longer (a rich-text editor).
 * The panel consumes the Escape it handles, so the board behind does not also act on it.
 */
import type { HTMLAttributes, KeyboardEvent, Ref } from 'react';

export interface SidePanelProps extends HTMLAttributes<HTMLElement> {
  onClose: () => void;
  escapeCloses?: boolean;
  /** `aside` (complementary landmark) by default; `section` where the panel is the main content. */
  as?: 'aside' | 'section';
  ref?: Ref<HTMLElement>;
}

export function SidePanel({
  onClose,
  escapeCloses = true,
  as: Element = 'aside',
  onKeyDown,
  ref,
  children,
  ...rest
}: SidePanelProps) {
  const handleKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    onKeyDown?.(event);
    if (event.key !== 'Escape' || event.defaultPrevented || !escapeCloses) return;
    event.preventDefault();
    event.stopPropagation();
    onClose();
  };
  return (
    <Element ref={ref} onKeyDown={handleKeyDown} {...rest}>
      {children}
    </Element>
  );
}
