/**
 * Opportunity cards (the opportunity board): new technologies, societal challenges, markets.
 * Fields beside the common card fields (x, y give the free placement):
 *   kind: OpportunityKind | '', horizon: TimeHorizon | '' ('' = not set), sourceUrl: string, groupId: string ('' = ungrouped)
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
  CARD_WIDTH,
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

/* ---------------------------------------------------------------------------------------------
 * Layout: where groups without a frame (made by the spreadsheet import) and new groups go.
 * Pure planning functions (unit-tested) plus one operation that applies a plan in one transaction.
 * Deterministic: two people running it on the same doc state write the same values.
 * ------------------------------------------------------------------------------------------- */

/** Height of a group frame's header (board px): the part you grab to move it. */
export const GROUP_FRAME_HEADER = 44;
/** Cards are not measured in the doc; this is a typical opportunity card's height (board px). */
export const OPPORTUNITY_CARD_HEIGHT = 150;
/** Space between the cards a layout arranges inside a frame. */
export const GROUP_CARD_GAP = 24;
/** Size of a new, empty group's frame: room for two columns of cards. */
export const NEW_GROUP_FRAME_SIZE = { width: 2 * CARD_WIDTH + 120, height: 420 } as const;

export interface LayoutRect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface LayoutCard {
  id: string;
  x: number;
  y: number;
  groupId: string;
}

export interface LayoutGroup {
  id: string;
  frame?: GroupFrame;
}

export interface OpportunityLayoutPlan {
  /** Frames to store, in group order. */
  frames: { groupId: string; frame: GroupFrame }[];
  /** Cards to move. */
  moves: { id: string; x: number; y: number }[];
}

export function cardRect(card: { x: number; y: number }): LayoutRect {
  return { x: card.x, y: card.y, width: CARD_WIDTH, height: OPPORTUNITY_CARD_HEIGHT };
}

/** Whether two rectangles overlap, or come closer than `gap` to each other. */
export function rectsOverlap(a: LayoutRect, b: LayoutRect, gap = 0): boolean {
  return (
    a.x < b.x + b.width + gap &&
    b.x < a.x + a.width + gap &&
    a.y < b.y + b.height + gap &&
    b.y < a.y + a.height + gap
  );
}

/**
 * The top-left corner nearest to `near` where a `size` rectangle overlaps none of `obstacles`
 * (keeping `gap` from each). Candidates: `near` itself, then spots right of and below each
 * obstacle, then (always free) below everything. O(n²) for n obstacles.
 */
export function findFreeSpot(
  obstacles: readonly LayoutRect[],
  size: { width: number; height: number },
  near: { x: number; y: number },
  gap = GROUP_FRAME_GAP,
): { x: number; y: number } {
  const nx = Math.round(near.x);
  const ny = Math.round(near.y);
  const free = (x: number, y: number) => {
    const r = { x, y, width: size.width, height: size.height };
    for (const o of obstacles) if (rectsOverlap(r, o, gap)) return false;
    return true;
  };
  if (free(nx, ny)) return { x: nx, y: ny };
  const candidates: { x: number; y: number; d: number }[] = [];
  const add = (x: number, y: number) => {
    // Right and down read as "next to"; going left or up costs a little more.
    const dx = x - nx;
    const dy = y - ny;
    candidates.push({
      x,
      y,
      d: Math.abs(dx) * (dx < 0 ? 1.5 : 1) + Math.abs(dy) * (dy < 0 ? 1.5 : 1),
    });
  };
  let bottom = -Infinity;
  for (const o of obstacles) {
    const right = Math.round(o.x + o.width + gap);
    const below = Math.round(o.y + o.height + gap);
    bottom = Math.max(bottom, below);
    add(right, ny);
    add(right, Math.round(o.y));
    add(nx, below);
    add(Math.round(o.x), below);
  }
  candidates.sort((a, b) => a.d - b.d || a.y - b.y || a.x - b.x);
  for (const c of candidates) if (free(c.x, c.y)) return { x: c.x, y: c.y };
  return { x: nx, y: Number.isFinite(bottom) ? bottom : ny };
}

