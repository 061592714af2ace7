/**
 * A group frame's menu: rename, merge into another group, delete. Separate from the frame because
 * it is a floating menu with its own placement (a portal under its button, following the board's
 * pan and zoom). The Popover shell closes it (Escape, a press outside) and gives the focus back.
 */
import { useEffect, useLayoutEffect, useRef, useState, type RefObject } from 'react';
import { createPortal } from 'react-dom';
import { useTranslation } from 'react-i18next';
import { useBoardStore } from '@client/store/boardStore';
import { Popover } from '@client/ui/Popover';
import type { PlacedGroup } from './groupLayout';

export interface GroupMenuProps {
  /** The "⋯" button the menu opens from. */
  anchor: RefObject<HTMLButtonElement | null>;
  others: PlacedGroup[];
  onClose: () => void;
  onRename: () => void;
  onMerge: (target: PlacedGroup) => void;
  onDelete: () => void;
}

const MENU_MARGIN = 8;

/**
 * The group's menu. Rendered in a portal on top of the page (position: fixed under its button), so
 * no card on the board can cover it, and at the page's scale whatever the board's zoom.
 */
export function GroupMenu({
  anchor,
  others,
  onClose,
  onRename,
  onMerge,
  onDelete,
}: GroupMenuProps) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  const [position, setPosition] = useState<{ top: number; left: number } | null>(null);
  // Follow the button while the board pans or zooms.
  const viewport = useBoardStore((s) => s.viewport);
  useLayoutEffect(() => {
    const button = anchor.current?.getBoundingClientRect();
    const menu = ref.current?.getBoundingClientRect();
    if (!button || !menu) return;
    let left = button.right - menu.width;
    let top = button.bottom + 4;
    left = Math.max(MENU_MARGIN, Math.min(left, window.innerWidth - menu.width - MENU_MARGIN));
    // No room below: open upwards.
    if (top + menu.height > window.innerHeight - MENU_MARGIN)
      top = Math.max(MENU_MARGIN, button.top - 4 - menu.height);
    setPosition((p) => (p && p.top === top && p.left === left ? p : { top, left }));
  }, [anchor, viewport, others.length]);
  // A resized window would leave the menu away from its button.
  useEffect(() => {
    const onResize = () => onClose();
    window.addEventListener('resize', onResize);
    return () => window.removeEventListener('resize', onResize);
  }, [onClose]);
  const run = (action: () => void) => () => {
    onClose();
    action();
  };
  return createPortal(
    <Popover
      ref={ref}
      role="menu"
      anchorRef={anchor}
      onClose={onClose}
      className="s3-menu group-menu is-floating"
      testId="group-menu"
      style={
        position
          ? { top: position.top, left: position.left }
          : { top: 0, left: 0, visibility: 'hidden' }
      }
      onPointerDown={(e) => e.stopPropagation()}
      onDoubleClick={(e) => e.stopPropagation()}
      onKeyDown={(e) => {
        // The board's shortcuts must not act on keys meant for the menu.
        e.stopPropagation();
        // Tab leaves a menu (as in native menus): it closes and the focus is back on its button.
        if (e.key === 'Escape' || e.key === 'Tab') {
          e.preventDefault();
          onClose();
        }
        if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
          e.preventDefault();
          const items = [
            ...(ref.current?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? []),
          ];
          const i = items.indexOf(document.activeElement as HTMLElement);
          const next = items[(i + (e.key === 'ArrowDown' ? 1 : items.length - 1)) % items.length];
          next?.focus();
        }
      }}
    >
      <button type="button" role="menuitem" className="s3-menu__item" onClick={run(onRename)}>
        {t('opportunityBoard.group.rename')}
      </button>
      <div className="s3-menu__section" role="presentation">
        {t('opportunityBoard.group.mergeInto')}
      </div>
      {others.length === 0 && (
        <div className="s3-menu__empty" role="presentation">
          {t('opportunityBoard.group.noOtherGroup')}
        </div>
      )}
      {others.map((o) => (
        <button
          key={o.group.id}
          type="button"
          role="menuitem"
          className="s3-menu__item s3-menu__item--indent"
          data-testid="group-merge-into"
          onClick={run(() => onMerge(o))}
        >
          {t('opportunityBoard.group.mergeIntoGroup', { name: o.group.name })}
        </button>
      ))}
      <div className="s3-menu__divider" role="presentation" />
      <button
        type="button"
        role="menuitem"
        className="s3-menu__item s3-menu__item--danger"
        data-testid="group-delete"
        title={t('opportunityBoard.group.deleteHint')}
        onClick={run(onDelete)}
      >
        {t('opportunityBoard.group.delete')}
      </button>
    </Popover>,
    document.body,
  );
}
