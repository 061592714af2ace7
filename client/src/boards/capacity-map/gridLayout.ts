/**
 * What the map's cells share to draw only the cards near the visible area: the scroll element,
 * word that the grid changed size (a cell then measures where it starts again), and each cell's
 * way to scroll one of its cards into view (for the keys, which reach cards not drawn).
 */
import { createContext, useContext, useEffect, useMemo } from 'react';

export interface GridLayout {
  scrollElement: HTMLElement | null;
  /** Calls `listener` whenever the grid's size changes; returns the unsubscribe. */
  onResize(listener: () => void): () => void;
  /** Scrolls a cell's card (by its place in the cell) into view, by cellKey. */
  scrollers: Map<string, (index: number) => void>;
}

export const GridLayoutContext = createContext<GridLayout | null>(null);

export function useGridLayout(): GridLayout {
  const value = useContext(GridLayoutContext);
  if (!value) throw new Error('useGridLayout outside <GridLayoutContext>');
  return value;
}

/** The layout of a grid scrolled by `scrollElement`; `grid` is the element whose size counts. */
export function useGridLayoutOf(
  scrollElement: HTMLElement | null,
  grid: HTMLElement | null,
): GridLayout {
  const layout = useMemo(() => {
    const listeners = new Set<() => void>();
    return {
      scrollElement,
      onResize(listener: () => void) {
        listeners.add(listener);
        return () => void listeners.delete(listener);
      },
      scrollers: new Map<string, (index: number) => void>(),
      notify: () => listeners.forEach((listener) => listener()),
    };
  }, [scrollElement]);

  useEffect(() => {
    if (!grid) return;
    const resizeObserver = new ResizeObserver(layout.notify);
    resizeObserver.observe(grid);
    return () => resizeObserver.disconnect();
  }, [grid, layout]);

  return layout;
}
