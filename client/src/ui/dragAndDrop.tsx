/**
 * Drag and drop, one way everywhere (@dnd-kit): items dragged between drop zones (kanban columns,
 * breakout groups, capacity cells). A mouse drag starts once the pointer has moved a few pixels (a
 * click stays a click), a touch drag after a short press (a swipe still scrolls). From the keyboard,
 * Space on the item's handle picks it up, the arrow keys carry it to the next zone in that direction,
 * Space or Enter drops it and Escape puts it back. Each step is announced to screen readers.
 *
 * The zone says what a drop does (`onDrop`), so a drop runs the same operation as the item's move
 * menu. Dragging is never the only way: every draggable item keeps a menu or button to move it
 * (WCAG 2.5.7).
 */
import {
  DndContext,
  DragOverlay,
  KeyboardCode,
  KeyboardSensor,
  MouseSensor,
  pointerWithin,
  rectIntersection,
  TouchSensor,
  useDraggable,
  useDroppable,
  useSensor,
  useSensors,
  type Announcements,
  type CollisionDetection,
  type DragEndEvent,
  type DragStartEvent,
  type KeyboardCoordinateGetter,
} from '@dnd-kit/core';
import { useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import '@client/styles/drag-and-drop.css';

/** How far (px) a mouse must move with the button down before a drag starts. */
export const DRAG_DISTANCE = 5;
/** How long (ms) a finger must rest on an item before a touch drag starts. */
export const TOUCH_DELAY = 200;

interface ItemData {
  label: string;
  /** The zone the item is in: dropping it back there changes nothing. */
  from?: string;
}

interface ZoneData {
  label: string;
  onDrop: (itemId: string) => void;
}

let activeDrags = 0;

/** Whether something is being dragged right now (a keyboard handler around the items leaves the keys alone then). */
export function isDragging(): boolean {
  return activeDrags > 0;
}

const DIRECTIONS: Record<string, readonly [number, number]> = {
  [KeyboardCode.Right]: [1, 0],
  [KeyboardCode.Left]: [-1, 0],
  [KeyboardCode.Down]: [0, 1],
  [KeyboardCode.Up]: [0, -1],
};

/**
 * The keyboard moves the item from zone to zone: the arrow picks the nearest zone whose centre lies
 * that way (straight ahead counts more than sideways) and centres the item on it.
 */
export const toNextZone: KeyboardCoordinateGetter = (event, { context, currentCoordinates }) => {
  const direction = DIRECTIONS[event.code];
  const { collisionRect, droppableRects, droppableContainers, over } = context;
  if (!direction || !collisionRect) return undefined;
  event.preventDefault();
  const [dx, dy] = direction;
  const cx = collisionRect.left + collisionRect.width / 2;
  const cy = collisionRect.top + collisionRect.height / 2;
  let best: { x: number; y: number; score: number } | null = null;
  for (const zone of droppableContainers.getEnabled()) {
    if (zone.id === over?.id) continue;
    const rect = droppableRects.get(zone.id);
    if (!rect) continue;
    const x = rect.left + rect.width / 2 - cx;
    const y = rect.top + rect.height / 2 - cy;
    const ahead = x * dx + y * dy;
    if (ahead <= 1) continue;
    const score = ahead + 2 * Math.abs(x * dy + y * dx);
    if (!best || score < best.score) best = { x, y, score };
  }
  if (!best) return undefined;
  return { x: currentCoordinates.x + best.x, y: currentCoordinates.y + best.y };
};

/** A mouse or a finger: the zone under it; the keyboard: the zone the item overlaps most. */
const collisions: CollisionDetection = (args) =>
  args.pointerCoordinates ? pointerWithin(args) : rectIntersection(args);

const labelOf = (entry: { id: string | number; data: { current?: unknown } } | null): string =>
  (entry?.data.current as { label?: string } | undefined)?.label ?? String(entry?.id ?? '');

/** The drag and drop area: items and zones inside it can be dragged to each other. */
export function DragAndDrop({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const [activeLabel, setActiveLabel] = useState<string | null>(null);
  const moved = useRef(false);
  const dragging = useRef(false);
  const sensors = useSensors(
    useSensor(MouseSensor, { activationConstraint: { distance: DRAG_DISTANCE } }),
    useSensor(TouchSensor, { activationConstraint: { delay: TOUCH_DELAY, tolerance: 8 } }),
    useSensor(KeyboardSensor, {
      coordinateGetter: toNextZone,
      keyboardCodes: {
        start: [KeyboardCode.Space],
        cancel: [KeyboardCode.Esc],
        end: [KeyboardCode.Space, KeyboardCode.Enter],
      },
    }),
  );
  const announcements = useMemo<Announcements>(
    () => ({
      onDragStart: ({ active }) => t('dragAndDrop.pickedUp', { item: labelOf(active) }),
      onDragOver: ({ active, over }) => {
        // Over its own zone right after the pick-up: "picked up" is still being said.
        const home = (active.data.current as ItemData | undefined)?.from;
        const first = !moved.current;
        moved.current = true;
        if (first && over && String(over.id) === home) return undefined;
        return over
          ? t('dragAndDrop.over', { item: labelOf(active), zone: labelOf(over) })
          : t('dragAndDrop.notOver', { item: labelOf(active) });
      },
      onDragEnd: ({ active, over }) =>
        over
          ? t('dragAndDrop.dropped', { item: labelOf(active), zone: labelOf(over) })
          : t('dragAndDrop.droppedNowhere', { item: labelOf(active) }),
      onDragCancel: ({ active }) => t('dragAndDrop.cancelled', { item: labelOf(active) }),
    }),
    [t],
  );

  const onDragStart = ({ active }: DragStartEvent) => {
    if (!dragging.current) activeDrags++;
    dragging.current = true;
    moved.current = false;
    setActiveLabel(labelOf(active));
  };
  const release = () => {
    if (dragging.current) activeDrags--;
    dragging.current = false;
  };
  const stop = () => {
    release();
    setActiveLabel(null);
  };
  // Unmounted in the middle of a drag (the board was switched): nothing is being dragged any more.
  useEffect(() => release, []);
  const onDragEnd = ({ active, over }: DragEndEvent) => {
    stop();
    if (!over) return;
    const item = active.data.current as ItemData | undefined;
    if (item?.from !== undefined && item.from === String(over.id)) return;
    (over.data.current as ZoneData | undefined)?.onDrop(String(active.id));
  };

  return (
    <DndContext
      sensors={sensors}
      collisionDetection={collisions}
      accessibility={{
        announcements,
        screenReaderInstructions: { draggable: t('dragAndDrop.instructions') },
      }}
      onDragStart={onDragStart}
      onDragEnd={onDragEnd}
      onDragCancel={stop}
    >
      {children}
      <DragOverlay dropAnimation={null}>
        {activeLabel !== null && <div className="drag-ghost">{activeLabel}</div>}
      </DragOverlay>
    </DndContext>
  );
}

/**
 * An item that can be dragged. Put `ref` and `listeners` on the item (a mouse or a finger drags it
 * from anywhere on it), `handleRef` and `handleProps` on the focusable element that picks it up
 * from the keyboard (a handle button, or the item itself).
 */
export function useDraggableItem({
  id,
  label,
  from,
  disabled = false,
}: {
  id: string;
  label: string;
  from?: string;
  disabled?: boolean;
}) {
  const { t } = useTranslation();
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, isDragging } = useDraggable({
    id,
    data: { label, from } satisfies ItemData,
    disabled,
    attributes: { roleDescription: t('dragAndDrop.roleDescription') },
  });
  return {
    ref: setNodeRef,
    listeners: disabled ? undefined : listeners,
    handleRef: setActivatorNodeRef,
    handleProps: {
      'aria-roledescription': attributes['aria-roledescription'],
      'aria-describedby': attributes['aria-describedby'],
      'aria-pressed': attributes['aria-pressed'],
    },
    /** Only the instructions, for an item that has its own role and description. */
    describedBy: disabled ? undefined : attributes['aria-describedby'],
    isDragging,
  };
}

/** A place items can be dropped on: `onDrop(itemId)` does the move. */
export function useDropZone({
  id,
  label,
  onDrop,
  disabled = false,
}: {
  id: string;
  label: string;
  onDrop: (itemId: string) => void;
  disabled?: boolean;
}) {
  const { setNodeRef, isOver } = useDroppable({
    id,
    data: { label, onDrop } satisfies ZoneData,
    disabled,
  });
  return { ref: setNodeRef, isOver };
}
