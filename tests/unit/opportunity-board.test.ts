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
} from '../../shared/doc';
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
