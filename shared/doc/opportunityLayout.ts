/**
 * Where opportunity groups and cards go on the board: groups without a frame (made by the
 * spreadsheet import), new groups, cards that landed inside another group's frame. Separate from
 * the groups' operations because it is planning: pure functions (unit-tested) plus the operations
 * that apply a plan in one transaction. Deterministic: two people running it on the same doc
 * state write the same values.
 */
import type * as Y from 'yjs';
import { CARD_WIDTH, moveCard } from './cards';
import {
  clampGroupFrame,
  GROUP_FRAME_GAP,
  GROUP_FRAME_MIN,
  listOpportunityGroups,
  opportunityGroupSchema,
  opportunityGroupsMap,
  readOpportunityGroup,
  type GroupFrame,
} from './opportunityGroups';
import { listOpportunities } from './opportunities';

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
      const grown = clampGroupFrame(frame);
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
    const frame = clampGroupFrame({ x: spot.x, y: spot.y, width: size.width, height: size.height });
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
      const group = readOpportunityGroup(map.get(groupId));
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
  return clampGroupFrame({ ...spot, ...size });
}
