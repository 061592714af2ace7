/**
 * Keyboard navigation of a grid of cells (one tab stop, roving focus): a pure `moveInGrid` that
 * says where a key goes, and `useGridKeys` that applies it to a grid's keydown.
 */
import { useCallback, type KeyboardEvent } from 'react';

export interface GridPosition {
  row: number;
  column: number;
}

export interface GridShape {
  rows: number;
  columns: number;
  /** Rows the focus jumps over (a group's heading row). */
  skipRow?: (row: number) => boolean;
  /** Rows moved by PageUp/PageDown (absent: those keys are not handled). */
  pageRows?: number;
  /** Tab and Shift+Tab move to the next/previous cell, wrapping to the next/previous row. */
  tabMoves?: boolean;
}

export interface GridKey {
  key: string;
  shiftKey?: boolean;
  ctrlKey?: boolean;
  metaKey?: boolean;
}

/**
 * Where `key` moves the focus from `from`: a cell of the grid, or null when the key is no
 * navigation key here or the move would leave the grid (an arrow at the edge, Tab at the last cell:
 * the caller lets the key do what it does by default).
 */
export function moveInGrid(
  from: GridPosition,
  key: GridKey,
  shape: GridShape,
): GridPosition | null {
  const { rows, columns, skipRow, pageRows, tabMoves = false } = shape;
  if (rows <= 0 || columns <= 0) return null;
  const ctrl = !!(key.ctrlKey || key.metaKey);
  /** The nearest row from `r` going `direction` that is not skipped; null past the edge. */
  const rowFrom = (r: number, direction: 1 | -1): number | null => {
    for (let i = r; i >= 0 && i < rows; i += direction) if (!skipRow?.(i)) return i;
    return null;
  };
  /** A page move stops at the last usable row instead of leaving the grid. */
  const clampedRow = (r: number, direction: 1 | -1) =>
    rowFrom(Math.max(0, Math.min(rows - 1, r)), direction) ??
    rowFrom(Math.max(0, Math.min(rows - 1, r)), direction === 1 ? -1 : 1);
  const at = (row: number | null, column: number) => (row === null ? null : { row, column });
  switch (key.key) {
    case 'ArrowDown':
      return at(rowFrom(from.row + 1, 1), from.column);
    case 'ArrowUp':
      return at(rowFrom(from.row - 1, -1), from.column);
    case 'ArrowRight':
      return from.column + 1 < columns ? { row: from.row, column: from.column + 1 } : null;
    case 'ArrowLeft':
      return from.column > 0 ? { row: from.row, column: from.column - 1 } : null;
    case 'PageDown':
      return pageRows ? at(clampedRow(from.row + pageRows, 1), from.column) : null;
    case 'PageUp':
      return pageRows ? at(clampedRow(from.row - pageRows, -1), from.column) : null;
    case 'Home':
      return ctrl ? at(rowFrom(0, 1), 0) : { row: from.row, column: 0 };
    case 'End':
      return ctrl ? at(rowFrom(rows - 1, -1), columns - 1) : { row: from.row, column: columns - 1 };
    case 'Tab': {
      if (!tabMoves || ctrl) return null;
      if (key.shiftKey) {
        if (from.column > 0) return { row: from.row, column: from.column - 1 };
        return at(rowFrom(from.row - 1, -1), columns - 1);
      }
      if (from.column + 1 < columns) return { row: from.row, column: from.column + 1 };
      return at(rowFrom(from.row + 1, 1), 0);
    }
    default:
      return null;
  }
}

/**
 * A grid's keydown handler: a navigation key moves `active` (through `onMove`) and is consumed;
 * other keys go to `onOtherKey`.
 */
export function useGridKeys<E extends HTMLElement>({
  active,
  shape,
  onMove,
  onOtherKey,
}: {
  active: GridPosition | null;
  shape: GridShape;
  onMove: (to: GridPosition) => void;
  onOtherKey?: (event: KeyboardEvent<E>) => void;
}) {
  return useCallback(
    (event: KeyboardEvent<E>) => {
      const to = active ? moveInGrid(active, event, shape) : null;
      if (to) {
        event.preventDefault();
        onMove(to);
        return;
      }
      onOtherKey?.(event);
    },
    [active, shape, onMove, onOtherKey],
  );
}
