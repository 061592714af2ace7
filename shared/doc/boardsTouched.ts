/**
 * What an incoming update would change, read before it is applied — for the server's write rules:
 * a participant's update that touches a locked board, or the facilitator's `meta`, is refused.
 * Reads the update's structs and delete set against the doc it would apply to (new cards and
 * entries are resolved from the update itself). Board kinds as in templates.ts ('notes' for the
 * generic board).
 *
 * A card belongs to the board its `boardId` names AND to the board of its `type` (the capacity map
 * lists every capacity card, wherever its boardId points). An update that writes a card's
 * `boardId` or `type` touches the boards of the old and the new value, so a card can neither be
 * moved onto nor off a locked board, nor be re-typed into one.
 */
import * as Y from 'yjs';
import { ACTION_BOARD } from './actions';
import { ACTIVITY_BOARD } from './activities';
import { CAPACITY_BOARD } from './capacities';
import { cardsMap, DEFAULT_BOARD_ID } from './cards';
import { OPPORTUNITY_BOARD } from './opportunities';

/** Top-level types that belong to one board; other roots (meta, regions) belong to none. */
const ROOT_BOARDS: Record<string, string> = {
  opportunityGroups: OPPORTUNITY_BOARD,
  diamondAxes: CAPACITY_BOARD,
};

/** The board that lists every card of a type, wherever its boardId points. */
const TYPE_BOARDS: Record<string, string> = {
  capacity: CAPACITY_BOARD,
  opportunity: OPPORTUNITY_BOARD,
  activity: ACTIVITY_BOARD,
  action: ACTION_BOARD,
};

/** The card entries whose value decides which boards show the card. */
const PLACEMENT_KEYS = new Set(['boardId', 'type']);

export interface UpdateFootprint {
  /** Board kinds whose content the update changes. */
  boards: Set<string>;
  /** Top-level names of the doc (meta, cards, regions, …) the update changes. */
  roots: Set<string>;
  /** Some change could not be placed (it builds on something neither the doc nor it holds). */
  unresolved: boolean;
}

type Parent = string | Y.ID | null;

/** Where a struct sits: its parent (a root name or the id of the item holding its type) and key. */
interface Placement {
  parent: Parent;
  sub: string | null;
  id: Y.ID;
}

/** The board kind a `boardId` value puts a card on; what readers show for a missing one. */
export function boardKindOf(boardId: unknown): string {
  if (typeof boardId !== 'string') return 'notes';
  return boardId === DEFAULT_BOARD_ID ? 'notes' : boardId;
}

/** The boards a card with these `boardId` and `type` values is shown on. */
function boardsOfPlacement(boardId: unknown, type: unknown): string[] {
  const byType = typeof type === 'string' ? TYPE_BOARDS[type] : undefined;
  return byType ? [boardKindOf(boardId), byType] : [boardKindOf(boardId)];
}

export function boardsTouchedBy(doc: Y.Doc, update: Uint8Array): Set<string> {
  return updateFootprint(doc, update).boards;
}

