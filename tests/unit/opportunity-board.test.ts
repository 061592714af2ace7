/**
 * The opportunity board's group frames (create, move with members, merge into one area) and the
 * workshop's shared undo history (one Y.UndoManager per doc, local changes only).
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  createOpportunity,
  createOpportunityGroup,
  deleteCard,
  getCard,
  getOpportunity,
  listOpportunities,
  listOpportunityGroups,
  mergeOpportunityGroups,
  moveOpportunityGroup,
  removedCardsMap,
  renameOpportunityGroup,
  setOpportunityGroup,
  setOpportunityGroupFrame,
  GROUP_FRAME_MIN,
  CARD_WIDTH,
  cardRect,
  findFreeSpot,
  freeGroupFrame,
  layoutOpportunityBoard,
  planOpportunityLayout,
  rectsOverlap,
  type LayoutRect,
} from '../../shared/doc';
import { guessMapping } from '../../shared/import/fields';
import { applyImport, planImport } from '../../shared/import/rows';
import { asUndoStep, getUndoManager } from '../../client/src/sync/undo';

describe('opportunity group frames', () => {
  it('creates a group with a frame and keeps it through a rename', () => {
    const doc = new Y.Doc();
    const id = createOpportunityGroup(doc, 'Digital', [], {
      x: 10,
      y: 20,
      width: 600,
      height: 400,
    });
    expect(renameOpportunityGroup(doc, id, 'Digital tourism')).toBe(true);
    expect(listOpportunityGroups(doc)).toMatchObject([
      { id, name: 'Digital tourism', frame: { x: 10, y: 20, width: 600, height: 400 } },
    ]);
  });

  it('clamps a frame to a usable size and rejects unknown groups', () => {
    const doc = new Y.Doc();
    const id = createOpportunityGroup(doc, 'Climate');
    expect(listOpportunityGroups(doc)[0]!.frame).toBeUndefined();
    expect(setOpportunityGroupFrame(doc, id, { x: 0, y: 0, width: 5, height: 5 })).toBe(true);
    expect(listOpportunityGroups(doc)[0]!.frame).toEqual({
      x: 0,
      y: 0,
      width: GROUP_FRAME_MIN.width,
      height: GROUP_FRAME_MIN.height,
    });
    expect(setOpportunityGroupFrame(doc, 'nope', { x: 0, y: 0, width: 400, height: 400 })).toBe(
      false,
    );
  });

  it('moves a group with its member cards and leaves the others where they are', () => {
    const doc = new Y.Doc();
    const frame = { x: 0, y: 0, width: 600, height: 400 };
    const group = createOpportunityGroup(doc, 'Markets', [], frame);
    const inside = createOpportunity(doc, { title: 'Silver tourism', x: 40, y: 60 });
    const outside = createOpportunity(doc, { title: 'Other', x: 900, y: 60 });
    setOpportunityGroup(doc, inside, group);
    expect(moveOpportunityGroup(doc, group, frame, 100, 50)).toBe(true);
    expect(getOpportunity(doc, inside)).toMatchObject({ x: 140, y: 110 });
    expect(getOpportunity(doc, outside)).toMatchObject({ x: 900, y: 60 });
    expect(listOpportunityGroups(doc)[0]!.frame).toMatchObject({ x: 100, y: 50 });
  });

  it('merges two framed groups into one area: cards move below the target and keep their layout', () => {
    const doc = new Y.Doc();
    const a = createOpportunityGroup(doc, 'Digital', [], { x: 0, y: 0, width: 600, height: 400 });
    const b = createOpportunityGroup(doc, 'AI', [], { x: 2000, y: 1000, width: 800, height: 300 });
    const inA = createOpportunity(doc, { title: 'Cloud', x: 20, y: 60 });
    const inB1 = createOpportunity(doc, { title: 'LLMs', x: 2020, y: 1060 });
    const inB2 = createOpportunity(doc, { title: 'Robots', x: 2300, y: 1100 });
    setOpportunityGroup(doc, inA, a);
    setOpportunityGroup(doc, inB1, b);
    setOpportunityGroup(doc, inB2, b);

    expect(mergeOpportunityGroups(doc, a, b)).toBe(true);
    const groups = listOpportunityGroups(doc);
    expect(groups.map((g) => g.id)).toEqual([a]);
    const frame = groups[0]!.frame!;
    expect(frame.width).toBe(800);
    expect(frame.height).toBeGreaterThan(400);
    const b1 = getOpportunity(doc, inB1)!;
    const b2 = getOpportunity(doc, inB2)!;
    expect(b2.x - b1.x).toBe(280); // relative layout kept
    expect(b2.y - b1.y).toBe(40);
    for (const o of [b1, b2]) {
      expect(o.groupId).toBe(a);
      expect(o.x).toBeGreaterThanOrEqual(frame.x);
      expect(o.y).toBeGreaterThan(400 - 40);
      expect(o.y).toBeLessThan(frame.y + frame.height);
    }
    expect(getOpportunity(doc, inA)).toMatchObject({ x: 20, y: 60, groupId: a });
  });
});

describe('shared undo history', () => {
  it('is one manager per doc', () => {
    const doc = new Y.Doc();
    expect(getUndoManager(doc)).toBe(getUndoManager(doc));
    expect(getUndoManager(new Y.Doc())).not.toBe(getUndoManager(doc));
  });

  it('restores a deleted card with its content and drops the tombstone', () => {
    const doc = new Y.Doc();
    const undo = getUndoManager(doc);
    const id = createOpportunity(doc, { title: 'Hydrogen valleys', kind: 'market', x: 5, y: 6 });
    asUndoStep(doc, () => deleteCard(doc, id));
    expect(getCard(doc, id)).toBeUndefined();
    expect(removedCardsMap(doc).has(id)).toBe(true);
    undo.undo();
    expect(getOpportunity(doc, id)).toMatchObject({ title: 'Hydrogen valleys', kind: 'market' });
    expect(removedCardsMap(doc).has(id)).toBe(false);
    undo.redo();
    expect(getCard(doc, id)).toBeUndefined();
  });

  it("never undoes a remote participant's change", () => {
    const local = new Y.Doc();
    const remote = new Y.Doc();
    const provider = { name: 'provider' };
    local.on('update', (u: Uint8Array, origin: unknown) => {
      if (origin !== provider) Y.applyUpdate(remote, u, provider);
    });
    remote.on('update', (u: Uint8Array, origin: unknown) => {
      if (origin !== provider) Y.applyUpdate(local, u, provider);
    });
    const undo = getUndoManager(local);
    const mine = asUndoStep(local, () => createOpportunity(local, { title: 'Mine' }));
    const theirs = createOpportunity(remote, { title: 'Theirs' });
    const group = asUndoStep(local, () => createOpportunityGroup(local, 'G', [mine]));
    expect(listOpportunities(local)).toHaveLength(2);
    undo.undo(); // the group
    expect(listOpportunityGroups(local)).toHaveLength(0);
    expect(getOpportunity(local, mine)?.groupId).toBe('');
    undo.undo(); // my card
    expect(listOpportunities(local).map((o) => o.id)).toEqual([theirs]);
    expect(undo.canUndo()).toBe(false);
    expect(group).toBeTruthy();
  });
});

describe('opportunity layout (groups without a frame, new groups)', () => {
  const overlapsAny = (r: LayoutRect, others: LayoutRect[]) =>
    others.some((o) => rectsOverlap(r, o));

  it('findFreeSpot keeps the wished spot when free and avoids obstacles otherwise', () => {
    const size = { width: 300, height: 200 };
    expect(findFreeSpot([], size, { x: 10, y: 20 })).toEqual({ x: 10, y: 20 });
    const obstacles = [
      { x: 0, y: 0, width: 220, height: 150 },
      { x: 260, y: 0, width: 220, height: 150 },
    ];
    const spot = findFreeSpot(obstacles, size, { x: 50, y: 50 });
    expect(overlapsAny({ ...spot, ...size }, obstacles)).toBe(false);
    // Nearest free spot: just below the cards, not far away.
    expect(spot.y).toBeLessThanOrEqual(150 + 40);
  });

  it('frames each imported group in free space with its cards inside, none overlapping', () => {
    const doc = new Y.Doc();
    // An existing framed group with a card, and a loose card.
    const existing = createOpportunityGroup(doc, 'Existing', [], {
      x: 0,
      y: 0,
      width: 560,
      height: 420,
    });
    createOpportunity(doc, { title: 'in existing', x: 40, y: 70, groupId: existing });
    createOpportunity(doc, { title: 'loose', x: 700, y: 0 });
    // The import: cards in a 6-wide grid at an origin that overlaps the existing frame.
    const rows = [
      ['title', 'group'],
      ['A1', 'Alpha'],
      ['B1', 'Beta'],
      ['A2', 'Alpha'],
      ['none', ''],
      ['B2', 'Beta'],
      ['A3', 'Alpha'],
      ['none 2', ''],
    ];
    const plan = planImport(rows, 'opportunity', guessMapping(rows[0]!, 'opportunity'), {
      createdBy: 'T',
      regions: [],
    });
    expect(plan.errors).toEqual([]);
    const ids = applyImport(doc, plan, { x: 40, y: 300 });
    expect(layoutOpportunityBoard(doc, ids)).toBe(true);

    const groups = listOpportunityGroups(doc);
    expect(groups.every((g) => g.frame)).toBe(true);
    const frames = groups.map((g) => g.frame!);
    // No two frames overlap.
    for (let i = 0; i < frames.length; i++)
      for (let j = i + 1; j < frames.length; j++)
        expect(rectsOverlap(frames[i]!, frames[j]!)).toBe(false);
    const opportunities = listOpportunities(doc);
    for (const o of opportunities) {
      const rect = cardRect(o);
      const own = groups.find((g) => g.id === o.groupId)?.frame;
      if (own) {
        // Members lie wholly inside their own frame…
        expect(rect.x).toBeGreaterThanOrEqual(own.x);
        expect(rect.y).toBeGreaterThanOrEqual(own.y);
        expect(rect.x + CARD_WIDTH).toBeLessThanOrEqual(own.x + own.width);
        expect(rect.y + rect.height).toBeLessThanOrEqual(own.y + own.height);
      }
      // …and on no other frame; ungrouped cards on none.
      const foreign = groups.filter((g) => g.id !== o.groupId).map((g) => g.frame!);
      expect(overlapsAny(rect, foreign)).toBe(false);
    }
    // Cards do not overlap each other.
    for (let i = 0; i < opportunities.length; i++)
      for (let j = i + 1; j < opportunities.length; j++)
        expect(rectsOverlap(cardRect(opportunities[i]!), cardRect(opportunities[j]!))).toBe(false);
    // Untouched: the existing group's frame and card, the loose card.
    expect(groups.find((g) => g.id === existing)!.frame).toEqual({
      x: 0,
      y: 0,
      width: 560,
      height: 420,
    });
    expect(opportunities.find((o) => o.title === 'loose')).toMatchObject({ x: 700, y: 0 });
    // Nothing left to do: running it again changes nothing.
    expect(layoutOpportunityBoard(doc, ids)).toBe(false);
  });

  it('is one undo step together with the import when run right after it', () => {
    const doc = new Y.Doc();
    const undo = getUndoManager(doc);
    createOpportunity(doc, { title: 'before', x: 0, y: 0 });
    undo.stopCapturing();
    const rows = [
      ['title', 'group'],
      ['A1', 'Alpha'],
      ['A2', 'Alpha'],
    ];
    const plan = planImport(rows, 'opportunity', guessMapping(rows[0]!, 'opportunity'), {
      createdBy: 'T',
      regions: [],
    });
    const ids = applyImport(doc, plan, { x: 0, y: 0 });
    layoutOpportunityBoard(doc, ids);
    undo.undo();
    expect(listOpportunities(doc).map((o) => o.title)).toEqual(['before']);
    expect(listOpportunityGroups(doc)).toEqual([]);
  });

  it('puts new cards of a framed group into free slots of its frame, growing it when full', () => {
    const frame = { x: 0, y: 0, width: 560, height: 260 };
    const groups = [{ id: 'g', frame }];
    const cards = [
      { id: 'old', x: 40, y: 64, groupId: 'g' },
      { id: 'n1', x: 900, y: 900, groupId: 'g' },
      { id: 'n2', x: 1140, y: 900, groupId: 'g' },
    ];
    const plan = planOpportunityLayout(groups, cards, ['n1', 'n2']);
    const grown = plan.frames.find((f) => f.groupId === 'g')!.frame;
    expect(grown.height).toBeGreaterThan(frame.height);
    const placed = plan.moves.map(cardRect);
    expect(placed).toHaveLength(2);
    for (const r of placed) {
      expect(r.x).toBeGreaterThanOrEqual(grown.x);
      expect(r.y + r.height).toBeLessThanOrEqual(grown.y + grown.height);
      expect(rectsOverlap(r, cardRect(cards[0]!))).toBe(false);
    }
    expect(rectsOverlap(placed[0]!, placed[1]!)).toBe(false);
  });

  it('plans deterministically and moves only stray new cards', () => {
    const groups = [{ id: 'g', frame: { x: 0, y: 0, width: 560, height: 420 } }];
    const cards = [
      { id: 'old', x: 100, y: 100, groupId: '' },
      { id: 'new', x: 120, y: 120, groupId: '' },
    ];
    const plan = planOpportunityLayout(groups, cards, ['new']);
    expect(plan.frames).toEqual([]);
    expect(plan.moves.map((m) => m.id)).toEqual(['new']);
    const moved = plan.moves[0]!;
    expect(rectsOverlap(cardRect(moved), groups[0]!.frame)).toBe(false);
    expect(planOpportunityLayout(groups, cards, ['new'])).toEqual(plan);
  });

  it('places a new group clear of cards and frames', () => {
    const doc = new Y.Doc();
    createOpportunity(doc, { title: 'a', x: 0, y: 0 });
    createOpportunity(doc, { title: 'b', x: 240, y: 0 });
    createOpportunityGroup(doc, 'G', [], { x: 0, y: 400, width: 560, height: 420 });
    const frame = freeGroupFrame(doc, { x: 0, y: 0 });
    const obstacles = [
      ...listOpportunities(doc).map(cardRect),
      ...listOpportunityGroups(doc).map((g) => g.frame!),
    ];
    expect(overlapsAny(frame, obstacles)).toBe(false);
  });
});
