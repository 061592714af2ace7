/**
 * Which boards an incoming update would change — for locks: the server refuses a participant's
 * update that touches a locked board. Reads the update's structs and delete set against the doc it
 * would apply to (new cards are resolved from the update itself). Board kinds as in templates.ts
 * ('notes' for the generic board).
 */
import * as Y from 'yjs';
import { cardsMap, DEFAULT_BOARD_ID } from './cards';

/** Top-level types that belong to one board; other roots (meta, regions) belong to none. */
const ROOT_BOARDS: Record<string, string> = {
  opportunityGroups: 'opportunity-board',
  diamondAxes: 'capacity-map',
};

type Parent = string | Y.ID | null;

export function boardKindOf(boardId: unknown): string | null {
  if (typeof boardId !== 'string') return null;
  return boardId === DEFAULT_BOARD_ID ? 'notes' : boardId;
}

export function boardsTouchedBy(doc: Y.Doc, update: Uint8Array): Set<string> {
  const touched = new Set<string>();
  const add = (board: string | null) => {
    if (board) touched.add(board);
  };
  const { structs, ds } = Y.decodeUpdate(update);
  const items = structs.filter((s): s is Y.Item => s instanceof Y.Item);
  const inUpdate = (id: Y.ID) =>
    items.find(
      (i) =>
        i.id.client === id.client && id.clock >= i.id.clock && id.clock < i.id.clock + i.length,
    );
  const inDoc = (id: Y.ID): Y.Item | null => {
    try {
      const found = Y.getItem(doc.store, id);
      return found instanceof Y.Item ? found : null;
    } catch {
      return null;
    }
  };
  const cards = cardsMap(doc);

  /** An item's parent as encoded, or (when the encoder left it out) its neighbour's. */
  const parentOf = (item: Y.Item, depth = 0): Parent => {
    const parent = item.parent as unknown;
    if (typeof parent === 'string' || parent instanceof Y.ID) return parent;
    if (parent instanceof Y.AbstractType) return parent._item ? parent._item.id : rootName(parent);
    const neighbour = item.origin ?? item.rightOrigin;
    if (!neighbour || depth > 50) return null;
    const known = inDoc(neighbour);
    if (known) return integratedParent(known);
    const pending = inUpdate(neighbour);
    return pending ? parentOf(pending, depth + 1) : null;
  };

  const rootName = (type: Y.AbstractType<unknown>): string | null => {
    for (const [name, shared] of doc.share) if (shared === type) return name;
    return null;
  };
  const integratedParent = (item: Y.Item): Parent => {
    const parent = item.parent as Y.AbstractType<unknown> | null;
    if (!parent) return null;
    return parent._item ? parent._item.id : rootName(parent);
  };

  /** The board of whatever lives under `parent` (a card, something inside a card, a root). */
  const boardUnder = (
    parent: Parent,
    parentSub: string | null,
    self: Y.ID | null,
    depth = 0,
  ): string | null => {
    if (parent === null || depth > 50) return null;
    if (typeof parent === 'string') {
      if (parent === 'cards') return boardOfCard(parentSub, self);
      return ROOT_BOARDS[parent] ?? null;
    }
    const known = inDoc(parent);
    if (known) {
      if (known.parent === cards) return boardOfCard(known.parentSub, known.id);
      return boardUnder(integratedParent(known), known.parentSub, known.id, depth + 1);
    }
    const pending = inUpdate(parent);
    return pending ? boardUnder(parentOf(pending), pending.parentSub, pending.id, depth + 1) : null;
  };

  /** A card's board: from the doc, or from the `boardId` entry the same update writes into it. */
  const boardOfCard = (cardId: string | null, cardItem: Y.ID | null): string | null => {
    const existing = cardId ? cards.get(cardId) : undefined;
    if (existing instanceof Y.Map) return boardKindOf(existing.get('boardId'));
    if (!cardItem) return null;
    const entry = items.find((i) => {
      const p = i.parent as unknown;
      return i.parentSub === 'boardId' && p instanceof Y.ID && Y.compareIDs(p, cardItem);
    });
    return entry ? boardKindOf(entry.content.getContent()[0]) : null;
  };

  for (const item of items) add(boardUnder(parentOf(item), item.parentSub, item.id));

  for (const [client, ranges] of ds.clients) {
    for (const range of ranges) {
      for (let clock = range.clock; clock < range.clock + range.len;) {
        const item = inDoc(Y.createID(client, clock));
        if (!item) break;
        // An update carries its sender's whole delete set: what is deleted here already is no change.
        if (item.deleted) {
          clock = item.id.clock + item.length;
          continue;
        }
        if (item.parent === cards) add(boardOfCard(item.parentSub, item.id));
        else add(boardUnder(integratedParent(item), item.parentSub, item.id));
        clock = item.id.clock + item.length;
      }
    }
  }
  return touched;
}
