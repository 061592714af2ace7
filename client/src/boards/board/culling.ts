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

/** Below this zoom the margin around the visible area shrinks (see `marginFor`). */
export const NARROW_MARGIN_ZOOM = 0.75;

/**
 * How much of a screen of margin each side is rendered: half a screen, or a quarter when zoomed
 * out. Zoomed out, a screen already holds many cards (at 40 % six times the board area of 100 %),
 * so a half-screen margin would mount hundreds more at once when zooming in past the overview:
 * the long frame of the zoom gesture (issue 15). A quarter screen still covers a fast pan's frame.
 */
export function marginFor(zoom: number): number {
  return zoom < NARROW_MARGIN_ZOOM ? 0.25 : 0.5;
}

/** The board area to render: the visible area with a margin each side (marginFor), snapped out. */
export function cullWindow(vp: Viewport, size: Size): Bounds {
  const w = size.width / vp.zoom;
  const h = size.height / vp.zoom;
  const left = -vp.x / vp.zoom;
  const top = -vp.y / vp.zoom;
  const margin = marginFor(vp.zoom);
  const snapDown = (v: number) => Math.floor(v / CULL_CELL) * CULL_CELL;
  const snapUp = (v: number) => Math.ceil(v / CULL_CELL) * CULL_CELL;
  return {
    minX: snapDown(left - w * margin),
    minY: snapDown(top - h * margin),
    maxX: snapUp(left + w * (1 + margin)),
    maxY: snapUp(top + h * (1 + margin)),
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
