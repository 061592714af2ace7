/**
 * The header of a panel (people, agenda, breakouts, share links): its title, which labels the
 * panel (`titleId` for its `aria-labelledby`), and a close button. Separate because every panel
 * repeated it; `children` go between the title and the close button (e.g. a toggle).
 */
import type { ReactNode } from 'react';
import { Icon } from './Icon';

export interface PanelHeaderProps {
  titleId: string;
  title: ReactNode;
  /** The close button's accessible name and tooltip. */
  closeLabel: string;
  onClose: () => void;
  children?: ReactNode;
}

export function PanelHeader({ titleId, title, closeLabel, onClose, children }: PanelHeaderProps) {
  return (
    <div className="popover__header">
      <h2 id={titleId}>{title}</h2>
      {children}
      <button
        type="button"
        className="icon-button"
        aria-label={closeLabel}
        title={closeLabel}
        onClick={onClose}
      >
        <Icon name="close" size={16} />
      </button>
    </div>
  );
}
