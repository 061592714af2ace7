/**
 * Dragging a card with the pointer. The card follows the pointer locally at full frame rate; the doc
 * gets the position at most every MOVE_INTERVAL_MS while dragging, and the final one on release.
 * A press that does not move becomes a tap (select, or start editing the title).
 */
import {
  useCallback,
  useEffect,
  useRef,
  useState,
  type PointerEvent as ReactPointerEvent,
} from 'react';
import type * as Y from 'yjs';
import { bringCardToFront, getCard, moveCard, numberOr } from '@shared/doc';
import { throttle } from '@client/lib/throttle';
import { isInteractiveTarget } from '@client/lib/dom';
import { useBoardStore } from '@client/store/boardStore';
import type { BoardPoint } from '@client/sync/presence';
import { useDragStore } from './dragStore';

export const MOVE_INTERVAL_MS = 50;
/** Screen pixels a press must travel before it counts as a drag rather than a click. */
const DRAG_THRESHOLD = 4;

interface CardDragOptions {
  doc: Y.Doc;
  cardId: string;
  canEdit: boolean;
  onTap: (target: EventTarget | null) => void;
  /** The drag was released at a new place (the doc has the final position). */
  onMoved?: (cardId: string) => void;
}

export function useCardDrag({ doc, cardId, canEdit, onTap, onMoved }: CardDragOptions) {
  const [dragPosition, setDragPosition] = useState<BoardPoint | null>(null);
  const cleanup = useRef<(() => void) | null>(null);
  useEffect(() => () => cleanup.current?.(), []);

  const onPointerDown = useCallback(
    (event: ReactPointerEvent<HTMLElement>) => {
      const board = useBoardStore.getState();
      if (board.panKeyHeld || (event.pointerType === 'mouse' && event.button !== 0)) return;
      const element = event.currentTarget;
      event.stopPropagation();
      if (board.selectedCardId !== cardId) board.selectCard(cardId);
      if (!canEdit || isInteractiveTarget(event.target, element)) return;

      const card = getCard(doc, cardId);
      if (!card) return;
      const origin = { x: numberOr(card.get('x'), 0), y: numberOr(card.get('y'), 0) };
      const { pointerId, clientX: startX, clientY: startY, target } = event;
      const writeMove = throttle(
        (p: BoardPoint) => moveCard(doc, cardId, p.x, p.y),
        MOVE_INTERVAL_MS,
      );
      let dragging = false;
      let last = origin;

      const onMove = (e: PointerEvent) => {
        if (e.pointerId !== pointerId) return;
        const dx = e.clientX - startX;
        const dy = e.clientY - startY;
        if (!dragging) {
          if (Math.hypot(dx, dy) < DRAG_THRESHOLD) return;
          dragging = true;
          try {
            element.setPointerCapture(pointerId);
          } catch {
            // The pointer is already gone; the release handler ends the drag.
          }
          bringCardToFront(doc, cardId);
        }
        e.preventDefault();
        const zoom = useBoardStore.getState().viewport.zoom;
        last = { x: origin.x + dx / zoom, y: origin.y + dy / zoom };
        setDragPosition(last);
        useDragStore.getState().setDrag({ cardId, x: last.x, y: last.y });
        writeMove(last);
      };
      const onEnd = (e: PointerEvent) => {
        if (e.pointerId !== pointerId) return;
        stop();
        if (dragging) {
          writeMove.cancel();
          moveCard(doc, cardId, last.x, last.y);
          useDragStore.getState().setDrag(null);
          setDragPosition(null);
          onMoved?.(cardId);
        } else if (e.type === 'pointerup') {
          onTap(target);
        }
      };
      const stop = () => {
        window.removeEventListener('pointermove', onMove);
        window.removeEventListener('pointerup', onEnd);
        window.removeEventListener('pointercancel', onEnd);
        cleanup.current = null;
      };
      cleanup.current?.();
      cleanup.current = () => {
        stop();
        writeMove.cancel();
        if (dragging) useDragStore.getState().setDrag(null);
      };
      window.addEventListener('pointermove', onMove);
      window.addEventListener('pointerup', onEnd);
      window.addEventListener('pointercancel', onEnd);
    },
    [doc, cardId, canEdit, onTap, onMoved],
  );

  return { dragPosition, onPointerDown };
}
