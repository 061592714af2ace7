/**
 * Where each opportunity group is drawn: its stored frame, else a frame around its members (groups
 * made by the spreadsheet import), else a free spot right of everything (an empty group without a
 * frame). Pure: derived from the doc, never written back until someone moves or resizes the frame.
 */
import * as Y from 'yjs';
import {
  CARD_WIDTH,
  GROUP_FRAME_GAP,
  GROUP_FRAME_HEADER,
  OPPORTUNITY_CARD_HEIGHT,
  GROUP_FRAME_MIN,
  OPPORTUNITY_BOARD,
  type CardMap,
  type GroupFrame,
  type OpportunityGroup,
} from '@shared/doc';
import type { Bounds } from '@client/lib/viewport';

/** Height of a frame's header (board px): the part you grab to move it. */
export const FRAME_HEADER = GROUP_FRAME_HEADER;
/** Cards are not measured here; this is a typical opportunity card's height. */
export const CARD_HEIGHT_ESTIMATE = OPPORTUNITY_CARD_HEIGHT;

export interface OpportunityPosition {
  id: string;
  x: number;
  y: number;
  groupId: string;
}

export interface PlacedGroup {
  group: OpportunityGroup;
  frame: GroupFrame;
  /** The frame is computed, not stored. */
  derived: boolean;
  count: number;
}

/** The opportunity cards' positions and groups, read in one pass over the cards. */
export function readOpportunityPositions(cards: Y.Map<CardMap>): OpportunityPosition[] {
  const out: OpportunityPosition[] = [];
  cards.forEach((card, id) => {
    if (!(card instanceof Y.Map) || card.get('type') !== 'opportunity') return;
    if (card.get('boardId') !== OPPORTUNITY_BOARD) return;
    const x = card.get('x');
    const y = card.get('y');
    const groupId = card.get('groupId');
    out.push({
      id,
      x: typeof x === 'number' ? x : 0,
      y: typeof y === 'number' ? y : 0,
      groupId: typeof groupId === 'string' ? groupId : '',
    });
  });
  return out;
}

export function placeGroups(
  groups: OpportunityGroup[],
  positions: OpportunityPosition[],
): PlacedGroup[] {
  const members = new Map<string, OpportunityPosition[]>();
  for (const p of positions) {
    if (!p.groupId) continue;
    const list = members.get(p.groupId);
    if (list) list.push(p);
    else members.set(p.groupId, [p]);
  }
  let freeX = -Infinity;
  let freeY = 0;
  for (const p of positions) freeX = Math.max(freeX, p.x + CARD_WIDTH);
  for (const g of groups) if (g.frame) freeX = Math.max(freeX, g.frame.x + g.frame.width);
  freeX = Number.isFinite(freeX) ? freeX + 2 * GROUP_FRAME_GAP : 0;

  return groups.map((group) => {
    const list = members.get(group.id) ?? [];
    if (group.frame) return { group, frame: group.frame, derived: false, count: list.length };
    let frame: GroupFrame;
    if (list.length > 0) {
      const minX = Math.min(...list.map((p) => p.x));
      const minY = Math.min(...list.map((p) => p.y));
      const maxX = Math.max(...list.map((p) => p.x + CARD_WIDTH));
      const maxY = Math.max(...list.map((p) => p.y + CARD_HEIGHT_ESTIMATE));
      frame = {
        x: minX - GROUP_FRAME_GAP / 2,
        y: minY - FRAME_HEADER - GROUP_FRAME_GAP / 2,
        width: Math.max(GROUP_FRAME_MIN.width, maxX - minX + GROUP_FRAME_GAP),
        height: Math.max(GROUP_FRAME_MIN.height, maxY - minY + FRAME_HEADER + GROUP_FRAME_GAP),
      };
    } else {
      frame = { x: freeX, y: freeY, width: 560, height: 360 };
      freeY += 360 + GROUP_FRAME_GAP;
    }
    return { group, frame, derived: true, count: list.length };
  });
}

/** The group whose frame holds a card at (x, y): the smallest one, as frames may overlap. */
export function groupAtCard(placed: PlacedGroup[], x: number, y: number): PlacedGroup | undefined {
  const cx = x + CARD_WIDTH / 2;
  const cy = y + 36;
  let best: PlacedGroup | undefined;
  for (const p of placed) {
    const f = p.frame;
    if (cx < f.x || cx > f.x + f.width || cy < f.y || cy > f.y + f.height) continue;
    if (!best || f.width * f.height < best.frame.width * best.frame.height) best = p;
  }
  return best;
}

/** The group whose header lies under a board point (to merge a dragged group into it). */
export function groupHeaderAt(
  placed: PlacedGroup[],
  x: number,
  y: number,
  except: string,
): PlacedGroup | undefined {
  return placed.find(
    (p) =>
      p.group.id !== except &&
      x >= p.frame.x &&
      x <= p.frame.x + p.frame.width &&
      y >= p.frame.y &&
      y <= p.frame.y + FRAME_HEADER,
  );
}

export function frameBounds(frame: GroupFrame): Bounds {
  return {
    minX: frame.x,
    minY: frame.y,
    maxX: frame.x + frame.width,
    maxY: frame.y + frame.height,
  };
}
