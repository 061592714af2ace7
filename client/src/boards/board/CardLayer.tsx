/**
 * The cards of a board as elements: the ones that intersect the culling window, plus the selected
 * and the edited card (never unmount what has the focus). In the overview (zoomed out, see
 * overview.ts) only those two render as elements; every other card is a block on the canvas.
 */
import { memo, useCallback, useMemo } from 'react';
import * as Y from 'yjs';
import { cardColor, cardsMap, DEFAULT_BOARD_ID, numberOr, type CardMap } from '@shared/doc';
import { useBoardStore } from '@client/store/boardStore';
import { useYValue } from '@client/sync/useY';
import { Card } from './Card';
import { cardInWindow, cullWindow, parseWindowKey, windowKey, type Size } from './culling';
import { isOverview, type CardEntry } from './overview';
import { useSettleStore } from './useSettleCards';

/**
 * Every card of the board with its position and look. Re-reads on any change inside the cards (a
 * remote move can bring a card into view, or move a block of the overview).
 */
export function useBoardCardEntries(doc: Y.Doc, boardId: string): CardEntry[] {
  const readEntries = useCallback(
    (cards: Y.Map<CardMap>) => {
      const out: CardEntry[] = [];
      cards.forEach((card, id) => {
        if (!(card instanceof Y.Map)) return;
        const cardBoard = card.get('boardId');
        if ((typeof cardBoard === 'string' ? cardBoard : DEFAULT_BOARD_ID) !== boardId) return;
        out.push({
          id,
          card,
          x: numberOr(card.get('x'), 0),
          y: numberOr(card.get('y'), 0),
          z: numberOr(card.get('z'), 0),
          color: cardColor(card),
        });
      });
      return out;
    },
    [boardId],
  );
  return useYValue(cardsMap(doc), readEntries, { deep: true });
}

/** The culling window's key, or 'overview': changes only when the window crosses a grid line. */
const OVERVIEW_KEY = 'overview';

export const CardLayer = memo(function CardLayer({
  entries,
  size,
}: {
  entries: CardEntry[];
  size: Size;
}) {
  const key = useBoardStore((s) =>
    isOverview(s.viewport) ? OVERVIEW_KEY : windowKey(cullWindow(s.viewport, size)),
  );
  const selectedId = useBoardStore((s) => s.selectedCardId);
  const editingId = useBoardStore((s) => s.editing?.cardId ?? null);
  // While new cards wait to be laid out, every card renders in full, to be measured (once).
  const settling = useSettleStore((s) => s.pending.size > 0);
  const visible = useMemo(() => {
    if (settling) return entries;
    const isFocused = (e: CardEntry) => e.id === selectedId || e.id === editingId;
    if (key === OVERVIEW_KEY) return entries.filter(isFocused);
    const window = parseWindowKey(key);
    return entries.filter((e) => isFocused(e) || cardInWindow(e.x, e.y, window));
  }, [entries, key, selectedId, editingId, settling]);
  return (
    <>
      {visible.map(({ id, card }) => (
        <Card key={id} cardId={id} card={card} />
      ))}
    </>
  );
});
