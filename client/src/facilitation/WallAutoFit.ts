/**
 * The wall screen presents its free boards (notes, opportunities) without anyone touching the wall
 * PC: it fits what matters now, as large as the screen allows but never smaller than readable from
 * across the room, and fits again when the board changes (phase change, cards added or moved).
 * What matters now: the cards that just arrived together (a private-writing reveal, an import) until
 * the board changes; otherwise every card of the board. Vote results cover the board (WallResults).
 * Someone panning or zooming the wall by hand pauses it until they press Fit (or F).
 * While the room follows a facilitator, the leader's viewport wins and nothing is fitted here.
 */
import { useEffect, useRef, type RefObject } from 'react';
import type * as Y from 'yjs';
import { create } from 'zustand';
import { cardsMap } from '@shared/doc';
import { fitBounds, type Bounds, type Viewport } from '@client/lib/viewport';
import { useBoardStore } from '@client/store/boardStore';
import { useCardsAdded } from '@client/sync/useCards';
import { useYObserver } from '@client/sync/useY';
import { useWorkshopStore } from '@client/store/workshopStore';
import { useFollowStore } from './FollowMe';

/** Card titles are 15 px at zoom 1: 1.2 makes them 18 px on the wall, readable across a room. */
export const WALL_MIN_ZOOM = 1.2;
export const WALL_MAX_ZOOM = 2;
const PADDING = 40;
/** Quiet time after the last change before the wall refits (cards being dragged settle first). */
const SETTLE_MS = 900;
/** A press that moves further than this is a drag (a pan), not a click. */
const DRAG_PX = 4;

interface WallFitState {
  /** Someone moved the wall's view by hand: no auto-fit until Fit. */
  paused: boolean;
  /** Cards that arrived together since the board was opened (a reveal): framed instead of all. */
  focus: readonly string[];
  /** Bumped to ask for a fit now. */
  request: number;
  pause: () => void;
  /** Fit now and resume auto-fit. */
  fitNow: () => void;
  setFocus: (ids: readonly string[]) => void;
}

export const useWallFitStore = create<WallFitState>()((set) => ({
  paused: false,
  focus: [],
  request: 0,
  pause: () => set({ paused: true }),
  fitNow: () => set((s) => ({ paused: false, request: s.request + 1 })),
  setFocus: (focus) => set({ focus }),
}));

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

/** Board-space bounds of the given cards (or every card and group frame) on screen now. */
function measure(board: HTMLElement, vp: Viewport, focus: readonly string[]): Bounds | null {
  const origin = board.getBoundingClientRect();
  const all = [
    ...board.querySelectorAll<HTMLElement>(
      '.board__world [data-card-id], .board__world .group-frame',
    ),
  ];
  const wanted = new Set(focus);
  const focused = all.filter((item) => wanted.has(item.dataset.cardId ?? ''));
  const items = focused.length > 0 ? focused : all;
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

/** Fits the free board inside `frame` (its cards in `focus`, when on the board), if it shows one. */
export async function fitWallBoard(
  frame: HTMLElement,
  focus: readonly string[] = [],
): Promise<void> {
  const board = frame.querySelector<HTMLElement>('[data-testid="board"]');
  if (!board) return;
  // The board's own Fit knows every card (also those culled off screen): all of them come on screen…
  board.querySelector<HTMLButtonElement>('[data-testid="zoom-fit"]')?.click();
  await nextFrame();
  await nextFrame();
  if (useFollowStore.getState().following) return;
  // …then the wall measures them and shows them larger than an editor's fit would.
  const store = useBoardStore.getState();
  const bounds = measure(board, store.viewport, focus);
  if (!bounds) return;
  const { width, height } = board.getBoundingClientRect();
  store.setViewport(wallViewport(bounds, width, height));
}

function isTyping(target: EventTarget | null): boolean {
  return (
    target instanceof HTMLElement &&
    (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName))
  );
}

