/**
 * The pannable, zoomable board. The board element is the viewport; the "world" inside it carries the
 * viewport transform, so cards keep board coordinates and never re-render on pan or zoom. Only the
 * cards near the visible area are rendered (culling.ts), so a board of thousands of cards stays
 * smooth. Generic over the board: a board view passes how to create its cards, a type-specific
 * card slot, an editor to open, what to draw under the cards (group frames) and extra tools.
 */
import {
  useCallback,
  useEffect,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type CSSProperties,
  type ReactNode,
} from 'react';
import { flushSync } from 'react-dom';
import { useTranslation } from 'react-i18next';
import { CARD_WIDTH, CARD_HEIGHT_ESTIMATE, createCard, listCards } from '@shared/doc';
import { useBoardStore } from '@client/store/boardStore';
import { useSyncLoaded } from '@client/sync/useWorkshopSync';
import { BoardContext, type BoardContextValue } from './boardContext';
import { BoardToolbar } from './BoardToolbar';
import { CardLayer, useBoardCardEntries } from './CardLayer';
import { CardOverview } from './CardOverview';
import { Cursors } from './Cursors';
import { useBoardGestures, isBoardBackground } from './useBoardGestures';
import { useBoardShortcuts } from './useBoardShortcuts';
import { usePointerPresence } from './usePointerPresence';
import { fitBounds, screenToBoard, zoomAt, type Bounds } from '@client/lib/viewport';
import type { Size } from './culling';
import { blockAt, isOverview, viewportOnCard } from './overview';
import { nearestFreeSpot } from './cardPacking';
import { measuredHeights, useSettleCards, useSettleStore } from './useSettleCards';
import { useRoom } from '@client/connection/control';

/** Rough height of a new card, to centre it on the point where it is created. */
const NEW_CARD_HEIGHT = 120;
const GRID = 24;

/** The board element's size on screen (the window's before it is mounted). */
function sizeOf(board: HTMLElement | null): { width: number; height: number } {
  const rect = board?.getBoundingClientRect();
  return { width: rect?.width ?? window.innerWidth, height: rect?.height ?? window.innerHeight };
}

export interface BoardProps extends BoardContextValue {
  /** Creates this board's kind of card at (x, y); default: a note. Returns its id. */
  createCardAt?: (x: number, y: number) => string;
  /** Label of the "add" tool (default: Add card). */
  addCardLabel?: string;
  /** Drawn in board coordinates under the cards (group frames). */
  underlay?: ReactNode;
  /** Floating UI over the board (side panels, dialogs). */
  children?: ReactNode;
  /** More tools next to "Add card". */
  toolbarExtra?: ReactNode;
  emptyTitle?: string;
  emptyHint?: string;
  /** Something other than cards is on the board (group frames): no "empty board" message. */
  hasContent?: boolean;
  /** Areas other than cards that "Fit" should show (group frames). */
  extraBounds?: () => Bounds[];
  /** Cards the layout pass moved apart, in its transaction (group frames grow to hold them). */
  onCardsSettled?: (movedIds: string[]) => void;
}

