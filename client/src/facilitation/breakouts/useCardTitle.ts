/** A card's live title by id (a removed card's last title), for naming a group's area. */
import type * as Y from 'yjs';
import { cardTitle, removedCardsMap } from '@shared/doc';
import { useCard } from '@client/sync/useCards';
import { useYText } from '@client/sync/useY';

export interface CardTitle {
  title: string;
  removed: boolean;
}

export function useCardTitle(doc: Y.Doc | null, cardId: string | null): CardTitle | null {
  const card = useCard(doc, cardId);
  const title = useYText(card ? cardTitle(card) : undefined);
  if (!doc || !cardId) return null;
  if (card) return { title, removed: false };
  return { title: removedCardsMap(doc).get(cardId)?.title ?? '', removed: true };
}
