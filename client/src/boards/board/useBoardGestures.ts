/**
 * Panning and zooming the board: drag the background (or anything with Space held, or the middle
 * button), wheel / two-finger scroll to pan, Ctrl/Cmd + wheel or trackpad pinch to zoom, and a
 * two-finger pinch on touch screens.
 */
import { useEffect, useRef, type PointerEvent as ReactPointerEvent, type RefObject } from 'react';
import { useBoardStore } from '@client/store/boardStore';
import { panBy, wheelPixels, zoomAt } from '@client/lib/viewport';

interface Point {
  x: number;
  y: number;
}

/** Whether a press on `target` belongs to the board itself rather than a card or a control. */
export function isBoardBackground(target: EventTarget | null): boolean {
  return target instanceof Element && target.closest('[data-card-id], [data-board-ui]') === null;
}

function localPoint(element: HTMLElement, clientX: number, clientY: number): Point {
  const rect = element.getBoundingClientRect();
  return { x: clientX - rect.left, y: clientY - rect.top };
}

export function useBoardGestures(boardRef: RefObject<HTMLElement | null>) {
  const touches = useRef(new Map<number, Point>());
  const pinch = useRef<{ distance: number; center: Point } | null>(null);

  // Wheel and Safari gesture events need non-passive native listeners to prevent page zoom.
  useEffect(() => {
    const board = boardRef.current;
    if (!board) return;
    const { setViewport } = useBoardStore.getState();
    const onWheel = (event: WheelEvent) => {
      if (!board.contains(event.target as Node)) return;
      const target = event.target as Element;
      // Let a scrollable editor or panel scroll itself.
      if (!event.ctrlKey && !event.metaKey && target.closest('[data-board-ui], .card__editor'))
        return;
      event.preventDefault();
      const { dx, dy } = wheelPixels(event);
      if (event.ctrlKey || event.metaKey) {
        const at = localPoint(board, event.clientX, event.clientY);
        const factor = Math.exp(-dy * 0.0025);
        setViewport((vp) => zoomAt(vp, vp.zoom * factor, at.x, at.y));
      } else if (event.shiftKey && dx === 0) {
        setViewport((vp) => panBy(vp, -dy, 0));
      } else {
        setViewport((vp) => panBy(vp, -dx, -dy));
      }
    };
    let gestureStartZoom = 1;
    const onGestureStart = (event: Event) => {
      event.preventDefault();
      gestureStartZoom = useBoardStore.getState().viewport.zoom;
    };
    const onGestureChange = (event: Event) => {
      event.preventDefault();
      const gesture = event as Event & { scale: number; clientX: number; clientY: number };
      const at = localPoint(board, gesture.clientX, gesture.clientY);
      setViewport((vp) => zoomAt(vp, gestureStartZoom * gesture.scale, at.x, at.y));
    };
    board.addEventListener('wheel', onWheel, { passive: false });
    board.addEventListener('gesturestart', onGestureStart);
    board.addEventListener('gesturechange', onGestureChange);
    return () => {
      board.removeEventListener('wheel', onWheel);
      board.removeEventListener('gesturestart', onGestureStart);
      board.removeEventListener('gesturechange', onGestureChange);
    };
  }, [boardRef]);

  /** Starts a pan; returns false when the press is not for panning. Ends with `onPanEnd(moved)`. */
  const onPointerDown = (
    event: ReactPointerEvent<HTMLElement>,
    onPanEnd: (moved: boolean) => void,
  ): void => {
    const board = event.currentTarget;
    const { panKeyHeld, setViewport } = useBoardStore.getState();
    if (event.pointerType === 'touch') {
      touches.current.set(event.pointerId, { x: event.clientX, y: event.clientY });
      if (touches.current.size === 2) pinch.current = pinchGeometry();
    }
    const middle = event.pointerType === 'mouse' && event.button === 1;
    const primary = event.button === 0;
    if (!middle && !(primary && (panKeyHeld || isBoardBackground(event.target)))) return;
    event.preventDefault();
    board.setPointerCapture(event.pointerId);
    board.classList.add('is-panning');
    const { pointerId } = event;
    let last: Point = { x: event.clientX, y: event.clientY };
    let moved = false;

    const onMove = (e: PointerEvent) => {
      if (e.pointerId !== pointerId) return;
      if (e.pointerType === 'touch')
        touches.current.set(e.pointerId, { x: e.clientX, y: e.clientY });
      if (pinch.current) {
        updatePinch(board);
        moved = true;
        return;
      }
      const dx = e.clientX - last.x;
      const dy = e.clientY - last.y;
      if (!moved && Math.hypot(e.clientX - event.clientX, e.clientY - event.clientY) < 3) return;
      moved = true;
      last = { x: e.clientX, y: e.clientY };
      setViewport((vp) => panBy(vp, dx, dy));
    };
    const onEnd = (e: PointerEvent) => {
      if (e.pointerId !== pointerId) return;
      board.removeEventListener('pointermove', onMove);
      board.removeEventListener('pointerup', onEnd);
      board.removeEventListener('pointercancel', onEnd);
      board.classList.remove('is-panning');
      onPanEnd(moved);
    };
    board.addEventListener('pointermove', onMove);
    board.addEventListener('pointerup', onEnd);
    board.addEventListener('pointercancel', onEnd);
  };

  /** Tracks a second finger that landed anywhere on the board (for pinch zoom). */
  const onPointerMove = (event: ReactPointerEvent<HTMLElement>) => {
    if (event.pointerType !== 'touch' || !touches.current.has(event.pointerId)) return;
    touches.current.set(event.pointerId, { x: event.clientX, y: event.clientY });
    if (pinch.current) updatePinch(event.currentTarget);
  };

  const onPointerUp = (event: ReactPointerEvent<HTMLElement>) => {
    touches.current.delete(event.pointerId);
    if (touches.current.size < 2) pinch.current = null;
  };

  function pinchGeometry(): { distance: number; center: Point } | null {
    const [a, b] = [...touches.current.values()];
    if (!a || !b) return null;
    return {
      distance: Math.max(1, Math.hypot(a.x - b.x, a.y - b.y)),
      center: { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 },
    };
  }

  function updatePinch(board: HTMLElement) {
    const previous = pinch.current;
    const next = pinchGeometry();
    if (!previous || !next) return;
    pinch.current = next;
    const at = localPoint(board, next.center.x, next.center.y);
    useBoardStore.getState().setViewport((vp) => {
      const zoomed = zoomAt(vp, vp.zoom * (next.distance / previous.distance), at.x, at.y);
      return panBy(zoomed, next.center.x - previous.center.x, next.center.y - previous.center.y);
    });
  }

  return { onPointerDown, onPointerMove, onPointerUp };
}
