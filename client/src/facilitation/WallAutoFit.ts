/**
 * The wall screen presents its free boards (notes, opportunities) without anyone touching the wall
 * PC: it fits what is on the board, as large as the screen allows but never smaller than readable
 * from across the room, and fits again when the board changes (phase change, cards added or moved).
 * While the room follows a facilitator, the leader's viewport wins and nothing is fitted here.
 */
import { useEffect, type RefObject } from 'react';
import type * as Y from 'yjs';
import { cardsMap } from '../../../shared/doc';
import { fitBounds, type Bounds, type Viewport } from '../boards/board/viewport';
import { useBoardStore } from '../store/boardStore';
import { useWorkshopStore } from '../store/workshopStore';
import { useFollowStore } from './FollowMe';

/** Card titles are 15 px at zoom 1: 1.35 makes them ~20 px on the wall. */
export const WALL_MIN_ZOOM = 1.35;
export const WALL_MAX_ZOOM = 2;
const PADDING = 40;
/** Quiet time after the last change before the wall refits (cards being dragged settle first). */
const SETTLE_MS = 900;

/** The viewport that shows `bounds` as large as fits, but not below the readable zoom. */
export function wallViewport(bounds: Bounds, width: number, height: number): Viewport {
  const fit = fitBounds(bounds, width, height, PADDING, WALL_MAX_ZOOM);
  if (fit.zoom >= WALL_MIN_ZOOM) return fit;
  // Too much to read at once: readable size; centred along an axis where it fits, else from its start.
  const zoom = WALL_MIN_ZOOM;
  const w = (bounds.maxX - bounds.minX) * zoom;
  const h = (bounds.maxY - bounds.minY) * zoom;
  const x = w + 2 * PADDING <= width ? (width - w) / 2 : PADDING;
  const y = h + 2 * PADDING <= height ? (height - h) / 2 : PADDING;
  return { zoom, x: x - bounds.minX * zoom, y: y - bounds.minY * zoom };
}

/** Board-space bounds of the cards and group frames on screen now. */
function measure(board: HTMLElement, vp: Viewport): Bounds | null {
  const origin = board.getBoundingClientRect();
  const items = board.querySelectorAll<HTMLElement>(
    '.board__world [data-card-id], .board__world .group-frame',
  );
  if (items.length === 0) return null;
  const b: Bounds = { minX: Infinity, minY: Infinity, maxX: -Infinity, maxY: -Infinity };
  items.forEach((item) => {
    const r = item.getBoundingClientRect();
    if (r.width === 0 && r.height === 0) return;
    b.minX = Math.min(b.minX, (r.left - origin.left - vp.x) / vp.zoom);
    b.minY = Math.min(b.minY, (r.top - origin.top - vp.y) / vp.zoom);
    b.maxX = Math.max(b.maxX, (r.right - origin.left - vp.x) / vp.zoom);
    b.maxY = Math.max(b.maxY, (r.bottom - origin.top - vp.y) / vp.zoom);
  });
  return Number.isFinite(b.minX) ? b : null;
}

const nextFrame = () => new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));

/** Fits the free board inside `frame`, if it shows one. */
export async function fitWallBoard(frame: HTMLElement): Promise<void> {
  const board = frame.querySelector<HTMLElement>('[data-testid="board"]');
  if (!board) return;
  // The board's own Fit knows every card (also those culled off screen): all of them come on screen…
  board.querySelector<HTMLButtonElement>('[data-testid="zoom-fit"]')?.click();
  await nextFrame();
  await nextFrame();
  if (useFollowStore.getState().following) return;
  // …then the wall measures them and shows them larger than an editor's fit would.
  const store = useBoardStore.getState();
  const bounds = measure(board, store.viewport);
  if (!bounds) return;
  const { width, height } = board.getBoundingClientRect();
  store.setViewport(wallViewport(bounds, width, height));
}

/** Keeps the wall's free board fitted: on board change, doc change (settled) and resize. */
export function useWallAutoFit(frameRef: RefObject<HTMLElement | null>, doc: Y.Doc | null): void {
  const activeBoard = useWorkshopStore((s) => s.activeBoard);
  const following = useFollowStore((s) => s.following);

  useEffect(() => {
    if (following) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let cancelled = false;
    const schedule = (delay = SETTLE_MS) => {
      clearTimeout(timer);
      timer = setTimeout(() => {
        const frame = frameRef.current;
        if (cancelled || !frame) return;
        // The board is loaded lazily: wait for it to appear.
        if (!frame.querySelector('[data-testid="zoom-fit"]')) {
          schedule(300);
          return;
        }
        void fitWallBoard(frame);
      }, delay);
    };
    schedule(500);
    const cards = doc ? cardsMap(doc) : null;
    const onChange = () => schedule();
    cards?.observeDeep(onChange);
    const onResize = () => schedule(300);
    window.addEventListener('resize', onResize);
    return () => {
      cancelled = true;
      clearTimeout(timer);
      cards?.unobserveDeep(onChange);
      window.removeEventListener('resize', onResize);
    };
  }, [frameRef, doc, activeBoard, following]);
}
