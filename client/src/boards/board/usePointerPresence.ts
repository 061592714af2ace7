/** Publishes this person's pointer, in board coordinates, to awareness (throttled). */
import { useEffect, useMemo, type PointerEvent as ReactPointerEvent, type RefObject } from 'react';
import type { Awareness } from 'y-protocols/awareness';
import { throttle } from '@client/lib/throttle';
import { publishPointer, type BoardPoint } from '@client/sync/presence';
import { useBoardStore } from '@client/store/boardStore';
import { screenToBoard } from '@client/lib/viewport';

export const POINTER_INTERVAL_MS = 50;

export function usePointerPresence(
  awareness: Awareness,
  boardRef: RefObject<HTMLElement | null>,
  enabled: boolean,
) {
  const publish = useMemo(
    () =>
      throttle((point: BoardPoint | null) => publishPointer(awareness, point), POINTER_INTERVAL_MS),
    [awareness],
  );

  useEffect(() => {
    if (!enabled) publishPointer(awareness, null);
    return () => {
      publish.cancel();
      publishPointer(awareness, null);
    };
  }, [awareness, enabled, publish]);

  const onPointerMove = (event: ReactPointerEvent<HTMLElement>) => {
    const board = boardRef.current;
    if (!enabled || !board || event.pointerType === 'touch') return;
    const rect = board.getBoundingClientRect();
    const viewport = useBoardStore.getState().viewport;
    publish(screenToBoard(viewport, event.clientX - rect.left, event.clientY - rect.top));
  };

  const onPointerLeave = () => {
    if (!enabled) return;
    publish.cancel();
    publishPointer(awareness, null);
  };

  return { onPointerMove, onPointerLeave };
}