/** The frame size that holds `count` cards in a grid (up to 3 columns), with header and padding. */
export function groupFrameSizeFor(count: number): {
  width: number;
  height: number;
  columns: number;
} {
  if (count === 0) return { ...NEW_GROUP_FRAME_SIZE, columns: 2 };
  const columns = count <= 1 ? 1 : count <= 4 ? 2 : 3;
  const rows = Math.ceil(count / columns);
  return {
    columns,
    width: Math.max(
      GROUP_FRAME_MIN.width,
      2 * GROUP_FRAME_GAP + columns * CARD_WIDTH + (columns - 1) * GROUP_CARD_GAP,
    ),
    height: Math.max(
      GROUP_FRAME_MIN.height,
      GROUP_FRAME_HEADER +
        GROUP_FRAME_GAP / 2 +
        GROUP_FRAME_GAP +
        rows * OPPORTUNITY_CARD_HEIGHT +
        (rows - 1) * GROUP_CARD_GAP,
    ),
  };
}

/**
 * Plans a tidy board after an import:
 * - every group without a frame gets one in free space (near its members, or right of everything
 *   when it has none), its members arranged inside it in a grid in reading order;
 * - every card of `looseCardIds` that is in no group but lies on a frame (so it would look like a
 *   member) moves to the nearest free spot outside every frame.
 * Nothing else moves: framed groups and other cards are obstacles.
 */
export function planOpportunityLayout(
  groups: readonly LayoutGroup[],
  cards: readonly LayoutCard[],
  looseCardIds: Iterable<string> = [],
): OpportunityLayoutPlan {
  const plan: OpportunityLayoutPlan = { frames: [], moves: [] };
  const unframed = groups.filter((g) => !g.frame);
  const unframedIds = new Set(unframed.map((g) => g.id));
  const knownGroups = new Set(groups.map((g) => g.id));
  const frames: LayoutRect[] = groups.flatMap((g) => (g.frame ? [g.frame] : []));
  const loose = new Set(looseCardIds);

  // New cards of a group that already had a frame but that lie outside it: into a free slot of the
  // frame (reading order), which grows downwards when full.
  const moved = new Map<string, LayoutRect>();
  for (const g of groups) {
    if (!g.frame) continue;
    const outside = cards.filter(
      (c) =>
        loose.has(c.id) &&
        c.groupId === g.id &&
        !(
          c.x >= g.frame!.x &&
          c.y >= g.frame!.y + GROUP_FRAME_HEADER &&
          c.x + CARD_WIDTH <= g.frame!.x + g.frame!.width &&
          c.y + OPPORTUNITY_CARD_HEIGHT <= g.frame!.y + g.frame!.height
        ),
    );
    if (outside.length === 0) continue;
    const frame = { ...g.frame };
    const outsideIds = new Set(outside.map((c) => c.id));
    const taken = cards
      .filter((c) => !outsideIds.has(c.id))
      .map((c) => moved.get(c.id) ?? cardRect(c));
    const columns = Math.max(
      1,
      Math.floor(
        (frame.width - 2 * GROUP_FRAME_GAP + GROUP_CARD_GAP) / (CARD_WIDTH + GROUP_CARD_GAP),
      ),
    );
    let slot = 0;
    for (const c of outside) {
      let rect: LayoutRect;
      for (; ; slot++) {
        rect = {
          x: frame.x + GROUP_FRAME_GAP + (slot % columns) * (CARD_WIDTH + GROUP_CARD_GAP),
          y:
            frame.y +
            GROUP_FRAME_HEADER +
            GROUP_FRAME_GAP / 2 +
            Math.floor(slot / columns) * (OPPORTUNITY_CARD_HEIGHT + GROUP_CARD_GAP),
          width: CARD_WIDTH,
          height: OPPORTUNITY_CARD_HEIGHT,
        };
        if (!taken.some((t) => rectsOverlap(rect, t))) break;
      }
      slot++;
      taken.push(rect);
      moved.set(c.id, rect);
      plan.moves.push({ id: c.id, x: rect.x, y: rect.y });
      frame.height = Math.max(frame.height, rect.y + rect.height + GROUP_FRAME_GAP - frame.y);
    }
    if (frame.height !== g.frame.height) {
      const grown = clampFrame(frame);
      plan.frames.push({ groupId: g.id, frame: grown });
      frames[frames.indexOf(g.frame)] = grown;
    }
  }
  const obstacles: LayoutRect[] = [...frames];
  for (const c of cards)
    if (!unframedIds.has(c.groupId)) obstacles.push(moved.get(c.id) ?? cardRect(c));

  let rightOfAll = -Infinity;
  let topOfAll = Infinity;
  for (const o of obstacles) {
    rightOfAll = Math.max(rightOfAll, o.x + o.width);
    topOfAll = Math.min(topOfAll, o.y);
  }
  for (const g of unframed) {
    const members = cards
      .filter((c) => c.groupId === g.id)
      .sort((a, b) => a.y - b.y || a.x - b.x || a.id.localeCompare(b.id));
    const size = groupFrameSizeFor(members.length);
    const near =
      members.length > 0
        ? {
            x: Math.min(...members.map((m) => m.x)) - GROUP_FRAME_GAP,
            y: Math.min(...members.map((m) => m.y)) - GROUP_FRAME_HEADER - GROUP_FRAME_GAP / 2,
          }
        : Number.isFinite(rightOfAll)
          ? { x: rightOfAll + 2 * GROUP_FRAME_GAP, y: topOfAll }
          : { x: 0, y: 0 };
    const spot = findFreeSpot(obstacles, size, near);
    const frame = clampFrame({ x: spot.x, y: spot.y, width: size.width, height: size.height });
    plan.frames.push({ groupId: g.id, frame });
    obstacles.push(frame);
    frames.push(frame);
    members.forEach((m, i) => {
      const col = i % size.columns;
      const row = Math.floor(i / size.columns);
      plan.moves.push({
        id: m.id,
        x: frame.x + GROUP_FRAME_GAP + col * (CARD_WIDTH + GROUP_CARD_GAP),
        y:
          frame.y +
          GROUP_FRAME_HEADER +
          GROUP_FRAME_GAP / 2 +
          row * (OPPORTUNITY_CARD_HEIGHT + GROUP_CARD_GAP),
      });
    });
  }

  if (loose.size === 0) return plan;

  const strayed = cards.filter(
    (c) =>
      loose.has(c.id) &&
      !moved.has(c.id) &&
      (c.groupId === '' || !knownGroups.has(c.groupId)) &&
      frames.some((f) => rectsOverlap(cardRect(c), f)),
  );
  if (strayed.length === 0) return plan;
  // The stray cards leave together, keeping their arrangement, to the nearest spot free of frames
  // and cards: one block below or beside the frame they landed in.
  const strayedIds = new Set(strayed.map((c) => c.id));
  const minX = Math.min(...strayed.map((c) => c.x));
  const minY = Math.min(...strayed.map((c) => c.y));
  const maxX = Math.max(...strayed.map((c) => c.x + CARD_WIDTH));
  const maxY = Math.max(...strayed.map((c) => c.y + OPPORTUNITY_CARD_HEIGHT));
  const block = { width: maxX - minX, height: maxY - minY };
  const others = [
    ...frames,
    ...cards.filter((c) => !strayedIds.has(c.id) && !unframedIds.has(c.groupId)).map(cardRect),
    ...plan.moves.map(cardRect),
  ];
  const spot = findFreeSpot(others, block, { x: minX, y: minY });
  for (const c of strayed) {
    plan.moves.push({ id: c.id, x: c.x - minX + spot.x, y: c.y - minY + spot.y });
  }
  return plan;
}

