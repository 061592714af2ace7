/**
 * Capacity cards (the capacity map): what a region already has.
 * Fields beside the common card fields:
 *   regionId: string, kind: CapacityKind | '' (not set), field: string (free tag, e.g. "ICT", used by diamond axes),
 *   holders: Y.Array<CapacityHolder>, strength: 0–5 (0 = not judged), evidenceUrl: string
 */
import * as Y from 'yjs';
import { z } from 'zod';
import { randomId } from '../ids';
import {
  capacityKindSchema,
  enumOrNotSet,
  helixSchema,
  NOT_SET,
  orNotSet,
  scoreSchema,
  type CapacityKindOrNotSet,
} from '../domain/s3';
import {
  CARD_TITLE_MAX,
  insertCard,
  newCardSchema,
  readCard,
  updateCardOfType,
  type CardMap,
  type CardSnapshot,
  readCardOfType,
  readCardsOfType,
} from './cards';
import { validItems, parsePatch, setFields } from './fieldValues';
import { cardItemList } from './itemLists';
import { numberOr, stringOr } from './meta';

export const CAPACITY_BOARD = 'capacity-map';

export const holderSchema = z.object({
  id: z.string().min(1),
  name: z.string().trim().min(1).max(200),
  /** '' = not set: a holder named without a helix stays without one. */
  helix: orNotSet(helixSchema).default(NOT_SET),
});
export type CapacityHolder = z.infer<typeof holderSchema>;

/** Reading: a holder whose helix is missing or unknown is kept, its helix not set. */
const storedHolderSchema = holderSchema.extend({ helix: holderSchema.shape.helix.catch(NOT_SET) });

const urlOrEmpty = z
  .string()
  .trim()
  .max(2000)
  .refine((v) => v === '' || /^https?:\/\/\S+$/i.test(v), 'evidence link must be an http(s) URL');

export const capacityFieldsSchema = z.object({
  regionId: z.string().max(64).default(''),
  kind: orNotSet(capacityKindSchema).default(NOT_SET),
  field: z.string().trim().max(120).default(''),
  strength: scoreSchema.default(0),
  evidenceUrl: urlOrEmpty.default(''),
});

export const newCapacitySchema = capacityFieldsSchema.extend({
  title: z.string().trim().max(CARD_TITLE_MAX).default(''),
  holders: z
    .array(holderSchema.omit({ id: true }))
    .max(100)
    .default([]),
  createdBy: z.string().max(100).default(''),
});
export type NewCapacity = z.input<typeof newCapacitySchema>;

export interface Capacity extends CardSnapshot {
  regionId: string;
  kind: CapacityKindOrNotSet;
  field: string;
  holders: CapacityHolder[];
  strength: number;
  evidenceUrl: string;
}

export function createCapacity(doc: Y.Doc, input: NewCapacity): string {
  const c = newCapacitySchema.parse(input);
  const holders = new Y.Array<CapacityHolder>();
  holders.push(c.holders.map((h) => ({ ...h, id: randomId() })));
  return insertCard(
    doc,
    newCardSchema.parse({
      type: 'capacity',
      boardId: CAPACITY_BOARD,
      title: c.title,
      createdBy: c.createdBy,
    }),
    {
      regionId: c.regionId,
      kind: c.kind,
      field: c.field,
      strength: c.strength,
      evidenceUrl: c.evidenceUrl,
      holders,
    },
  );
}

/** Changes some of a capacity's own fields (validated; throws on invalid values). */
export function updateCapacity(
  doc: Y.Doc,
  id: string,
  patch: Partial<z.input<typeof capacityFieldsSchema>>,
): boolean {
  const valid = parsePatch(capacityFieldsSchema, patch);
  return updateCardOfType(doc, id, 'capacity', (card) => {
    setFields(card, valid);
  });
}

const holderList = cardItemList('capacity', 'holders', holderSchema);
export const addHolder = holderList.add;
export const updateHolder = holderList.update;
export const removeHolder = holderList.remove;

/**
 * Where a capacity sits on the map: its region ('' = none; the id may name a region since removed)
 * and its kind. Cheap enough to read for every card of a large map at each change.
 */
export function readCapacityPlacement(card: CardMap): Pick<Capacity, 'regionId' | 'kind'> {
  return {
    regionId: stringOr(card.get('regionId'), ''),
    kind: enumOrNotSet(capacityKindSchema, card.get('kind')),
  };
}

/** A capacity's holders: the valid ones, each helix read as not set when unknown. */
export function readCapacityHolders(card: CardMap): CapacityHolder[] {
  return validItems(card.get('holders'), storedHolderSchema);
}

export function readCapacity(card: CardMap): Capacity {
  return {
    ...readCard(card),
    ...readCapacityPlacement(card),
    field: stringOr(card.get('field'), ''),
    holders: readCapacityHolders(card),
    strength: Math.max(0, Math.min(5, Math.round(numberOr(card.get('strength'), 0)))),
    evidenceUrl: stringOr(card.get('evidenceUrl'), ''),
  };
}

export function getCapacity(doc: Y.Doc, id: string): Capacity | undefined {
  return readCardOfType(doc, id, 'capacity', readCapacity);
}

export function listCapacities(doc: Y.Doc): Capacity[] {
  return readCardsOfType(doc, 'capacity', readCapacity);
}
