/**
 * Transformative-activity cards (the activity canvas): a combination of capacities and opportunities.
 * Fields beside the common card fields (title = the activity's name, body = its description):
 *   field: string
 *   capacityIds, opportunityIds: Y.Map<id, true>   sets: concurrent links of the same id merge
 *   actors: Y.Array<Actor>
 *   structuralChange: Y.Text, criticalMassRationale: Y.Text
 *   criticalMass: 0–5 (0 = not judged)
 *   crossRegionalNeeds: Y.Array<CrossRegionalNeed>   which region brings what
 *   status: ActivityStatus
 *   provenance: CardProvenance | null            set when copied from another workshop (cards.ts)
 *
 * Links point one way in the doc (activity → capacity/opportunity); the other direction is derived
 * (`activitiesLinking`). A linked card that was deleted reads as `{ removed: true, title }` from its
 * tombstone, so nothing dangles and nothing crashes.
 */
import * as Y from 'yjs';
import { z } from 'zod';
import {
  activityStatusSchema,
  helixSchema,
  NOT_SET,
  orNotSet,
  scoreSchema,
  type ActivityStatus,
} from '../domain/s3';
import {
  CARD_TITLE_MAX,
  getCard,
  insertCard,
  newCardSchema,
  readCard,
  readRemovedCard,
  updateCardOfType,
  cardProvenanceSchema,
  type CardMap,
  type CardProvenance,
  type CardSnapshot,
  readCardOfType,
  readCardsOfType,
} from './cards';
import { enumOr, idSet, textOf, validItems, parsePatch, setFields } from './fieldValues';
import { cardItemList } from './itemLists';
import { numberOr, stringOr } from './meta';
import { applyTextChange } from './text';

export const ACTIVITY_BOARD = 'activity-canvas';

export const actorSchema = z.object({
  id: z.string().min(1),
  name: z.string().trim().min(1).max(200),
  /** '' = not set. */
  helix: orNotSet(helixSchema).default(NOT_SET),
  regionId: z.string().max(64).default(''),
});
export type Actor = z.infer<typeof actorSchema>;

/** Reading: an actor whose helix is missing or unknown is kept, its helix not set. */
const storedActorSchema = actorSchema.extend({ helix: actorSchema.shape.helix.catch(NOT_SET) });

export const crossRegionalNeedSchema = z.object({
  id: z.string().min(1),
  regionId: z.string().min(1).max(64),
  contribution: z.string().trim().max(1000).default(''),
});
export type CrossRegionalNeed = z.infer<typeof crossRegionalNeedSchema>;

export const activityFieldsSchema = z.object({
  field: z.string().trim().max(200).default(''),
  criticalMass: scoreSchema.default(0),
  status: activityStatusSchema.default('candidate'),
});

export const newActivitySchema = activityFieldsSchema.extend({
  title: z.string().trim().max(CARD_TITLE_MAX).default(''),
  capacityIds: z.array(z.string().min(1)).max(500).default([]),
  opportunityIds: z.array(z.string().min(1)).max(500).default([]),
  createdBy: z.string().max(100).default(''),
  provenance: cardProvenanceSchema.nullable().default(null),
});
export type NewActivity = z.input<typeof newActivitySchema>;

/** One end of a link as shown to people: a live card, or what is left of a removed one. */
export interface LinkedCard {
  id: string;
  title: string;
  removed: boolean;
}

export interface Activity extends CardSnapshot {
  field: string;
  capacityIds: string[];
  opportunityIds: string[];
  actors: Actor[];
  structuralChange: string;
  criticalMass: number;
  criticalMassRationale: string;
  crossRegionalNeeds: CrossRegionalNeed[];
  status: ActivityStatus;
  provenance: CardProvenance | null;
}

export function createActivity(doc: Y.Doc, input: NewActivity): string {
  const a = newActivitySchema.parse(input);
  return insertCard(
    doc,
    newCardSchema.parse({
      type: 'activity',
      boardId: ACTIVITY_BOARD,
      title: a.title,
      color: 'green',
      createdBy: a.createdBy,
    }),
    {
      field: a.field,
      criticalMass: a.criticalMass,
      status: a.status,
      capacityIds: idMap(a.capacityIds),
      opportunityIds: idMap(a.opportunityIds),
      actors: new Y.Array<Actor>(),
      structuralChange: new Y.Text(),
      criticalMassRationale: new Y.Text(),
      crossRegionalNeeds: new Y.Array<CrossRegionalNeed>(),
      provenance: a.provenance,
    },
  );
}

export function updateActivity(
  doc: Y.Doc,
  id: string,
  patch: Partial<z.input<typeof activityFieldsSchema>>,
): boolean {
  const valid = parsePatch(activityFieldsSchema, patch);
  return updateCardOfType(doc, id, 'activity', (card) => {
    setFields(card, valid);
  });
}

