import * as Y from 'yjs';
import { z } from 'zod';
import { randomId } from '../ids';
import { numberOr, stringOr } from './meta';
import { applyTextChange } from './text';

export const CARD_TYPES = ['note', 'capacity', 'opportunity', 'activity', 'action'] as const;
export const cardTypeSchema = z.enum(CARD_TYPES);
export type CardType = z.infer<typeof cardTypeSchema>;

export const CARD_COLORS = ['yellow', 'blue', 'green', 'pink', 'purple', 'orange', 'gray'] as const;
export const cardColorSchema = z.enum(CARD_COLORS);
export type CardColor = z.infer<typeof cardColorSchema>;

/** The board every workshop has; the S3 templates add theirs. */
export const DEFAULT_BOARD_ID = 'board';
export const CARD_TITLE_MAX = 500;
/** Board coordinates are clamped to ±COORD_LIMIT so a bad value cannot push a card out of reach. */
export const COORD_LIMIT = 1_000_000;
export const CARD_WIDTH = 220;

/** Where a card was copied from (an ADW's activity from its EDW, a cEDW's from the regions' EDWs). */
export const cardProvenanceSchema = z.object({
  workshopId: z.string().min(1),
  cardId: z.string().min(1),
  recordVersion: z.number().int().min(0).optional(),
});
export type CardProvenance = z.infer<typeof cardProvenanceSchema>;

/** A card as plain values, for rendering and for the record; the body stays a Y.XmlFragment. */
export interface CardSnapshot {
  id: string;
  type: CardType;
  boardId: string;
  title: string;
  x: number;
  y: number;
  z: number;
  color: CardColor;
  createdBy: string;
  createdAt: number;
  updatedAt: number;
}

export const newCardSchema = z.object({
  type: cardTypeSchema.default('note'),
  boardId: z.string().min(1).max(100).default(DEFAULT_BOARD_ID),
  title: z.string().max(CARD_TITLE_MAX).default(''),
  x: z.number().finite().default(0),
  y: z.number().finite().default(0),
  color: cardColorSchema.default('yellow'),
  createdBy: z.string().max(100).default(''),
});
export type NewCard = z.input<typeof newCardSchema>;

export type CardMap = Y.Map<unknown>;

export function cardsMap(doc: Y.Doc): Y.Map<CardMap> {
  return doc.getMap('cards');
}

/** The card with this id; undefined when there is none, or a peer put something else there. */
export function getCard(doc: Y.Doc, id: string): CardMap | undefined {
  const card: unknown = cardsMap(doc).get(id);
  return card instanceof Y.Map ? card : undefined;
}

export function clampCoord(value: number): number {
  if (!Number.isFinite(value)) return 0;
  return Math.max(-COORD_LIMIT, Math.min(COORD_LIMIT, value));
}

/** Adds a card in one transaction, in front of every other card; returns its id. */
export function createCard(doc: Y.Doc, input: NewCard): string {
  return insertCard(doc, newCardSchema.parse(input));
}

/**
 * The one insert path for every card type: the common fields, then the type's own (`fields`, set
 * in the same transaction so no client ever sees a half-made card).
 */
export function insertCard(
  doc: Y.Doc,
  card: z.output<typeof newCardSchema>,
  fields: Record<string, unknown> = {},
): string {
  const id = randomId();
  doc.transact(() => {
    const map = new Y.Map<unknown>();
    const now = Date.now();
    map.set('id', id);
    map.set('type', card.type);
    map.set('boardId', card.boardId);
    map.set('title', new Y.Text(card.title));
    map.set('body', new Y.XmlFragment());
    map.set('x', clampCoord(card.x));
    map.set('y', clampCoord(card.y));
    map.set('z', nextZ(doc));
    map.set('color', card.color);
    map.set('createdBy', card.createdBy);
    map.set('createdAt', now);
    map.set('updatedAt', now);
    for (const [key, value] of Object.entries(fields)) map.set(key, value);
    cardsMap(doc).set(id, map);
  });
  return id;
}

/** Returns false when the card no longer exists (deleted by someone else meanwhile). */
export function moveCard(doc: Y.Doc, id: string, x: number, y: number): boolean {
  return updateCard(doc, id, (card) => {
    card.set('x', clampCoord(x));
    card.set('y', clampCoord(y));
  });
}

