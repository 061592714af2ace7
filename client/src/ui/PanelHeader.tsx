/**
 * The header of a panel or dialog (people, agenda, breakouts, share links, the capacity panel, the
 * diamond's axes, the workshop settings): its title, which labels the panel (`titleId` for its
 * `aria-labelledby`), and a close button. Separate because every panel repeated it; `children` go
 * between the title and the close button (e.g. a toggle).
 */
import type { ReactNode } from 'react';
import { Icon } from './Icon';

export interface PanelHeaderProps {
  titleId: string;
  title: ReactNode;
  /** The close button's accessible name and tooltip. */
  closeLabel: string;
  onClose: () => void;
  /** The header's class (its layout); a popover's by default. */
  className?: string;
  titleClassName?: string;
  closeTestId?: string;
  children?: ReactNode;
}

export function PanelHeader({
  titleId,
  title,
  closeLabel,
  onClose,
  className = 'popover__header',
  titleClassName,
  closeTestId,
  children,
}: PanelHeaderProps) {
  return (
    <div className={className}>
      <h2 id={titleId} className={titleClassName}>
        {title}
      </h2>
      {children}
      <button
        type="button"
        className="icon-button"
        aria-label={closeLabel}
        title={closeLabel}
        data-testid={closeTestId}
        onClick={onClose}
      >
        <Icon name="close" size={16} />
      </button>
    </div>
  );
}
