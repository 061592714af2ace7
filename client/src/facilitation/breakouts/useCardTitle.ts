/** A card's live title by id (a removed card's last title), for naming a group's area. */
import type * as Y from 'yjs';
import { cardsMap, cardTitle, removedCardsMap, type CardMap } from '@shared/doc';
import { useYText, useYValue } from '@client/sync/useY';

export interface CardTitle {
  title: string;
  removed: boolean;
}

/** A fresh box per change of the cards map, so a lookup by any id re-runs after a card comes or goes. */
const boxed = (cards: Y.Map<CardMap>) => ({ cards });

export function useCardTitle(doc: Y.Doc | null, cardId: string | null): CardTitle | null {
  const box = useYValue(doc ? cardsMap(doc) : undefined, boxed, { fallback: null });
  const card = cardId ? box?.cards.get(cardId) : undefined;
  const title = useYText(card ? cardTitle(card) : undefined);
  if (!doc || !cardId) return null;
  if (card) return { title, removed: false };
  return { title: removedCardsMap(doc).get(cardId)?.title ?? '', removed: true };
}
