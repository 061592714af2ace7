/**
 * The pannable, zoomable board. The board element is the viewport; the "world" inside it carries the
 * viewport transform, so cards keep board coordinates and never re-render on pan or zoom.
 */
import { memo, useCallback, useEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import * as Y from 'yjs';
import {
  CARD_WIDTH,
  cardsMap,
  createCard,
  DEFAULT_BOARD_ID,
  listCards,
  type CardMap,
} from '../../../../shared/doc';
import { useBoardStore } from '../../store/boardStore';
import { useSyncLoaded } from '../../sync/useWorkshopSync';
import { useYValue } from '../../sync/useY';
import { BoardContext, useBoardContext, type BoardContextValue } from './boardContext';
import { BoardToolbar } from './BoardToolbar';
import { Card } from './Card';
import { Cursors } from './Cursors';
import { useBoardGestures, isBoardBackground } from './useBoardGestures';
import { useBoardShortcuts } from './useBoardShortcuts';
import { usePointerPresence } from './usePointerPresence';
import { fitBounds, screenToBoard, zoomAt, type Bounds } from './viewport';

/** Rough height of a new card, to centre it on the point where it is created. */
const NEW_CARD_HEIGHT = 120;
const GRID = 24;

/** The board element's size on screen (the window's before it is mounted). */
function sizeOf(board: HTMLElement | null): { width: number; height: number } {
  const rect = board?.getBoundingClientRect();
  return { width: rect?.width ?? window.innerWidth, height: rect?.height ?? window.innerHeight };
}

const CardLayer = memo(function CardLayer() {
  const { doc, boardId } = useBoardContext();
  const readEntries = useCallback(
    (cards: Y.Map<CardMap>) => {
      const out: [string, CardMap][] = [];
      cards.forEach((card, id) => {
        if (!(card instanceof Y.Map)) return;
        const cardBoard = card.get('boardId');
        if ((typeof cardBoard === 'string' ? cardBoard : DEFAULT_BOARD_ID) === boardId)
          out.push([id, card]);
      });
      return out;
    },
    [boardId],
  );
  const entries = useYValue(cardsMap(doc), readEntries);
  return (
    <>
      {entries.map(([id, card]) => (
        <Card key={id} cardId={id} card={card} />
      ))}
    </>
  );
});

const hasAny = (cards: Y.Map<CardMap>) => cards.size > 0;

export function Board(props: BoardContextValue) {
  const { doc, sync, canEdit, user, boardId } = props;
  const { t } = useTranslation();
  const context = useMemo<BoardContextValue>(
    () => ({ doc, sync, canEdit, user, boardId }),
    [doc, sync, canEdit, user, boardId],
  );
  const boardRef = useRef<HTMLDivElement>(null);
  const viewport = useBoardStore((s) => s.viewport);
  const panKeyHeld = useBoardStore((s) => s.panKeyHeld);
  const hasCards = useYValue(cardsMap(doc), hasAny);
  const loaded = useSyncLoaded(sync);
  const gestures = useBoardGestures(boardRef);
  const pointer = usePointerPresence(sync.awareness, boardRef, user !== null && canEdit);

  const addCardAt = useCallback(
    (x: number, y: number) => {
      const { newCardColor, editCard } = useBoardStore.getState();
      const id = createCard(doc, {
        boardId,
        x: Math.round(x),
        y: Math.round(y),
        color: newCardColor,
        createdBy: user?.name ?? '',
      });
      editCard(id, 'title');
    },
    [doc, boardId, user],
  );

  const addCardInView = () => {
    const { width, height } = sizeOf(boardRef.current);
    const centre = screenToBoard(useBoardStore.getState().viewport, width / 2, height / 2);
    let x = centre.x - CARD_WIDTH / 2;
    let y = centre.y - NEW_CARD_HEIGHT / 2;
    // Do not hide a card exactly under a new one: cascade.
    const taken = listCards(doc, boardId);
    for (let i = 0; i < 30 && taken.some((c) => Math.hypot(c.x - x, c.y - y) < 12); i++) {
      x += GRID;
      y += GRID;
    }
    addCardAt(x, y);
  };

  const fitToCards = useCallback(() => {
    const cards = listCards(doc, boardId);
    const { width, height } = sizeOf(boardRef.current);
    const { setViewport } = useBoardStore.getState();
    if (cards.length === 0) {
      setViewport({ x: width / 2, y: height / 3, zoom: 1 });
      return;
    }
    const bounds: Bounds = { minX: Infinity, minY: Infinity, maxX: -Infinity, maxY: -Infinity };
    for (const card of cards) {
      const element = boardRef.current?.querySelector<HTMLElement>(
        `[data-card-id="${CSS.escape(card.id)}"]`,
      );
      bounds.minX = Math.min(bounds.minX, card.x);
      bounds.minY = Math.min(bounds.minY, card.y);
      bounds.maxX = Math.max(bounds.maxX, card.x + CARD_WIDTH);
      bounds.maxY = Math.max(bounds.maxY, card.y + (element?.offsetHeight ?? NEW_CARD_HEIGHT));
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
          gestures.onPointerDown(event, (moved) => {
            if (!moved) useBoardStore.getState().selectCard(null);
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
        <div
          className="board__world"
          style={{
            transform: `translate3d(${viewport.x}px, ${viewport.y}px, 0) scale(${viewport.zoom})`,
          }}
        >
          <CardLayer />
          <Cursors awareness={sync.awareness} />
        </div>
        {loaded && !hasCards && (
          <div className="board__empty" aria-live="polite">
            <p className="board__empty-title">{t('board.emptyTitle')}</p>
            <p>{canEdit ? t('board.emptyHint') : t('board.emptyHintReadOnly')}</p>
          </div>
        )}
        <BoardToolbar
          canEdit={canEdit}
          onAddCard={addCardInView}
          onZoom={zoomBy}
          onFit={fitToCards}
        />
      </div>
    </BoardContext>
  );
}