/**
 * Applies `planOpportunityLayout` to the doc in one transaction: frames every group that has none
 * and moves `looseCardIds` that lie inside a frame without being in its group out of it. Returns
 * whether anything changed. The board runs it after someone's import (see OpportunityBoardView).
 */
export function layoutOpportunityBoard(doc: Y.Doc, looseCardIds: Iterable<string> = []): boolean {
  const groups = listOpportunityGroups(doc);
  const cards: LayoutCard[] = listOpportunities(doc).map((o) => ({
    id: o.id,
    x: o.x,
    y: o.y,
    groupId: o.groupId,
  }));
  const plan = planOpportunityLayout(groups, cards, looseCardIds);
  if (plan.frames.length === 0 && plan.moves.length === 0) return false;
  const map = opportunityGroupsMap(doc);
  doc.transact(() => {
    for (const { groupId, frame } of plan.frames) {
      const group = readGroup(map.get(groupId));
      if (group) map.set(groupId, opportunityGroupSchema.parse({ ...group, frame }));
    }
    for (const m of plan.moves) moveCard(doc, m.id, m.x, m.y);
  });
  return true;
}

/** Where a new `size` frame goes: at `near` if free, else the nearest spot clear of cards and frames. */
export function freeGroupFrame(
  doc: Y.Doc,
  near: { x: number; y: number },
  size: { width: number; height: number } = NEW_GROUP_FRAME_SIZE,
): GroupFrame {
  const obstacles: LayoutRect[] = listOpportunityGroups(doc).flatMap((g) =>
    g.frame ? [g.frame] : [],
  );
  for (const o of listOpportunities(doc)) obstacles.push(cardRect(o));
  const spot = findFreeSpot(obstacles, size, near);
  return clampFrame({ ...spot, ...size });
}
