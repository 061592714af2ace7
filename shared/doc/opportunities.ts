/**
 * Opportunity cards (the opportunity board): new technologies, societal challenges, markets.
 * Fields beside the common card fields (x, y give the free placement):
 *   kind: OpportunityKind | '', horizon: TimeHorizon | '' ('' = not set), sourceUrl: string, groupId: string ('' = ungrouped)
 * Their named groups are opportunityGroups.ts, where groups and cards go on the board
 * opportunityLayout.ts.
 */
import type * as Y from 'yjs';
import { z } from 'zod';
import {
  enumOrNotSet,
  NOT_SET,
  opportunityKindSchema,
  orNotSet,
  timeHorizonSchema,
  type OpportunityKindOrNotSet,
  type TimeHorizonOrNotSet,
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
import { parsePatch, setFields } from './fieldValues';
import { stringOr } from './meta';

export const OPPORTUNITY_BOARD = 'opportunity-board';

const urlOrEmpty = z
  .string()
  .trim()
  .max(2000)
  .refine((v) => v === '' || /^https?:\/\/\S+$/i.test(v), 'source link must be an http(s) URL');

export const opportunityFieldsSchema = z.object({
  kind: orNotSet(opportunityKindSchema).default(NOT_SET),
  horizon: orNotSet(timeHorizonSchema).default(NOT_SET),
  sourceUrl: urlOrEmpty.default(''),
  groupId: z.string().max(64).default(''),
});

export const newOpportunitySchema = opportunityFieldsSchema.extend({
  title: z.string().trim().max(CARD_TITLE_MAX).default(''),
  x: z.number().finite().default(0),
  y: z.number().finite().default(0),
  createdBy: z.string().max(100).default(''),
});
export type NewOpportunity = z.input<typeof newOpportunitySchema>;

export interface Opportunity extends CardSnapshot {
  kind: OpportunityKindOrNotSet;
  horizon: TimeHorizonOrNotSet;
  sourceUrl: string;
  groupId: string;
}

export function createOpportunity(doc: Y.Doc, input: NewOpportunity): string {
  const o = newOpportunitySchema.parse(input);
  return insertCard(
    doc,
    newCardSchema.parse({
      type: 'opportunity',
      boardId: OPPORTUNITY_BOARD,
      title: o.title,
      x: o.x,
      y: o.y,
      color: 'blue',
      createdBy: o.createdBy,
    }),
    { kind: o.kind, horizon: o.horizon, sourceUrl: o.sourceUrl, groupId: o.groupId },
  );
}

export function updateOpportunity(
  doc: Y.Doc,
  id: string,
  patch: Partial<z.input<typeof opportunityFieldsSchema>>,
): boolean {
  const valid = parsePatch(opportunityFieldsSchema, patch);
  return updateCardOfType(doc, id, 'opportunity', (card) => {
    setFields(card, valid);
  });
}

export function readOpportunity(card: CardMap): Opportunity {
  return {
    ...readCard(card),
    kind: enumOrNotSet(opportunityKindSchema, card.get('kind')),
    horizon: enumOrNotSet(timeHorizonSchema, card.get('horizon')),
    sourceUrl: stringOr(card.get('sourceUrl'), ''),
    groupId: stringOr(card.get('groupId'), ''),
  };
}

export function getOpportunity(doc: Y.Doc, id: string): Opportunity | undefined {
  return readCardOfType(doc, id, 'opportunity', readOpportunity);
}

export function listOpportunities(doc: Y.Doc): Opportunity[] {
  return readCardsOfType(doc, 'opportunity', readOpportunity);
}