export function setCardColor(doc: Y.Doc, id: string, color: CardColor): boolean {
  const parsed = cardColorSchema.safeParse(color);
  if (!parsed.success) return false;
  return updateCard(doc, id, (card) => card.set('color', parsed.data));
}

export function setCardTitle(doc: Y.Doc, id: string, title: string): boolean {
  return updateCard(doc, id, (card) => {
    const text = card.get('title');
    if (text instanceof Y.Text) applyTextChange(text, title.slice(0, CARD_TITLE_MAX));
  });
}

/** Puts the card in front of all others (no-op when it already is). */
export function bringCardToFront(doc: Y.Doc, id: string): boolean {
  const card = getCard(doc, id);
  if (!card) return false;
  const z = numberOr(card.get('z'), 0);
  const top = topZ(doc);
  if (z >= top && countAtZ(doc, top) === 1) return true;
  return updateCard(doc, id, (c) => c.set('z', top + 1));
}

/**
 * Deletes a card. A tombstone (title, type, when) stays in `removedCards`, so a transformative
 * activity that linked it can show "source removed: <title>" instead of a dangling id.
 */
export function deleteCard(doc: Y.Doc, id: string, deletedBy = ''): boolean {
  const cards = cardsMap(doc);
  const card = getCard(doc, id);
  if (!card) return false;
  doc.transact(() => {
    removedCardsMap(doc).set(id, {
      id,
      type: stringOr(card.get('type'), 'note'),
      title: cardTitle(card)?.toString() ?? '',
      deletedAt: Date.now(),
      deletedBy,
    });
    cards.delete(id);
  });
  return true;
}

export interface RemovedCard {
  id: string;
  type: string;
  title: string;
  deletedAt: number;
  deletedBy: string;
}

export function removedCardsMap(doc: Y.Doc): Y.Map<RemovedCard> {
  return doc.getMap('removedCards');
}

/** What a card's tombstone says (title and type, '' when not a string); undefined without one. */
export function readRemovedCard(
  doc: Y.Doc,
  id: string,
): Pick<RemovedCard, 'type' | 'title'> | undefined {
  const tombstone: unknown = removedCardsMap(doc).get(id);
  if (typeof tombstone !== 'object' || tombstone === null || tombstone instanceof Y.AbstractType) {
    return undefined;
  }
  const { type, title } = tombstone as Record<string, unknown>;
  return { type: stringOr(type, ''), title: stringOr(title, '') };
}

/** Marks a card as changed now (type-specific setters call it inside their transaction). */
export function touchCard(card: CardMap): void {
  card.set('updatedAt', Date.now());
}

/** Runs `change` on a card of the given type in one transaction; false when it is gone or another type. */
export function updateCardOfType(
  doc: Y.Doc,
  id: string,
  type: CardType | undefined,
  change: (card: CardMap) => void,
): boolean {
  const card = getCard(doc, id);
  if (!(card instanceof Y.Map)) return false;
  if (type && card.get('type') !== type) return false;
  doc.transact(() => {
    change(card);
    touchCard(card);
  });
  return true;
}

export function cardTitle(card: CardMap): Y.Text | undefined {
  const text = card.get('title');
  return text instanceof Y.Text ? text : undefined;
}

export function cardBody(card: CardMap): Y.XmlFragment | undefined {
  const body = card.get('body');
  return body instanceof Y.XmlFragment ? body : undefined;
}

const CARD_COLOR_SET: ReadonlySet<unknown> = new Set(CARD_COLORS);

/**
 * A card's colour, yellow when unset or unknown. A set lookup, not a schema parse: boards read it
 * for every card on every change inside the cards.
 */
export function cardColor(card: CardMap): CardColor {
  const color = card.get('color');
  return CARD_COLOR_SET.has(color) ? (color as CardColor) : 'yellow';
}

export function readCard(card: CardMap): CardSnapshot {
  const type = cardTypeSchema.safeParse(card.get('type'));
  return {
    id: stringOr(card.get('id'), ''),
    type: type.success ? type.data : 'note',
    boardId: stringOr(card.get('boardId'), DEFAULT_BOARD_ID),
    title: cardTitle(card)?.toString() ?? '',
    x: numberOr(card.get('x'), 0),
    y: numberOr(card.get('y'), 0),
    z: numberOr(card.get('z'), 0),
    color: cardColor(card),
    createdBy: stringOr(card.get('createdBy'), ''),
    createdAt: numberOr(card.get('createdAt'), 0),
    updatedAt: numberOr(card.get('updatedAt'), 0),
  };
}

