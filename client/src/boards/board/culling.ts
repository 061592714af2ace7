/**
 * Viewport culling: only the cards that intersect the visible part of the board (plus a margin)
 * are rendered. The visible window is snapped to a coarse grid, so panning re-renders the card layer
 * only when the window crosses a grid line, not on every frame.
 */
import { CARD_WIDTH } from '@shared/doc';
import type { Bounds, Viewport } from '@client/lib/viewport';

/** Grid the window snaps to (board px). */
export const CULL_CELL = 512;
/** Cards are not measured; assume none is taller than this when testing visibility (board px). */
export const CULL_CARD_HEIGHT = 560;

export interface Size {
  width: number;
  height: number;
}

/** The board area to render: the visible area, half a screen of margin each side, snapped out. */
export function cullWindow(vp: Viewport, size: Size): Bounds {
  const w = size.width / vp.zoom;
  const h = size.height / vp.zoom;
  const left = -vp.x / vp.zoom;
  const top = -vp.y / vp.zoom;
  const snapDown = (v: number) => Math.floor(v / CULL_CELL) * CULL_CELL;
  const snapUp = (v: number) => Math.ceil(v / CULL_CELL) * CULL_CELL;
  return {
    minX: snapDown(left - w / 2),
    minY: snapDown(top - h / 2),
    maxX: snapUp(left + w * 1.5),
    maxY: snapUp(top + h * 1.5),
  };
}

export function windowKey(b: Bounds): string {
  return `${b.minX},${b.minY},${b.maxX},${b.maxY}`;
}

export function parseWindowKey(key: string): Bounds {
  const [minX = 0, minY = 0, maxX = 0, maxY = 0] = key.split(',').map(Number);
  return { minX, minY, maxX, maxY };
}

export function cardInWindow(x: number, y: number, b: Bounds): boolean {
  return x + CARD_WIDTH >= b.minX && x <= b.maxX && y + CULL_CARD_HEIGHT >= b.minY && y <= b.maxY;
}