export function setActivityStatus(doc: Y.Doc, id: string, status: ActivityStatus): boolean {
  return updateActivity(doc, id, { status });
}

export function setActivityText(
  doc: Y.Doc,
  id: string,
  key: 'structuralChange' | 'criticalMassRationale',
  value: string,
): boolean {
  return updateCardOfType(doc, id, 'activity', (card) => {
    const text = card.get(key);
    if (text instanceof Y.Text) applyTextChange(text, value.slice(0, 5000));
  });
}

export type LinkKind = 'capacity' | 'opportunity';

/** Links a capacity or opportunity to an activity; false when either is missing or of another type. */
export function linkToActivity(
  doc: Y.Doc,
  activityId: string,
  kind: LinkKind,
  cardId: string,
): boolean {
  const target = getCard(doc, cardId);
  if (!(target instanceof Y.Map) || target.get('type') !== kind) return false;
  return updateCardOfType(doc, activityId, 'activity', (card) => {
    const set = card.get(linkKey(kind));
    if (set instanceof Y.Map) set.set(cardId, true);
  });
}

export function unlinkFromActivity(
  doc: Y.Doc,
  activityId: string,
  kind: LinkKind,
  cardId: string,
): boolean {
  return updateCardOfType(doc, activityId, 'activity', (card) => {
    const set = card.get(linkKey(kind));
    if (set instanceof Y.Map) set.delete(cardId);
  });
}

const actorList = cardItemList('activity', 'actors', actorSchema);
export const addActor = actorList.add;
export const updateActor = actorList.update;
export const removeActor = actorList.remove;

const needList = cardItemList('activity', 'crossRegionalNeeds', crossRegionalNeedSchema);
export const addCrossRegionalNeed = needList.add;
export const updateCrossRegionalNeed = needList.update;
export const removeCrossRegionalNeed = needList.remove;

/** The ids an activity links, of capacities or of opportunities (sorted). */
export function readLinkedIds(card: CardMap, kind: LinkKind): string[] {
  return idSet(card.get(linkKey(kind)));
}

export function readActivity(card: CardMap): Activity {
  const provenance = cardProvenanceSchema.safeParse(card.get('provenance'));
  return {
    ...readCard(card),
    field: stringOr(card.get('field'), ''),
    capacityIds: readLinkedIds(card, 'capacity'),
    opportunityIds: readLinkedIds(card, 'opportunity'),
    actors: validItems(card.get('actors'), storedActorSchema),
    structuralChange: textOf(card.get('structuralChange')),
    criticalMass: Math.max(0, Math.min(5, Math.round(numberOr(card.get('criticalMass'), 0)))),
    criticalMassRationale: textOf(card.get('criticalMassRationale')),
    crossRegionalNeeds: validItems(card.get('crossRegionalNeeds'), crossRegionalNeedSchema),
    status: enumOr(activityStatusSchema, card.get('status'), 'candidate'),
    provenance: provenance.success ? provenance.data : null,
  };
}

export function getActivity(doc: Y.Doc, id: string): Activity | undefined {
  return readCardOfType(doc, id, 'activity', readActivity);
}

export function listActivities(doc: Y.Doc): Activity[] {
  return readCardsOfType(doc, 'activity', readActivity);
}

/** Resolves linked ids for display: live title, or the tombstone's title marked removed. */
export function resolveLinks(doc: Y.Doc, ids: string[]): LinkedCard[] {
  return ids.map((id) => {
    const card = getCard(doc, id);
    if (card) return { id, title: readCard(card).title, removed: false };
    return { id, title: readRemovedCard(doc, id)?.title ?? '', removed: true };
  });
}

/** The other direction of the links: the activities that combine a given capacity or opportunity. */
export function activitiesLinking(doc: Y.Doc, cardId: string): Activity[] {
  return listActivities(doc).filter(
    (a) => a.capacityIds.includes(cardId) || a.opportunityIds.includes(cardId),
  );
}

/**
 * The capacity × opportunity matrix: for each (capacityId, opportunityId) pair, the activities that
 * combine both. Key: `${capacityId} ${opportunityId}`.
 */
export function activityMatrix(activities: Activity[]): Map<string, Activity[]> {
  const cells = new Map<string, Activity[]>();
  for (const activity of activities) {
    for (const c of activity.capacityIds) {
      for (const o of activity.opportunityIds) {
        const key = `${c} ${o}`;
        const cell = cells.get(key);
        if (cell) cell.push(activity);
        else cells.set(key, [activity]);
      }
    }
  }
  return cells;
}

function linkKey(kind: LinkKind): 'capacityIds' | 'opportunityIds' {
  return kind === 'capacity' ? 'capacityIds' : 'opportunityIds';
}

function idMap(ids: string[]): Y.Map<true> {
  const map = new Y.Map<true>();
  for (const id of ids) map.set(id, true);
  return map;
}