/** The cards of one board (or all), back to front. */
export function listCards(doc: Y.Doc, boardId?: string): CardSnapshot[] {
  const out: CardSnapshot[] = [];
  cardsMap(doc).forEach((card, id) => {
    if (!(card instanceof Y.Map)) return;
    const snapshot = { ...readCard(card), id };
    if (boardId === undefined || snapshot.boardId === boardId) out.push(snapshot);
  });
  return out.sort((a, b) => a.z - b.z || a.id.localeCompare(b.id));
}

function updateCard(doc: Y.Doc, id: string, change: (card: CardMap) => void): boolean {
  return updateCardOfType(doc, id, undefined, change);
}

/**
 * The z of a new front-most card. Within one transaction nothing remote can interleave, so the top
 * is found once per transaction and then counted up: importing 2,000 cards stays linear.
 */
const topZInTransaction = new WeakMap<Y.Transaction, number>();
function nextZ(doc: Y.Doc): number {
  const transaction = doc._transaction;
  const cached = transaction ? topZInTransaction.get(transaction) : undefined;
  const z = (cached ?? topZ(doc)) + 1;
  if (transaction) topZInTransaction.set(transaction, z);
  return z;
}

function topZ(doc: Y.Doc): number {
  let top = 0;
  cardsMap(doc).forEach((card) => {
    if (card instanceof Y.Map) top = Math.max(top, numberOr(card.get('z'), 0));
  });
  return top;
}

function countAtZ(doc: Y.Doc, z: number): number {
  let n = 0;
  cardsMap(doc).forEach((card) => {
    if (card instanceof Y.Map && numberOr(card.get('z'), 0) === z) n++;
  });
  return n;
}

/** Creation order: time, then stacking order (which grows with every card made), then id. */
export function byCreation(
  a: Pick<CardSnapshot, 'createdAt' | 'z' | 'id'>,
  b: Pick<CardSnapshot, 'createdAt' | 'z' | 'id'>,
): number {
  return a.createdAt - b.createdAt || a.z - b.z || a.id.localeCompare(b.id);
}

/** A card's usual height on the free boards, for placement (cards grow with their text). */
export const CARD_HEIGHT_ESTIMATE = 140;

/**
 * The spot nearest to (x, y) where a new card overlaps no existing card, searched on a grid of
 * card-sized steps around it, so cards added from a toolbar by several people never stack.
 * Falls back to (x, y) when the neighbourhood is full.
 */
export function freeSpotNear(
  cards: readonly { x: number; y: number }[],
  x: number,
  y: number,
  width = CARD_WIDTH,
  height = CARD_HEIGHT_ESTIMATE,
  gap = 16,
): { x: number; y: number } {
  const overlaps = (px: number, py: number) =>
    cards.some(
      (c) => Math.abs(c.x - px) < width + gap / 2 && Math.abs(c.y - py) < height + gap / 2,
    );
  const stepX = width + gap;
  const stepY = height + gap;
  const candidates: { x: number; y: number; d: number }[] = [];
  for (let i = -5; i <= 5; i++) {
    for (let j = -5; j <= 5; j++) {
      candidates.push({ x: x + i * stepX, y: y + j * stepY, d: Math.hypot(i * stepX, j * stepY) });
    }
  }
  candidates.sort((a, b) => a.d - b.d);
  const free = candidates.find((c) => !overlaps(c.x, c.y));
  return free ? { x: free.x, y: free.y } : { x, y };
}

/** One card of a given type, read with that type's reader (undefined when gone or another type). */
export function readCardOfType<T extends CardSnapshot>(
  doc: Y.Doc,
  id: string,
  type: CardType,
  read: (card: CardMap) => T,
): T | undefined {
  const card = getCard(doc, id);
  return card?.get('type') === type ? { ...read(card), id } : undefined;
}

/**
 * Every card of a given type, read with that type's reader, in creation order. A card's id is its
 * key in `cards` (what links and getCard use), whatever its own `id` field says.
 */
export function readCardsOfType<T extends CardSnapshot>(
  doc: Y.Doc,
  type: CardType,
  read: (card: CardMap) => T,
): T[] {
  const out: T[] = [];
  cardsMap(doc).forEach((card, id) => {
    if (card instanceof Y.Map && card.get('type') === type) out.push({ ...read(card), id });
  });
  return out.sort(byCreation);
}
