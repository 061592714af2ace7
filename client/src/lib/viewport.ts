/**
 * Viewport math, pure. A point on the board (bx, by) appears on screen at
 * (bx * zoom + x, by * zoom + y), relative to the board element's top-left corner.
 */
export interface Viewport {
  x: number;
  y: number;
  zoom: number;
}

export interface Bounds {
  minX: number;
  minY: number;
  maxX: number;
  maxY: number;
}

export const MIN_ZOOM = 0.05;
export const MAX_ZOOM = 4;
/** Zoom steps of the +/- buttons and keys. */
export const ZOOM_STEP = 1.2;

export const INITIAL_VIEWPORT: Viewport = { x: 0, y: 0, zoom: 1 };

export function clampZoom(zoom: number): number {
  return Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, zoom));
}

export function screenToBoard(vp: Viewport, sx: number, sy: number): { x: number; y: number } {
  return { x: (sx - vp.x) / vp.zoom, y: (sy - vp.y) / vp.zoom };
}

/** Zooms to `zoom`, keeping the board point under screen point (sx, sy) where it is. */
export function zoomAt(vp: Viewport, zoom: number, sx: number, sy: number): Viewport {
  const next = clampZoom(zoom);
  const anchor = screenToBoard(vp, sx, sy);
  return { zoom: next, x: sx - anchor.x * next, y: sy - anchor.y * next };
}

export function panBy(vp: Viewport, dx: number, dy: number): Viewport {
  return { ...vp, x: vp.x + dx, y: vp.y + dy };
}

/** The viewport that shows `bounds` centred in a width × height screen, never above `maxZoom`. */
export function fitBounds(
  bounds: Bounds,
  width: number,
  height: number,
  padding = 64,
  maxZoom = 1,
): Viewport {
  const w = Math.max(1, bounds.maxX - bounds.minX);
  const h = Math.max(1, bounds.maxY - bounds.minY);
  const zoom = clampZoom(Math.min(maxZoom, (width - 2 * padding) / w, (height - 2 * padding) / h));
  return {
    zoom,
    x: width / 2 - (bounds.minX + w / 2) * zoom,
    y: height / 2 - (bounds.minY + h / 2) * zoom,
  };
}

/** Wheel delta in pixels, whatever the deltaMode (lines on Firefox, pages rarely). */
export function wheelPixels(event: WheelEvent): { dx: number; dy: number } {
  const unit = event.deltaMode === 1 ? 16 : event.deltaMode === 2 ? 400 : 1;
  return { dx: event.deltaX * unit, dy: event.deltaY * unit };
}
