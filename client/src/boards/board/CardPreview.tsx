/**
 * A card as seen from far away (zoomed out below PREVIEW_ZOOM): a coloured block with its title in
 * large type, no body, no controls. Thousands of them render quickly; double-click one to zoom in
 * on it. The selected card always renders in full.
 */
import { memo, type MouseEvent } from 'react';
import { CARD_WIDTH, cardTitle, readCard, type CardMap } from '@shared/doc';
import { useBoardStore } from '@client/store/boardStore';
import { useYText, useYValue } from '@client/sync/useY';
import { zoomAt } from '@client/lib/viewport';

/** Below this zoom, cards render as previews (their text would be unreadable anyway). */
export const PREVIEW_ZOOM = 0.4;
/** Below this zoom, previews drop their title too (a few screen pixels high: noise, and slow to paint). */
export const FAR_ZOOM = 0.16;
/** A preview's height (board px): about a typical card's. */
const PREVIEW_HEIGHT = 140;

interface CardPreviewProps {
  cardId: string;
  card: CardMap;
}

export const CardPreview = memo(function CardPreview({ cardId, card }: CardPreviewProps) {
  const snapshot = useYValue(card, readCard);
  const title = useYText(cardTitle(card));

  const zoomIn = (event: MouseEvent<HTMLElement>) => {
    event.stopPropagation();
    const board = event.currentTarget.closest('[data-testid="board"]')?.getBoundingClientRect();
    if (!board) return;
    const sx = event.clientX - board.left;
    const sy = event.clientY - board.top;
    useBoardStore.getState().setViewport((vp) => zoomAt(vp, 1, sx, sy));
    useBoardStore.getState().selectCard(cardId);
  };

  return (
    <div
      className={`card-preview card--${snapshot.color}`}
      data-testid="card-preview"
      data-card-preview={cardId}
      aria-hidden="true"
      style={{
        transform: `translate3d(${snapshot.x}px, ${snapshot.y}px, 0)`,
        zIndex: snapshot.z,
        width: CARD_WIDTH,
        height: PREVIEW_HEIGHT,
      }}
      onDoubleClick={zoomIn}
    >
      <span className="card-preview__title">{title}</span>
    </div>
  );
});
