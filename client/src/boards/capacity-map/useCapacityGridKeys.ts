/**
 * The map's keys on a focused card: arrows (and Home/End) move the focus by moveInCapacityGrid, on
 * the model, so they reach cards not drawn yet (scrolled into view, then focused as they mount);
 * Alt+Arrow moves the card to the next cell; Enter/Space open it, Escape closes the panel, Delete
 * removes it and gives the focus to its neighbour.
 */
import type { KeyboardEvent } from 'react';
import { updateCapacity } from '@shared/doc';
import { CAPACITY_KINDS, NOT_SET, type CapacityKindOrNotSet } from '@shared/domain/s3';
import { isDragging } from '@client/ui/dragAndDrop';
import { moveInCapacityGrid, type CardPosition } from './capacityGridKeys';
import { cellKey, NO_REGION_ROW } from './capacityIndex';
import { focusCardOnMount, useCapacityMap } from './capacityMapContext';
import { useCapacityMapStore } from './capacityMapStore';
import type { GridLayout } from './gridLayout';

const cardSelector = (id: string) => `[data-testid="capacity-card"][data-capacity-id="${id}"]`;

/**
 * The keydown handler of the grid: `rowKeys` are the rows shown, `allRowKeys` every row (a card
 * moves by Alt+Arrow into any region), `kinds` the columns shown.
 */
export function useCapacityGridKeys({
  rowKeys,
  allRowKeys,
  kinds,
  layout,
}: {
  rowKeys: string[];
  allRowKeys: string[];
  kinds: CapacityKindOrNotSet[];
  layout: GridLayout;
}) {
  const { doc, index, canEdit, deleteCapacity } = useCapacityMap();

  const idsOf = (row: number, column: number): string[] =>
    index.get().cells.get(cellKey(rowKeys[row] ?? '', kinds[column] ?? NOT_SET)) ?? [];
  const grid = {
    rows: rowKeys.length,
    columns: kinds.length,
    count: (row: number, column: number) => idsOf(row, column).length,
  };

  /** Focuses a card; one not drawn is scrolled into view first and takes the focus as it mounts. */
  const focusCard = (to: CardPosition) => {
    const id = idsOf(to.row, to.column)[to.index];
    if (!id) return;
    const drawn = layout.scrollElement?.querySelector<HTMLElement>(cardSelector(id));
    const scrollTo = layout.scrollers.get(cellKey(rowKeys[to.row]!, kinds[to.column]!));
    if (drawn) {
      drawn.focus({ preventScroll: true });
      // The cell's virtualizer scrolls, not the browser: cards above that get measured on the way
      // would move a natively scrolled card back out of view, and the virtualizer corrects for them.
      if (scrollTo) scrollTo(to.index);
      else drawn.scrollIntoView({ block: 'nearest', inline: 'nearest' });
      return;
    }
    focusCardOnMount(id);
    scrollTo?.(to.index);
  };

  /** Alt+Arrow: the card goes to the neighbouring cell (any region, any kind) and keeps the focus. */
  const moveCard = (id: string, rowKey: string, kind: CapacityKindOrNotSet, key: string) => {
    let nextKind = kind;
    let nextRow = rowKey;
    if (key === 'ArrowLeft' || key === 'ArrowRight') {
      const i =
        (kind === NOT_SET ? CAPACITY_KINDS.length : CAPACITY_KINDS.indexOf(kind)) +
        (key === 'ArrowRight' ? 1 : -1);
      if (i < 0 || i >= CAPACITY_KINDS.length) return;
      nextKind = CAPACITY_KINDS[i]!;
    } else {
      const i = allRowKeys.indexOf(rowKey) + (key === 'ArrowDown' ? 1 : -1);
      if (i < 0 || i >= allRowKeys.length) return;
      nextRow = allRowKeys[i]!;
    }
    focusCardOnMount(id);
    updateCapacity(doc, id, { kind: nextKind, regionId: nextRow });
    // Its place in a long cell may be off screen: scroll there once the map has it in that cell.
    requestAnimationFrame(() => {
      if (layout.scrollElement?.querySelector(cardSelector(id))) return;
      const key = cellKey(nextRow, nextKind);
      const at = index.get().cells.get(key)?.indexOf(id) ?? -1;
      if (at >= 0) layout.scrollers.get(key)?.(at);
    });
  };

  return (event: KeyboardEvent<HTMLElement>) => {
    // A card being dragged from the keyboard (Space picks it up) takes the keys.
    if (isDragging() || event.isDefaultPrevented()) return;
    const target = event.target as HTMLElement;
    const id = target.dataset.capacityId;
    if (!id || !target.matches('[data-testid="capacity-card"]')) return;
    if (event.key === 'Enter' || event.key === ' ') {
      // Opened from the keyboard: the focus goes into the panel (Escape brings it back).
      event.preventDefault();
      useCapacityMapStore.getState().open(id, true);
      return;
    }
    if (event.key === 'Escape' && useCapacityMapStore.getState().openId) {
      event.preventDefault();
      useCapacityMapStore.getState().open(null);
      return;
    }
    const cell = target.closest<HTMLElement>('[data-cell-kind]');
    if (!cell) return;
    const rowKey = cell.dataset.cellRow ?? NO_REGION_ROW;
    const kind = (cell.dataset.cellKind ?? NOT_SET) as CapacityKindOrNotSet;
    const from = { row: rowKeys.indexOf(rowKey), column: kinds.indexOf(kind), index: -1 };
    from.index = idsOf(from.row, from.column).indexOf(id);
    if (from.row < 0 || from.column < 0 || from.index < 0) return;

    if (canEdit && (event.key === 'Delete' || event.key === 'Backspace')) {
      event.preventDefault();
      const next =
        moveInCapacityGrid(from, { key: 'ArrowDown' }, grid) ??
        moveInCapacityGrid(from, { key: 'ArrowUp' }, grid);
      const nextId = next && idsOf(next.row, next.column)[next.index];
      deleteCapacity(id);
      if (nextId) layout.scrollElement?.querySelector<HTMLElement>(cardSelector(nextId))?.focus();
      return;
    }
    if (event.altKey) {
      if (!event.key.startsWith('Arrow')) return;
      event.preventDefault();
      if (canEdit) moveCard(id, rowKey, kind, event.key);
      return;
    }
    const to = moveInCapacityGrid(from, event, grid);
    // At an edge an arrow moves nothing, and does not scroll the map either.
    if (to || event.key.startsWith('Arrow')) event.preventDefault();
    if (to) focusCard(to);
  };
}
