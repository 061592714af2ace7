/**
 * A facilitator's tool beside the board tabs (private writing, vote, locks): a toggle button with an
 * icon and a label (icon only on narrow screens), and its popover panel with a title.
 */
import { useId, type ReactNode } from 'react';
import { Popover } from '@client/ui/Popover';
import { usePopover } from '@client/ui/usePopover';

interface BoardToolMenuProps {
  icon: ReactNode;
  label: string;
  /** The panel's heading (the label when not given). */
  title?: string;
  /** Highlighted while the tool's activity runs (a vote open, a board locked). */
  active: boolean;
  hint?: string;
  testId: string;
  panelClassName: string;
  panelTestId?: string;
  /** The panel's content; `close` closes it (e.g. before opening a dialog). */
  children: (close: () => void) => ReactNode;
}

export function BoardToolMenu(props: BoardToolMenuProps) {
  const popover = usePopover();
  const titleId = useId();
  return (
    <div className="share-anchor" ref={popover.anchorRef}>
      <button
        type="button"
        className={props.active ? 'tab-tool is-active' : 'tab-tool'}
        aria-expanded={popover.open}
        aria-haspopup="dialog"
        title={props.hint}
        data-testid={props.testId}
        onClick={popover.toggle}
      >
        {props.icon}
        <span className="tab-tool__label">{props.label}</span>
      </button>
      {popover.open && (
        <Popover
          className={`popover ${props.panelClassName}`}
          labelledBy={titleId}
          testId={props.panelTestId}
          anchorRef={popover.anchorRef}
          onClose={popover.close}
        >
          <div className="popover__header">
            <h2 id={titleId}>{props.title ?? props.label}</h2>
          </div>
          {props.children(popover.close)}
        </Popover>
      )}
    </div>
  );
}
