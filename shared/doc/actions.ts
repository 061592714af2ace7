/**
 * Action cards (the action list): the concrete actions that develop a transformative activity.
 * Fields beside the common card fields (title, body = description):
 * Closed fields (actionType, fundingSource, status, an indicator's kind) are '' while not set.
 *   activityId: string, actionType: ActionType, lead: string, partners: string[], regionIds: string[],
 *   start, end: 'YYYY-MM-DD' | '', budget: number | null (EUR), fundingSource: FundingSource,
 *   clusterService: string, indicators: Y.Array<Indicator>, status: ActionStatus
 * Short fields are plain values (last writer wins, as in a spreadsheet cell); lists that people add
 * to concurrently (indicators) are Y.Arrays.
 */
import * as Y from 'yjs';
import { z } from 'zod';
import {
  actionStatusSchema,
  actionTypeSchema,
  enumOrNotSet,
  fundingSourceSchema,
  indicatorKindSchema,
  NOT_SET,
  orNotSet,
  type ActionStatusOrNotSet,
  type ActionTypeOrNotSet,
  type FundingSourceOrNotSet,
} from '../domain/s3';
import {
  CARD_TITLE_MAX,
  getCard,
  insertCard,
  newCardSchema,
  readCard,
  updateCardOfType,
  type CardMap,
  type CardSnapshot,
  readCardOfType,
  readCardsOfType,
} from './cards';
import { stringList, validItems, parsePatch, setFields } from './fieldValues';
import { cardItemList } from './itemLists';
import { stringOr } from './meta';

export const ACTION_BOARD = 'action-list';

/** A real calendar date as YYYY-MM-DD (2027-02-30 is refused), or '' for "not set". */
export function isIsoDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
}

const isoDateOrEmpty = z
  .string()
  .trim()
  .refine((v) => v === '' || isIsoDate(v), 'date must be a real date as YYYY-MM-DD');

export const indicatorSchema = z.object({
  id: z.string().min(1),
  kind: orNotSet(indicatorKindSchema).default(NOT_SET),
  name: z.string().trim().min(1).max(200),
  unit: z.string().trim().max(50).default(''),
  baseline: z.number().finite().nullable().default(null),
  target: z.number().finite().nullable().default(null),
});
export type Indicator = z.infer<typeof indicatorSchema>;

/** Reading: an indicator whose kind is missing or unknown is kept, its kind not set. */
const storedIndicatorSchema = indicatorSchema.extend({
  kind: indicatorSchema.shape.kind.catch(NOT_SET),
});

export const actionFieldsSchema = z.object({
  actionType: orNotSet(actionTypeSchema).default(NOT_SET),
  lead: z.string().trim().max(200).default(''),
  partners: z.array(z.string().trim().min(1).max(200)).max(100).default([]),
  regionIds: z.array(z.string().min(1).max(64)).max(50).default([]),
  start: isoDateOrEmpty.default(''),
  end: isoDateOrEmpty.default(''),
  budget: z.number().finite().min(0).nullable().default(null),
  fundingSource: orNotSet(fundingSourceSchema).default(NOT_SET),
  clusterService: z.string().trim().max(200).default(''),
  status: orNotSet(actionStatusSchema).default(NOT_SET),
});

export const newActionSchema = actionFieldsSchema.extend({
  activityId: z.string().min(1),
  title: z.string().trim().max(CARD_TITLE_MAX).default(''),
  createdBy: z.string().max(100).default(''),
});
export type NewAction = z.input<typeof newActionSchema>;

export interface Action extends CardSnapshot {
  activityId: string;
  actionType: ActionTypeOrNotSet;
  lead: string;
  partners: string[];
  regionIds: string[];
  start: string;
  end: string;
  budget: number | null;
  fundingSource: FundingSourceOrNotSet;
  clusterService: string;
  indicators: Indicator[];
  status: ActionStatusOrNotSet;
}

/** Adds an action to an activity; throws when the dates are reversed or the input invalid. */
export function createAction(doc: Y.Doc, input: NewAction): string {
  const a = newActionSchema.parse(input);
  assertDateOrder(a.start, a.end);
  const { activityId, title, createdBy, ...fields } = a;
  return insertCard(
    doc,
    newCardSchema.parse({
      type: 'action',
      boardId: ACTION_BOARD,
      title,
      color: 'orange',
      createdBy,
    }),
    { ...fields, activityId, indicators: new Y.Array<Indicator>() },
  );
}

export function updateAction(
  doc: Y.Doc,
  id: string,
  patch: Partial<z.input<typeof actionFieldsSchema>>,
): boolean {
  const valid = parsePatch(actionFieldsSchema, patch);
  const current = getAction(doc, id);
  if (!current) return false;
  assertDateOrder(valid.start ?? current.start, valid.end ?? current.end);
  return updateCardOfType(doc, id, 'action', (card) => {
    setFields(card, valid);
  });
}

/**
 * Moves an action to another transformative activity (the table's activity column). False when the
 * action or the target activity does not exist (a deleted activity cannot receive actions).
 */
export function setActionActivity(doc: Y.Doc, id: string, activityId: string): boolean {
  const target = getCard(doc, z.string().min(1).parse(activityId));
  if (!(target instanceof Y.Map) || target.get('type') !== 'activity') return false;
  return updateCardOfType(doc, id, 'action', (card) => card.set('activityId', activityId));
}

const indicatorList = cardItemList('action', 'indicators', indicatorSchema);
export const addIndicator = indicatorList.add;
export const updateIndicator = indicatorList.update;
export const removeIndicator = indicatorList.remove;

export function readAction(card: CardMap): Action {
  const budget = card.get('budget');
  return {
    ...readCard(card),
    activityId: stringOr(card.get('activityId'), ''),
    actionType: enumOrNotSet(actionTypeSchema, card.get('actionType')),
    lead: stringOr(card.get('lead'), ''),
    partners: stringList(card.get('partners')),
    regionIds: stringList(card.get('regionIds')),
    start: stringOr(card.get('start'), ''),
    end: stringOr(card.get('end'), ''),
    budget: typeof budget === 'number' && Number.isFinite(budget) ? budget : null,
    fundingSource: enumOrNotSet(fundingSourceSchema, card.get('fundingSource')),
    clusterService: stringOr(card.get('clusterService'), ''),
    indicators: validItems(card.get('indicators'), storedIndicatorSchema),
    status: enumOrNotSet(actionStatusSchema, card.get('status')),
  };
}

export function getAction(doc: Y.Doc, id: string): Action | undefined {
  return readCardOfType(doc, id, 'action', readAction);
}

/** Actions of one activity (or all), oldest first. */
export function listActions(doc: Y.Doc, activityId?: string): Action[] {
  const all = readCardsOfType(doc, 'action', readAction);
  return activityId === undefined ? all : all.filter((a) => a.activityId === activityId);
}

function assertDateOrder(start: string, end: string): void {
  if (start && end && end < start) throw new Error('end date must not be before start date');
}
