/**
 * Named groups of opportunities, and their frames on the board:
 *   doc.getMap('opportunityGroups')   Y.Map<groupId, OpportunityGroup> (plain objects)
 *   A group may carry a frame { x, y, width, height }: the named area it occupies on the board
 *   (board coordinates). Groups without one (e.g. made by the spreadsheet import) are drawn around
 *   their members until someone moves or resizes them.
 * Separate from the opportunity cards because a group is its own root of the doc with its own
 * operations; a card only names its group (`groupId`).
 */
import type * as Y from 'yjs';
import { z } from 'zod';
import { randomId } from '../ids';
import { clampCoord, moveCard, updateCardOfType } from './cards';
import { listOpportunities } from './opportunities';

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
  id: z.string().min(1).max(64),
  name: z.string().trim().min(1).max(200),
  createdAt: z.number(),
  frame: groupFrameSchema.optional(),
});
export type OpportunityGroup = z.infer<typeof opportunityGroupSchema>;

export function opportunityGroupsMap(doc: Y.Doc): Y.Map<OpportunityGroup> {
  return doc.getMap('opportunityGroups');
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
  // Strictly after the newest group, so groups made in the same millisecond keep their order.
  const newest = Math.max(0, ...listOpportunityGroups(doc).map((g) => g.createdAt));
  const group = opportunityGroupSchema.parse({
    id: randomId(),
    name,
    createdAt: Math.max(Date.now(), newest + 1),
    ...(frame ? { frame: clampGroupFrame(frame) } : {}),
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
  const target = readOpportunityGroup(groups.get(targetId));
  const source = readOpportunityGroup(groups.get(sourceId));
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
          frame: clampGroupFrame({
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
  const group = readOpportunityGroup(groups.get(groupId));
  if (!group) return false;
  groups.set(groupId, opportunityGroupSchema.parse({ ...group, frame: clampGroupFrame(frame) }));
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
  const group = readOpportunityGroup(groups.get(groupId));
  if (!group) return false;
  const dx = clampCoord(x) - frame.x;
  const dy = clampCoord(y) - frame.y;
  doc.transact(() => {
    groups.set(
      groupId,
      opportunityGroupSchema.parse({ ...group, frame: clampGroupFrame({ ...frame, x, y }) }),
    );
    if (dx === 0 && dy === 0) return;
    for (const o of listOpportunities(doc)) {
      if (o.groupId === groupId) moveCard(doc, o.id, o.x + dx, o.y + dy);
    }
  });
  return true;
}

/** A stored group, or undefined for anything a peer wrote that is not one. */
export function readOpportunityGroup(value: unknown): OpportunityGroup | undefined {
  const parsed = opportunityGroupSchema.safeParse(value);
  return parsed.success ? parsed.data : undefined;
}

/** The frame within the board's coordinates and the frame size limits. */
export function clampGroupFrame(frame: GroupFrame): GroupFrame {
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
