/**
 * Opportunity cards (the opportunity board): new technologies, societal challenges, markets.
 * Fields beside the common card fields (x, y give the free placement):
 *   kind: OpportunityKind, horizon: TimeHorizon, sourceUrl: string, groupId: string ('' = ungrouped)
 * Named groups:
 *   doc.getMap('opportunityGroups')   Y.Map<groupId, OpportunityGroup> (plain objects)
 *   A group may carry a frame { x, y, width, height }: the named area it occupies on the board
 *   (board coordinates). Groups without one (e.g. made by the spreadsheet import) are drawn around
 *   their members until someone moves or resizes them.
 */
import type * as Y from 'yjs';
import { z } from 'zod';
import { randomId } from '../ids';
import {
  opportunityKindSchema,
  timeHorizonSchema,
  type OpportunityKind,
  type TimeHorizon,
} from '../domain/s3';
import {
  CARD_TITLE_MAX,
  clampCoord,
  insertCard,
  moveCard,
  newCardSchema,
  readCard,
  updateCardOfType,
  type CardMap,
  type CardSnapshot,
  readCardOfType,
  readCardsOfType,
} from './cards';
import { enumOr, parsePatch, setFields } from './fieldValues';
import { stringOr } from './meta';

export const OPPORTUNITY_BOARD = 'opportunity-board';

const urlOrEmpty = z
  .string()
  .trim()
  .max(2000)
  .refine((v) => v === '' || /^https?:\/\/\S+$/i.test(v), 'source link must be an http(s) URL');

