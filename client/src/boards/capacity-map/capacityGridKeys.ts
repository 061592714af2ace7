/**
 * Where a key moves the focus on the capacity map, worked out on the model (rows × kind columns ×
 * a card's place in its cell), not on what is drawn: the map draws only the cards near the visible
 * area, and the key must reach the others too. Rows and columns step as every grid of the app
 * does (moveInGrid); inside a cell the cards are a list.
 */
import { moveInGrid, type GridKey } from '@client/ui/gridNavigation';

export interface CardPosition {
  row: number;
  column: number;
  /** The card's place in its cell. */
  index: number;
}

/** The map as keys see it: how many cards each cell (row × kind column) holds. */
export interface CardGrid {
  rows: number;
  columns: number;
  count(row: number, column: number): number;
}

/** The first (or last) card of the map in reading order, or null on an empty map. */
function edgeCard(grid: CardGrid, last: boolean): CardPosition | null {
  for (let i = 0; i < grid.rows; i++) {
    const row = last ? grid.rows - 1 - i : i;
    for (let j = 0; j < grid.columns; j++) {
      const column = last ? grid.columns - 1 - j : j;
      const n = grid.count(row, column);
      if (n > 0) return { row, column, index: last ? n - 1 : 0 };
    }
  }
  return null;
}

/**
 * The card `key` moves the focus to from `from`, or null when the key moves nothing here (no card
 * that way: the caller lets the key be). ArrowUp/ArrowDown walk the cell's cards and go on into the
 * cell above/below in the same kind column (skipping empty cells); ArrowLeft/ArrowRight go to the
 * nearest kind column with cards in this row, at the nearest place; Home/End: the cell's first and
 * last card; Ctrl+Home/Ctrl+End: the map's first and last card.
 */
export function moveInCapacityGrid(
  from: CardPosition,
  key: GridKey,
  grid: CardGrid,
): CardPosition | null {
  const { row, column, index } = from;
  const size = grid.count(row, column);
  if (size === 0) return null;
  const columnShape = { rows: grid.rows, columns: grid.columns };
  /** Up and down skip the cells of this kind column that have no card. */
  const skipEmpty = (r: number) => grid.count(r, column) === 0;
  switch (key.key) {
    case 'ArrowDown': {
      if (index + 1 < size) return { row, column, index: index + 1 };
      const to = moveInGrid({ row, column }, key, { ...columnShape, skipRow: skipEmpty });
      return to && { ...to, index: 0 };
    }
    case 'ArrowUp': {
      if (index > 0) return { row, column, index: index - 1 };
      const to = moveInGrid({ row, column }, key, { ...columnShape, skipRow: skipEmpty });
      return to && { ...to, index: grid.count(to.row, to.column) - 1 };
    }
    case 'ArrowLeft':
    case 'ArrowRight': {
      let at: { row: number; column: number } | null = { row, column };
      while ((at = moveInGrid(at, { key: key.key }, columnShape))) {
        const n = grid.count(at.row, at.column);
        if (n > 0) return { ...at, index: Math.min(index, n - 1) };
      }
      return null;
    }
    case 'Home':
    case 'End': {
      const last = key.key === 'End';
      if (key.ctrlKey || key.metaKey) return edgeCard(grid, last);
      return { row, column, index: last ? size - 1 : 0 };
    }
    default:
      return null;
  }
}
