/**
 * The activity matrix's keyboard: its cells are one tab stop (a roving tabindex kept by ids, so it
 * survives rows and columns moving); arrows, Home/End (Ctrl: first/last row) and PageUp/PageDown
 * move it, skipping region bands and scrolling the target in (focused once it is rendered); Enter
 * or Space selects the cell's pair (Ctrl/Shift adds).
 */
import {
  useCallback,
  useEffect,
  useRef,
  useState,
  type KeyboardEvent,
  type RefObject,
} from 'react';
import type { Opportunity } from '@shared/doc';
import { moveInGrid } from '@client/ui/gridNavigation';
import type { RowItem } from './canvasData';
import { useCanvasStore } from './canvasStore';
import { additive, PAGE_ROWS } from './matrixLayout';

interface CellIds {
  capacityId: string;
  opportunityId: string;
}

/** What the keyboard needs of a virtualiser. */
interface Scroller {
  scrollToIndex: (index: number, options: { align: 'auto' }) => void;
}

export function useMatrixKeys({
  rows,
  columns,
  gridRef,
  rowScroller,
  columnScroller,
}: {
  rows: RowItem[];
  columns: Opportunity[];
  gridRef: RefObject<HTMLElement | null>;
  rowScroller: Scroller;
  columnScroller: Scroller;
}) {
  const [active, setActive] = useState<CellIds | null>(null);
  let activeRow = active
    ? rows.findIndex((r) => r.kind === 'capacity' && r.capacity.id === active.capacityId)
    : -1;
  if (activeRow < 0) activeRow = rows.findIndex((r) => r.kind === 'capacity');
  let activeColumn = active ? columns.findIndex((c) => c.id === active.opportunityId) : -1;
  if (activeColumn < 0) activeColumn = 0;
  const activeRowItem = rows[activeRow];
  const activeCapacityId = activeRowItem?.kind === 'capacity' ? activeRowItem.capacity.id : '';
  const activeOpportunityId = columns[activeColumn]?.id ?? '';

  /** Focus wanted on this cell once it is rendered (it may be scrolled out and virtualised). */
  const pendingFocus = useRef<CellIds | null>(null);
  useEffect(() => {
    if (!pendingFocus.current) return;
    const focusPending = () => {
      const want = pendingFocus.current;
      const grid = gridRef.current;
      if (!want || !grid) return true;
      const cell = grid.querySelector<HTMLElement>(
        `[data-testid="matrix-cell"][data-capacity-id="${CSS.escape(want.capacityId)}"][data-opportunity-id="${CSS.escape(want.opportunityId)}"]`,
      );
      if (!cell) return false;
      pendingFocus.current = null;
      cell.focus({ preventScroll: true });
      return true;
    };
    let tries = 0;
    let frame = 0;
    const attempt = () => {
      if (focusPending() || ++tries > 10) return;
      frame = requestAnimationFrame(attempt);
    };
    attempt();
    return () => cancelAnimationFrame(frame);
  });

  const moveTo = (rowIndex: number, columnIndex: number, direction: 1 | -1) => {
    if (columns.length === 0) return;
    let r = Math.max(0, Math.min(rows.length - 1, rowIndex));
    // Skip region bands, in the direction of travel, else the other way.
    while (r >= 0 && r < rows.length && rows[r]?.kind !== 'capacity') r += direction;
    if (r < 0 || r >= rows.length) {
      r = Math.max(0, Math.min(rows.length - 1, rowIndex));
      while (r >= 0 && r < rows.length && rows[r]?.kind !== 'capacity') r -= direction;
    }
    const row = rows[r];
    if (!row || row.kind !== 'capacity') return;
    const c = Math.max(0, Math.min(columns.length - 1, columnIndex));
    const target = { capacityId: row.capacity.id, opportunityId: columns[c]!.id };
    setActive(target);
    pendingFocus.current = target;
    rowScroller.scrollToIndex(r, { align: 'auto' });
    columnScroller.scrollToIndex(c, { align: 'auto' });
  };

  const onCellKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const cell = e.target as HTMLElement;
    if (cell.dataset.testid !== 'matrix-cell') return;
    let handled = true;
    const to = moveInGrid({ row: activeRow, column: activeColumn }, e, {
      rows: rows.length,
      columns: columns.length,
      skipRow: (i) => rows[i]?.kind !== 'capacity',
      pageRows: PAGE_ROWS,
    });
    if (to) {
      moveTo(to.row, to.column, 1);
      e.preventDefault();
      return;
    }
    // An arrow at the grid's edge stays in the grid instead of scrolling the page.
    if (e.key.startsWith('Arrow')) {
      e.preventDefault();
      return;
    }
    switch (e.key) {
      case 'Enter':
      case ' ': {
        const capacityId = cell.dataset.capacityId;
        const opportunityId = cell.dataset.opportunityId;
        if (capacityId && opportunityId)
          useCanvasStore.getState().selectCell(capacityId, opportunityId, additive(e));
        break;
      }
      default:
        handled = false;
    }
    if (handled) e.preventDefault();
  };

  const onCellFocus = useCallback((capacityId: string, opportunityId: string) => {
    setActive((a) =>
      a && a.capacityId === capacityId && a.opportunityId === opportunityId
        ? a
        : { capacityId, opportunityId },
    );
  }, []);

  /** Whether this cell is the grid's one tab stop. */
  const isTabStop = (capacityId: string, opportunityId: string) =>
    capacityId === activeCapacityId && opportunityId === activeOpportunityId;

  return { onCellKeyDown, onCellFocus, isTabStop };
}