export function Board(props: BoardProps) {
  const { doc, sync, canEdit, user, boardId, cardSlot, onOpenCard, onCardMoved } = props;
  const { createCardAt, addCardLabel, underlay, children, toolbarExtra } = props;
  const { t } = useTranslation();
  const context = useMemo<BoardContextValue>(
    () => ({ doc, sync, canEdit, user, boardId, cardSlot, onOpenCard, onCardMoved }),
    [doc, sync, canEdit, user, boardId, cardSlot, onOpenCard, onCardMoved],
  );
  const boardRef = useRef<HTMLDivElement>(null);
  const extraBoundsRef = useRef(props.extraBounds);
  useEffect(() => {
    extraBoundsRef.current = props.extraBounds;
  });
  const [size, setSize] = useState<Size>(() => sizeOf(null));
  useLayoutEffect(() => {
    const board = boardRef.current;
    if (!board) return;
    const measure = () => {
      const next = sizeOf(board);
      setSize((s) => (s.width === next.width && s.height === next.height ? s : next));
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(board);
    return () => observer.disconnect();
  }, []);
  const viewport = useBoardStore((s) => s.viewport);
  const panKeyHeld = useBoardStore((s) => s.panKeyHeld);
  const entries = useBoardCardEntries(doc, boardId);
  const overview = isOverview(viewport);
  const hasCards = entries.length > 0 || props.hasContent === true;
  const loaded = useSyncLoaded(sync);
  const gestures = useBoardGestures(boardRef);
  const pointer = usePointerPresence(sync.awareness, boardRef, user !== null && canEdit);
  const facilitator = useRoom().role === 'facilitator';
  useSettleCards({
    boardRef,
    doc,
    boardId,
    canEdit,
    settlesRemote: facilitator,
    onSettled: props.onCardsSettled,
  });

  const addCardAt = useCallback(
    (x: number, y: number) => {
      const { newCardColor, editCard } = useBoardStore.getState();
      const id = createCardAt
        ? createCardAt(Math.round(x), Math.round(y))
        : createCard(doc, {
            boardId,
            x: Math.round(x),
            y: Math.round(y),
            color: newCardColor,
            createdBy: user?.name ?? '',
          });
      editCard(id, 'title');
      return id;
    },
    [doc, boardId, user, createCardAt],
  );

  const addCardInView = () => {
    const { width, height } = sizeOf(boardRef.current);
    const centre = screenToBoard(useBoardStore.getState().viewport, width / 2, height / 2);
    // Next to, never on top of, the cards already there, as tall as they render; once measured,
    // the new card itself is settled like a batch (others may be adding at the same time).
    const heights = measuredHeights(boardRef.current);
    const cards = listCards(doc, boardId).map((c) => ({
      x: c.x,
      y: c.y,
      width: CARD_WIDTH,
      height: heights.get(c.id) ?? CARD_HEIGHT_ESTIMATE,
    }));
    const { x, y } = nearestFreeSpot(
      cards,
      { width: CARD_WIDTH, height: CARD_HEIGHT_ESTIMATE },
      { x: centre.x - CARD_WIDTH / 2, y: centre.y - NEW_CARD_HEIGHT / 2 },
    );
    useSettleStore.getState().settle([addCardAt(x, y)]);
  };

  const fitToCards = useCallback(() => {
    const cards = listCards(doc, boardId);
    const extra = extraBoundsRef.current?.() ?? [];
    const { width, height } = sizeOf(boardRef.current);
    const { setViewport } = useBoardStore.getState();
    if (cards.length === 0 && extra.length === 0) {
      setViewport({ x: width / 2, y: height / 3, zoom: 1 });
      return;
    }
    // Measured heights of the cards on screen (one query, not one per card); others: estimated.
    const heights = measuredHeights(boardRef.current);
    const bounds: Bounds = { minX: Infinity, minY: Infinity, maxX: -Infinity, maxY: -Infinity };
    for (const card of cards) {
      bounds.minX = Math.min(bounds.minX, card.x);
      bounds.minY = Math.min(bounds.minY, card.y);
      bounds.maxX = Math.max(bounds.maxX, card.x + CARD_WIDTH);
      bounds.maxY = Math.max(bounds.maxY, card.y + (heights.get(card.id) ?? NEW_CARD_HEIGHT));
    }
    for (const b of extra) {
      bounds.minX = Math.min(bounds.minX, b.minX);
      bounds.minY = Math.min(bounds.minY, b.minY);
      bounds.maxX = Math.max(bounds.maxX, b.maxX);
      bounds.maxY = Math.max(bounds.maxY, b.maxY);
    }
    setViewport(fitBounds(bounds, width, height));
  }, [doc, boardId]);

  const zoomBy = useCallback((factor: number | 'reset') => {
    const { width, height } = sizeOf(boardRef.current);
    useBoardStore
      .getState()
      .setViewport((vp) =>
        zoomAt(vp, factor === 'reset' ? 1 : vp.zoom * factor, width / 2, height / 2),
      );
  }, []);

  useBoardShortcuts({ doc, canEdit, zoomBy, fitToCards });

  /** In the overview, a click on a card's block zooms in on that card and gives it the focus. */
  const openBlockAt = (clientX: number, clientY: number): boolean => {
    const board = boardRef.current;
    const vp = useBoardStore.getState().viewport;
    if (!board || !isOverview(vp)) return false;
    const rect = board.getBoundingClientRect();
    const at = screenToBoard(vp, clientX - rect.left, clientY - rect.top);
    const hit = blockAt(entries, at.x, at.y);
    if (!hit) return false;
    const { setViewport, selectCard } = useBoardStore.getState();
    // Rendered at once, so the card is there to take the focus.
    flushSync(() => {
      setViewport(viewportOnCard(hit, rect.width, rect.height));
      selectCard(hit.id);
    });
    board
      .querySelector<HTMLElement>(`[data-card-id="${CSS.escape(hit.id)}"]`)
      ?.focus({ preventScroll: true });
    return true;
  };

  // First view: fit what is on the board once the doc has loaded, else centre the origin.
  const fitted = useRef(false);
  useEffect(() => {
    if (fitted.current || !loaded) return;
    fitted.current = true;
    requestAnimationFrame(fitToCards);
  }, [loaded, fitToCards]);

  // The dot grid thins out when zoomed far out, so it never turns into noise.
  let gridSize = GRID * viewport.zoom;
  while (gridSize < 12) gridSize *= 4;
  const classes = ['board', panKeyHeld && 'is-pan-ready', !canEdit && 'is-read-only']
    .filter(Boolean)
    .join(' ');

  return (
    <BoardContext value={context}>
      <div
        ref={boardRef}
        className={classes}
        data-testid="board"
        role="application"
        aria-label={t('board.label')}
        style={{
          backgroundSize: `${gridSize}px ${gridSize}px`,
          backgroundPosition: `${viewport.x}px ${viewport.y}px`,
        }}
        onPointerDown={(event) => {
          const { clientX, clientY } = event;
          gestures.onPointerDown(event, (moved) => {
            if (!moved && !openBlockAt(clientX, clientY)) useBoardStore.getState().selectCard(null);
          });
        }}
        onPointerMove={(event) => {
          gestures.onPointerMove(event);
          pointer.onPointerMove(event);
        }}
        onPointerUp={gestures.onPointerUp}
        onPointerCancel={gestures.onPointerUp}
        onPointerLeave={pointer.onPointerLeave}
        onDoubleClick={(event) => {
          if (!canEdit || !isBoardBackground(event.target)) return;
          const rect = event.currentTarget.getBoundingClientRect();
          const at = screenToBoard(
            useBoardStore.getState().viewport,
            event.clientX - rect.left,
            event.clientY - rect.top,
          );
          addCardAt(at.x - CARD_WIDTH / 2, at.y - 24);
        }}
      >
        {overview && <CardOverview entries={entries} size={size} />}
        <div
          className={overview ? 'board__world is-overview' : 'board__world'}
          style={{
            transform: `translate3d(${viewport.x}px, ${viewport.y}px, 0) scale(${viewport.zoom})`,
            // Overview only (a change re-styles everything inside): labels kept readable.
            ...(overview && ({ '--overview-scale': 1 / viewport.zoom } as CSSProperties)),
          }}
        >
          {underlay}
          <CardLayer entries={entries} size={size} />
          <Cursors awareness={sync.awareness} />
        </div>
        {loaded && !hasCards && (
          <div className="board__empty" aria-live="polite">
            <p className="board__empty-title">{props.emptyTitle ?? t('board.emptyTitle')}</p>
            <p>
              {canEdit ? (props.emptyHint ?? t('board.emptyHint')) : t('board.emptyHintReadOnly')}
            </p>
          </div>
        )}
        <BoardToolbar
          canEdit={canEdit}
          onAddCard={addCardInView}
          addCardLabel={addCardLabel}
          extra={toolbarExtra}
          onZoom={zoomBy}
          onFit={fitToCards}
        />
        {children}
      </div>
    </BoardContext>
  );
}