/** Keys the board pans or zooms with. */
function movesView(event: KeyboardEvent): boolean {
  if (event.key === ' ' || event.key.startsWith('Arrow')) return true;
  return (event.ctrlKey || event.metaKey) && ['=', '+', '-', '0'].includes(event.key);
}

/** Pauses auto-fit when someone pans or zooms the wall by hand; F fits again. */
function useHandMoves(frameRef: RefObject<HTMLElement | null>): void {
  useEffect(() => {
    const frame = frameRef.current;
    if (!frame) return;
    const { pause, fitNow } = useWallFitStore.getState();
    const onBoard = (target: EventTarget | null) =>
      target instanceof Element && !!target.closest('[data-testid="board"]');
    let press: { x: number; y: number } | null = null;
    const onWheel = (event: WheelEvent) => {
      if (onBoard(event.target)) pause();
    };
    const onDown = (event: PointerEvent) => {
      press = onBoard(event.target) ? { x: event.clientX, y: event.clientY } : null;
    };
    const onMove = (event: PointerEvent) => {
      if (!press || event.buttons === 0) return;
      if (Math.hypot(event.clientX - press.x, event.clientY - press.y) > DRAG_PX) {
        press = null;
        pause();
      }
    };
    const onUp = () => {
      press = null;
    };
    const onKey = (event: KeyboardEvent) => {
      if (isTyping(event.target)) return;
      if ((event.key === 'f' || event.key === 'F') && !event.ctrlKey && !event.metaKey) {
        fitNow();
      } else if (movesView(event)) {
        pause();
      }
    };
    frame.addEventListener('wheel', onWheel, { capture: true, passive: true });
    frame.addEventListener('pointerdown', onDown, true);
    window.addEventListener('pointermove', onMove, true);
    window.addEventListener('pointerup', onUp, true);
    window.addEventListener('keydown', onKey, true);
    return () => {
      frame.removeEventListener('wheel', onWheel, true);
      frame.removeEventListener('pointerdown', onDown, true);
      window.removeEventListener('pointermove', onMove, true);
      window.removeEventListener('pointerup', onUp, true);
      window.removeEventListener('keydown', onKey, true);
    };
  }, [frameRef]);
}

/** Keeps the wall's free board fitted: on board change, doc change (settled) and resize. */
export function useWallAutoFit(frameRef: RefObject<HTMLElement | null>, doc: Y.Doc | null): void {
  const activeBoard = useWorkshopStore((s) => s.activeBoard);
  const following = useFollowStore((s) => s.following);
  const paused = useWallFitStore((s) => s.paused);
  const request = useWallFitStore((s) => s.request);
  useHandMoves(frameRef);

  // Another board: nothing of it was just revealed.
  useEffect(() => {
    useWallFitStore.getState().setFocus([]);
  }, [activeBoard]);

  // Cards arriving together (a reveal, an import) become what the wall frames.
  useCardsAdded(doc, (added) => {
    const { focus, setFocus } = useWallFitStore.getState();
    if (added.length >= 2) setFocus(added);
    // One more card after a reveal joins what is framed.
    else if (added.length === 1 && focus.length > 0) setFocus([...focus, ...added]);
  });

  // Any change of the cards (settled) fits again, while auto-fit runs.
  const refit = useRef<(() => void) | null>(null);
  useYObserver(doc ? cardsMap(doc) : undefined, () => refit.current?.(), { deep: true });

  useEffect(() => {
    if (following || paused) return;
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
        void fitWallBoard(frame, useWallFitStore.getState().focus);
      }, delay);
    };
    schedule(request > 0 ? 0 : 500);
    refit.current = () => schedule();
    const onResize = () => schedule(300);
    window.addEventListener('resize', onResize);
    return () => {
      cancelled = true;
      clearTimeout(timer);
      refit.current = null;
      window.removeEventListener('resize', onResize);
    };
  }, [frameRef, doc, activeBoard, following, paused, request]);
}