export const opportunityFieldsSchema = z.object({
  kind: opportunityKindSchema.default('technology-trend'),
  horizon: timeHorizonSchema.default('medium'),
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
  kind: OpportunityKind;
  horizon: TimeHorizon;
  sourceUrl: string;
  groupId: string;
}

/** Smallest and largest frame a group can have on the board (board px). */
export const GROUP_FRAME_MIN = { width: 260, height: 180 } as const;
export const GROUP_FRAME_MAX = 50_000;
/** Space between a merged group's cards and the target's, and the frame's inner padding. */
export const GROUP_FRAME_GAP = 40;

export const groupFrameSchema = z.object({
  x: z.number().finite(),
  y: z.number().finite(),
  width: z.number().finite().min(GROUP_FRAME_MIN.width).max(GROUP_FRAME_MAX),
  height: z.number().finite().min(GROUP_FRAME_MIN.height).max(GROUP_FRAME_MAX),
});
export type GroupFrame = z.infer<typeof groupFrameSchema>;

export const opportunityGroupSchema = z.object({
  id: z.string().min(1),
  name: z.string().trim().min(1).max(200),
  createdAt: z.number(),
  frame: groupFrameSchema.optional(),
});
export type OpportunityGroup = z.infer<typeof opportunityGroupSchema>;

export function opportunityGroupsMap(doc: Y.Doc): Y.Map<OpportunityGroup> {
  return doc.getMap('opportunityGroups');
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
    kind: enumOr(opportunityKindSchema, card.get('kind'), 'other'),
    horizon: enumOr(timeHorizonSchema, card.get('horizon'), 'medium'),
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

/** Groups, oldest first; a group id an opportunity still names but that is gone counts as none. */
export function listOpportunityGroups(doc: Y.Doc): OpportunityGroup[] {
  const out: OpportunityGroup[] = [];
  opportunityGroupsMap(doc).forEach((g) => {
    const parsed = opportunityGroupSchema.safeParse(g);
    if (parsed.success) out.push(parsed.data);
  });
  return out.sort((a, b) => a.createdAt - b.createdAt || a.id.localeCompare(b.id));
}

export function createOpportunityGroup(
  doc: Y.Doc,
  name: string,
  memberIds: string[] = [],
  frame?: GroupFrame,
): string {
  const group = opportunityGroupSchema.parse({
    id: randomId(),
    name,
    createdAt: Date.now(),
    ...(frame ? { frame: clampFrame(frame) } : {}),
  });
  doc.transact(() => {
    opportunityGroupsMap(doc).set(group.id, group);
    for (const id of memberIds) setOpportunityGroup(doc, id, group.id);
  });
  return group.id;
}

export function renameOpportunityGroup(doc: Y.Doc, groupId: string, name: string): boolean {
  const groups = opportunityGroupsMap(doc);
  const group = groups.get(groupId);
  if (!group) return false;
  groups.set(groupId, opportunityGroupSchema.parse({ ...group, name }));
  return true;
}

/** Puts an opportunity into a group ('' takes it out of any group). */
export function setOpportunityGroup(doc: Y.Doc, opportunityId: string, groupId: string): boolean {
  if (groupId !== '' && !opportunityGroupsMap(doc).has(groupId)) return false;
  return updateCardOfType(doc, opportunityId, 'opportunity', (card) =>
    card.set('groupId', groupId),
  );
}

/**
 * Moves every opportunity of `sourceId` into `targetId` and deletes `sourceId`. When both groups
 * have frames, the source's cards keep their layout and move just below the target's frame, which
 * grows to hold them, so the merged group is one area on the board.
 */
export function mergeOpportunityGroups(doc: Y.Doc, targetId: string, sourceId: string): boolean {
  const groups = opportunityGroupsMap(doc);
  const target = readGroup(groups.get(targetId));
  const source = readGroup(groups.get(sourceId));
  if (targetId === sourceId || !target || !source) return false;
  doc.transact(() => {
    const dx = target.frame && source.frame ? target.frame.x - source.frame.x : 0;
    const dy =
      target.frame && source.frame
        ? target.frame.y + target.frame.height - source.frame.y - GROUP_FRAME_GAP / 2
        : 0;
    for (const o of listOpportunities(doc)) {
      if (o.groupId !== sourceId) continue;
      setOpportunityGroup(doc, o.id, targetId);
      if (dx !== 0 || dy !== 0) moveCard(doc, o.id, o.x + dx, o.y + dy);
    }
    if (target.frame && source.frame) {
      groups.set(
        targetId,
        opportunityGroupSchema.parse({
          ...target,
          frame: clampFrame({
            ...target.frame,
            width: Math.max(target.frame.width, source.frame.width),
            height: target.frame.height + source.frame.height - GROUP_FRAME_GAP / 2,
          }),
        }),
      );
    }
    groups.delete(sourceId);
  });
  return true;
}

/** Sets (or replaces) the frame of a group: where it sits on the board and how large it is. */
export function setOpportunityGroupFrame(doc: Y.Doc, groupId: string, frame: GroupFrame): boolean {
  const groups = opportunityGroupsMap(doc);
  const group = readGroup(groups.get(groupId));
  if (!group) return false;
  groups.set(groupId, opportunityGroupSchema.parse({ ...group, frame: clampFrame(frame) }));
  return true;
}

/**
 * Moves a group's frame to (x, y) and its member cards with it, in one transaction. `frame` is the
 * frame as the person saw it (a group without a stored frame is drawn around its members).
 */
export function moveOpportunityGroup(
  doc: Y.Doc,
  groupId: string,
  frame: GroupFrame,
  x: number,
  y: number,
): boolean {
  const groups = opportunityGroupsMap(doc);
  const group = readGroup(groups.get(groupId));
  if (!group) return false;
  const dx = clampCoord(x) - frame.x;
  const dy = clampCoord(y) - frame.y;
  doc.transact(() => {
    groups.set(
      groupId,
      opportunityGroupSchema.parse({ ...group, frame: clampFrame({ ...frame, x, y }) }),
    );
    if (dx === 0 && dy === 0) return;
    for (const o of listOpportunities(doc)) {
      if (o.groupId === groupId) moveCard(doc, o.id, o.x + dx, o.y + dy);
    }
  });
  return true;
}

function readGroup(value: unknown): OpportunityGroup | undefined {
  const parsed = opportunityGroupSchema.safeParse(value);
  return parsed.success ? parsed.data : undefined;
}

function clampFrame(frame: GroupFrame): GroupFrame {
  const size = (v: number, min: number) =>
    Number.isFinite(v) ? Math.max(min, Math.min(GROUP_FRAME_MAX, v)) : min;
  return {
    x: clampCoord(frame.x),
    y: clampCoord(frame.y),
    width: size(frame.width, GROUP_FRAME_MIN.width),
    height: size(frame.height, GROUP_FRAME_MIN.height),
  };
}

/** Deletes a group; its opportunities stay on the board, ungrouped. */
export function deleteOpportunityGroup(doc: Y.Doc, groupId: string): boolean {
  const groups = opportunityGroupsMap(doc);
  if (!groups.has(groupId)) return false;
  doc.transact(() => {
    for (const o of listOpportunities(doc)) {
      if (o.groupId === groupId) setOpportunityGroup(doc, o.id, '');
    }
    groups.delete(groupId);
  });
  return true;
}
