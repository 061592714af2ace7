/**
 * The cards map read through the hooks of useY.ts, for what boards ask of it again and again: one
 * card by id, every card of a type (incrementally: see useYEntries), the cards just added.
 */
import { useCallback, useMemo } from 'react';
import * as Y from 'yjs';
import {
  byCreation,
  cardsMap,
  getCard,
  type CardMap,
  type CardSnapshot,
  type CardType,
} from '@shared/doc';
import { useYObserver, useYValue } from './useY';
import { useYEntries, type YEntries } from './useYEntries';

/**
 * The card with this id (undefined when there is none, or when `type` is given and the card is of
 * another type); re-renders when it comes or goes.
 */
export function useCard(
  doc: Y.Doc | null | undefined,
  id: string | null | undefined,
  type?: CardType,
) {
  const read = useCallback(
    (cards: Y.Map<CardMap>): CardMap | undefined => {
      const card = cards.doc && id ? getCard(cards.doc, id) : undefined;
      return card && (!type || card.get('type') === type) ? card : undefined;
    },
    [id, type],
  );
  return useYValue(doc ? cardsMap(doc) : undefined, read);
}

/**
 * Every card of a type, read with that type's reader of shared/doc (`readAction`, `readCapacity`…),
 * in creation order; a card's id is its key in the cards map. A change re-reads the cards it touched
 * only. Pass a reader defined outside the component.
 */
export function useCardsOfType<T extends CardSnapshot>(
  doc: Y.Doc,
  type: CardType,
  read: (card: CardMap) => T,
): YEntries<T> {
  const readOfType = useMemo(
    () =>
      (card: unknown, id: string): T | undefined =>
        card instanceof Y.Map && card.get('type') === type ? { ...read(card), id } : undefined,
    [type, read],
  );
  return useYEntries(cardsMap(doc), readOfType, byCreation);
}

/**
 * Calls `handler` on each change of which cards exist (added, replaced, deleted), with the ids of
 * the cards added in it (often none) and its transaction: a bulk add (an import, a reveal) is
 * several ids at once; `transaction.local` and `transaction.origin` say whose it was.
 */
export function useCardsAdded(
  doc: Y.Doc | null | undefined,
  handler: (ids: string[], transaction: Y.Transaction) => void,
): void {
  useYObserver(doc ? cardsMap(doc) : undefined, (event, transaction) => {
    const added: string[] = [];
    event.changes.keys.forEach((change, key) => {
      if (change.action === 'add') added.push(key);
    });
    handler(added, transaction);
  });
}