export function updateFootprint(doc: Y.Doc, update: Uint8Array): UpdateFootprint {
  const footprint: UpdateFootprint = { boards: new Set(), roots: new Set(), unresolved: false };
  const { structs, ds } = Y.decodeUpdate(update);
  const items = structs.filter((s): s is Y.Item => s instanceof Y.Item);
  const cards = cardsMap(doc);

  // The update's items per client, in clock order (as decoded), for lookups by id.
  const byClient = new Map<number, Y.Item[]>();
  for (const item of items) {
    const list = byClient.get(item.id.client);
    if (list) list.push(item);
    else byClient.set(item.id.client, [item]);
  }
  const inUpdate = (id: Y.ID): Y.Item | undefined => {
    const list = byClient.get(id.client);
    if (!list) return undefined;
    let lo = 0;
    let hi = list.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const item = list[mid]!;
      if (id.clock < item.id.clock) hi = mid - 1;
      else if (id.clock >= item.id.clock + item.length) lo = mid + 1;
      else return item;
    }
    return undefined;
  };
  const inDoc = (id: Y.ID): Y.Item | null => {
    // The doc holds exactly the clocks below its state per client: ask only for those, because
    // Y.getItem throws for the others, and a thrown error (its stack captured) cost more than the
    // rest of the gate for an update that builds on itself (issue 15's relay profile).
    if (id.clock >= Y.getState(doc.store, id.client)) return null;
    try {
      const found = Y.getItem(doc.store, id);
      return found instanceof Y.Item ? found : null;
    } catch {
      return null;
    }
  };
  const rootName = (type: Y.AbstractType<unknown>): string | null => {
    for (const [name, shared] of doc.share) if (shared === type) return name;
    return null;
  };

  /** An integrated item's placement. */
  const placed = (item: Y.Item): Placement => {
    const parent = item.parent as Y.AbstractType<unknown> | null;
    return {
      parent: parent ? (parent._item ? parent._item.id : rootName(parent)) : null,
      sub: item.parentSub,
      id: item.id,
    };
  };
  /**
   * A decoded item's placement. Yjs leaves parent and key out of the encoding when the item has a
   * neighbour (a map entry overwriting an older value, text typed after text): they are the
   * neighbour's.
   */
  const pendingPlacements = new Map<Y.Item, Placement>();
  const pendingPlacement = (item: Y.Item, depth = 0): Placement => {
    const cached = pendingPlacements.get(item);
    if (cached) return cached;
    let found: Placement = { parent: null, sub: null, id: item.id };
    const parent = item.parent as unknown;
    if (typeof parent === 'string' || parent instanceof Y.ID) {
      found = { parent, sub: item.parentSub, id: item.id };
    } else {
      const neighbourId = item.origin ?? item.rightOrigin;
      const known = neighbourId ? inDoc(neighbourId) : null;
      const pending = neighbourId && !known ? inUpdate(neighbourId) : undefined;
      if (known) found = { ...placed(known), id: item.id };
      else if (pending && depth < 64)
        found = { ...pendingPlacement(pending, depth + 1), id: item.id };
    }
    pendingPlacements.set(item, found);
    return found;
  };
  const placementOf = (id: Y.ID): Placement | null => {
    const known = inDoc(id);
    if (known) return placed(known);
    const pending = inUpdate(id);
    return pending ? pendingPlacement(pending) : null;
  };

  /** The value a decoded item writes (its first element), for boardId and type entries. */
  const valueOf = (item: Y.Item): unknown => {
    try {
      return item.content.getContent()[0];
    } catch {
      return undefined;
    }
  };
  // The boardId and type values the update writes, per card (keyed by the card item's id).
  const placementWrites = new Map<string, { boardId?: unknown; type?: unknown }>();
  const idKey = (id: Y.ID) => `${id.client}:${id.clock}`;
  for (const item of items) {
    const where = pendingPlacement(item);
    if (!(where.parent instanceof Y.ID) || !PLACEMENT_KEYS.has(where.sub ?? '')) continue;
    const writes = placementWrites.get(idKey(where.parent)) ?? {};
    writes[where.sub as 'boardId' | 'type'] = valueOf(item);
    placementWrites.set(idKey(where.parent), writes);
  }

  /**
   * A card's boards now, and those its placement would give after the update: the boardId and
   * type it writes, or — for an entry the update removes without writing a new one — the default.
   */
  const cardBoards = (cardId: string | null, cardItem: Y.ID, removedKey: string | null) => {
    const existing = cardId ? cards.get(cardId) : undefined;
    const isCard = existing instanceof Y.Map && Y.compareIDs(existing._item?.id ?? null, cardItem);
    const boardId = isCard ? existing.get('boardId') : undefined;
    const type = isCard ? existing.get('type') : undefined;
    // A card this update deletes goes nowhere: its entries' deletions move nothing.
    if (isCard && Y.isDeleted(ds, cardItem)) return boardsOfPlacement(boardId, type);
    const writes = placementWrites.get(idKey(cardItem)) ?? {};
    const next = {
      boardId:
        'boardId' in writes ? writes.boardId : removedKey === 'boardId' ? undefined : boardId,
      type: 'type' in writes ? writes.type : removedKey === 'type' ? undefined : type,
    };
    return [
      ...(isCard ? boardsOfPlacement(boardId, type) : []),
      ...boardsOfPlacement(next.boardId, next.type),
    ];
  };

  /**
   * Climbs from a change to its root and records what it touches. `removes` is set for a deleted
   * entry: a card losing its boardId or type falls back to the defaults readers use.
   */
  const record = (start: Placement, removes: boolean) => {
    let at = start;
    let below: Placement | null = null;
    for (let depth = 0; depth < 64; depth++) {
      if (at.parent === null) break;
      if (typeof at.parent === 'string') {
        const root = at.parent;
        footprint.roots.add(root);
        if (root === 'cards') {
          const removedKey = removes && below ? below.sub : null;
          for (const board of cardBoards(at.sub, at.id, removedKey)) footprint.boards.add(board);
        } else if (ROOT_BOARDS[root]) {
          footprint.boards.add(ROOT_BOARDS[root]);
        }
        return;
      }
      const parent = placementOf(at.parent);
      if (!parent) break;
      below = at;
      at = parent;
    }
    footprint.unresolved = true;
  };

  for (const item of items) {
    // Already integrated here: the sender is only repeating what the doc has.
    if (item.id.clock + item.length <= Y.getState(doc.store, item.id.client)) continue;
    record(pendingPlacement(item), false);
  }

  for (const [client, ranges] of ds.clients) {
    for (const range of ranges) {
      for (let clock = range.clock; clock < range.clock + range.len;) {
        const item = inDoc(Y.createID(client, clock));
        if (!item) break;
        // An update carries its sender's whole delete set: what is deleted here already is no change.
        if (!item.deleted) record(placed(item), true);
        clock = item.id.clock + item.length;
      }
    }
  }
  return footprint;
}
