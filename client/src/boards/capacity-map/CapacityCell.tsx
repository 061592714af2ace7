/**
 * One cell of the map (a region row × a kind column): a drop zone whose cards are virtualised. Only
 * the cards near the visible area are in the DOM, and they leave it again when they scroll away, so
 * a board of thousands of capacities scrolls smoothly. Each cell has its own virtualizer over the
 * map's one scroll element, starting where the cell starts in the scrolled content (scrollMargin),
 * with the cards' real heights measured as they are drawn.
 */
import { defaultRangeExtractor, useVirtualizer } from '@tanstack/react-virtual';
import { memo, useEffect, useLayoutEffect, useRef, useState, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { createCapacity, updateCapacity } from '@shared/doc';
import type { CapacityKindOrNotSet } from '@shared/domain/s3';
import { Icon } from '@client/ui/Icon';
import { useDropZone } from '@client/ui/dragAndDrop';
import { CapacityCard } from './CapacityCard';
import { cellKey, useCell } from './capacityIndex';
import { cellZoneId, useCapacityMap } from './capacityMapContext';
import { useCapacityMapStore } from './capacityMapStore';
import { useGridLayout, type GridLayout } from './gridLayout';

/** A card's height before it is measured (px): a title line, two holder chips, the footer. */
const ESTIMATED_CARD = 80;
/** The gap between cards (px). */
const CARD_GAP = 8;
/** Cards drawn beyond the visible ones, above and below. */
const OVERSCAN = 4;
/** A cell this close to the visible area (px) draws its cards; further away it draws none. */
const NEAR = 600;
/** The sticky kind headings over the cards (px): a card scrolled to stays clear of them. */
const STICKY_HEADINGS = 40;

const NEVER = () => false;

/**
 * Where the cell's cards start in the scrolled content (measured again whenever the grid changes
 * size) and whether they are near the visible area.
 */
function useCellPlacement(list: RefObject<HTMLElement | null>, layout: GridLayout) {
  const [offset, setOffset] = useState(0);
  const [near, setNear] = useState(false);
  const root = layout.scrollElement;

  useLayoutEffect(() => {
    const element = list.current;
    if (!root || !element) return;
    const place = () => {
      const box = element.getBoundingClientRect();
      const view = root.getBoundingClientRect();
      setOffset(Math.round(box.top - view.top + root.scrollTop));
      return { box, view };
    };
    // Before the first paint: draw at once what is already on screen.
    const { box, view } = place();
    if (box.bottom > view.top - NEAR && box.top < view.bottom + NEAR) setNear(true);
    return layout.onResize(place);
  }, [root, layout, list]);

  useEffect(() => {
    const element = list.current;
    if (!root || !element) return;
    // Sideways, every cell counts as near: the keys and the eye reach them without a vertical move.
    const intersectionObserver = new IntersectionObserver(
      (entries) => setNear(entries[entries.length - 1]!.isIntersecting),
      { root, rootMargin: `${NEAR}px 100000px` },
    );
    intersectionObserver.observe(element);
    return () => intersectionObserver.disconnect();
  }, [root, list]);

  return { offset, near };
}

/**
 * The cell's height: its cards' total, held while the map scrolls. A card measured on its way in
 * changes the total by a few pixels; letting each such change resize the grid while scrolling
 * re-lays and repaints the map every frame (measured: frames several times longer). The height
 * catches up when the scrolling stops, or at once when the cell gains or loses a card.
 */
function useHeldHeight(total: number, count: number, scrolling: boolean): number {
  const [held, setHeld] = useState({ total, count });
  useEffect(() => {
    if (!scrolling && (held.total !== total || held.count !== count)) setHeld({ total, count });
  }, [scrolling, total, count, held]);
  return scrolling && held.count === count ? held.total : total;
}

/** The cards of a cell, placed where the virtualizer puts them: only those near the visible area. */
function CellCards({
  ids,
  rowKey,
  kind,
}: {
  ids: string[];
  rowKey: string;
  kind: CapacityKindOrNotSet;
}) {
  const layout = useGridLayout();
  const list = useRef<HTMLDivElement>(null);
  const { offset, near } = useCellPlacement(list, layout);
  const [focused, setFocused] = useState<string | null>(null);
  const pinned = focused ? ids.indexOf(focused) : -1;
  const virtualizer = useVirtualizer({
    count: ids.length,
    getScrollElement: () => layout.scrollElement,
    estimateSize: () => ESTIMATED_CARD,
    getItemKey: (i) => ids[i] ?? i,
    gap: CARD_GAP,
    overscan: OVERSCAN,
    scrollMargin: offset,
    scrollPaddingStart: STICKY_HEADINGS,
    // The focused card stays drawn while it scrolls away: the keys (and a drag from the keyboard)
    // go on from it, and the focus is not lost to the page.
    rangeExtractor: (range) => {
      const indexes = defaultRangeExtractor(range);
      return pinned < 0 || indexes.includes(pinned) ? indexes : [...indexes, pinned];
    },
  });
  // Cells side by side share the scroll position: a card measured taller than estimated moves only
  // its own cell's cards, so this virtualizer must not shift the whole scroll for it.
  virtualizer.shouldAdjustScrollPositionOnItemSizeChange = NEVER;

  const key = cellKey(rowKey, kind);
  useEffect(() => {
    const scrollTo = (index: number) => virtualizer.scrollToIndex(index, { align: 'auto' });
    layout.scrollers.set(key, scrollTo);
    return () => {
      if (layout.scrollers.get(key) === scrollTo) layout.scrollers.delete(key);
    };
  }, [layout, key, virtualizer]);

  const height = useHeldHeight(virtualizer.getTotalSize(), ids.length, virtualizer.isScrolling);
  const drawn = virtualizer.getVirtualItems();
  const items = near ? drawn : drawn.filter((item) => item.index === pinned);
  return (
    <div
      ref={list}
      className="cmap-cell__cards"
      style={{ height }}
      onFocus={(event) => setFocused(cardIdOf(event.target))}
      onBlur={(event) => {
        const to = event.relatedTarget instanceof Element ? cardIdOf(event.relatedTarget) : null;
        if (to !== cardIdOf(event.target)) setFocused(to);
      }}
    >
      {items.map((item) => (
        <div
          key={item.key}
          ref={virtualizer.measureElement}
          data-index={item.index}
          className="cmap-cell__slot"
          style={{ top: item.start - offset }}
        >
          <CapacityCard id={ids[item.index]!} rowKey={rowKey} />
        </div>
      ))}
    </div>
  );
}

const cardIdOf = (element: Element): string | null =>
  element.closest<HTMLElement>('[data-capacity-id]')?.dataset.capacityId ?? null;

export const CapacityCell = memo(function CapacityCell({
  rowKey,
  rowName,
  kind,
}: {
  rowKey: string;
  rowName: string;
  kind: CapacityKindOrNotSet;
}) {
  const { t } = useTranslation();
  const { doc, index, canEdit, user } = useCapacityMap();
  const ids = useCell(index, rowKey, kind);
  const kindName = kind ? t(`s3.capacityKind.${kind}`) : t('capacityMap.kindNotSet');

  const cellLabel = t('capacityMap.grid.cellLabel', {
    region: rowName,
    kind: kindName,
    count: ids.length,
  });
  // The whole cell is one drop zone, drawn cards or not: a card dropped on it changes region and kind.
  const drop = useDropZone({
    id: cellZoneId(rowKey, kind),
    label: cellLabel,
    disabled: !canEdit,
    onDrop: (id) => {
      updateCapacity(doc, id, { regionId: rowKey, kind });
      if (rowKey) useCapacityMapStore.getState().setLastRegionId(rowKey);
    },
  });

  const add = () => {
    const id = createCapacity(doc, { regionId: rowKey, kind, createdBy: user?.name ?? '' });
    if (rowKey) useCapacityMapStore.getState().setLastRegionId(rowKey);
    useCapacityMapStore.getState().open(id, true);
  };

  return (
    <div
      ref={drop.ref}
      className={drop.isOver ? 'cmap-cell is-drop-target' : 'cmap-cell'}
      role="group"
      aria-label={cellLabel}
      data-testid="capacity-cell"
      data-cell-row={rowKey}
      data-cell-kind={kind}
    >
      {ids.length > 0 && <CellCards ids={ids} rowKey={rowKey} kind={kind} />}
      {canEdit && (
        <button
          type="button"
          className={ids.length === 0 ? 'cmap-cell__add is-empty-cell' : 'cmap-cell__add'}
          data-testid="capacity-cell-add"
          aria-label={t('capacityMap.grid.addIn', { region: rowName, kind: kindName })}
          title={t('capacityMap.grid.addIn', { region: rowName, kind: kindName })}
          onClick={add}
        >
          <Icon name="plus" size={14} />
          <span>{t('capacityMap.grid.add')}</span>
        </button>
      )}
    </div>
  );
});
