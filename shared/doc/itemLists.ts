/**
 * Lists of small plain records inside a card (a capacity's holders, an activity's actors and
 * cross-regional needs, an action's indicators): add, replace and remove one item by id, validated,
 * in one transaction. Each list is declared once with `cardItemList`.
 */
import * as Y from 'yjs';
import type { z } from 'zod';
import { randomId } from '../ids';
import { updateCardOfType, type CardMap, type CardType } from './cards';
import { removeItem, replaceItem } from './fieldValues';

export function cardItemList<S extends z.ZodType<{ id: string }, { id: string }>>(
  type: CardType,
  key: string,
  schema: S,
) {
  type Item = z.output<S>;
  const itemsOf = (card: CardMap): Y.Array<Item> | undefined => {
    const value = card.get(key);
    return value instanceof Y.Array ? (value as Y.Array<Item>) : undefined;
  };
  /** Runs `change` on the card's list; false when the card or the item is not there. */
  const onList = (doc: Y.Doc, cardId: string, change: (items: Y.Array<Item>) => boolean) => {
    let done = false;
    updateCardOfType(doc, cardId, type, (card) => {
      const items = itemsOf(card);
      done = items ? change(items) : false;
    });
    return done;
  };
  return {
    /** Adds an item (validated; throws on invalid input); returns its id, or null without the card. */
    add(doc: Y.Doc, cardId: string, item: Omit<z.input<S>, 'id'>): string | null {
      const valid = schema.parse({ ...item, id: randomId() });
      return onList(doc, cardId, (items) => (items.push([valid]), true)) ? valid.id : null;
    },
    update(doc: Y.Doc, cardId: string, item: z.input<S>): boolean {
      const valid = schema.parse(item);
      return onList(doc, cardId, (items) => replaceItem(items, valid.id, valid));
    },
    remove(doc: Y.Doc, cardId: string, itemId: string): boolean {
      return onList(doc, cardId, (items) => removeItem(items, itemId));
    },
  };
}
