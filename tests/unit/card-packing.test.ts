/**
 * Opportunity board and notes layout (issue 10, item 9): cards placed by an import or a reveal on a
 * fixed grid overlap once their measured heights vary; packCards slides the new ones down their
 * column until nothing overlaps, and nearestFreeSpot finds room for one new card next to the others.
 * Settled cards never move.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  nearestFreeSpot,
  packCards,
  rectsTouch,
  type PackCard,
  type PackRect,
} from '../../client/src/boards/board/cardPacking';

const WIDTH = 220;

const overlap = (a: PackRect, b: PackRect) => rectsTouch(a, b, 0);

/** Every rectangle after packing: the settled ones as they were, the batch where it went. */
function afterPacking(settled: PackRect[], batch: PackCard[]): PackRect[] {
  const moves = packCards(settled, batch);
  return [...settled, ...batch.map((c) => ({ ...c, ...(moves.get(c.id) ?? {}) }))];
}

function noTwoOverlap(rects: PackRect[], from = 0): boolean {
  for (let i = 0; i < rects.length; i++)
    for (let j = Math.max(i + 1, from); j < rects.length; j++)
      if (overlap(rects[i]!, rects[j]!)) return false;
  return true;
}

/** Settled cards that do not overlap each other (a user may stack cards; see the other property). */
const card = fc.record({
  x: fc.integer({ min: -2000, max: 2000 }),
  y: fc.integer({ min: -2000, max: 2000 }),
  width: fc.constant(WIDTH),
  height: fc.integer({ min: 40, max: 600 }),
});

/** An import's grid: 240 × 160 cells, six a row, heights as the cards measured. */
const importBatch = fc
  .array(fc.integer({ min: 60, max: 520 }), { minLength: 1, maxLength: 60 })
  .map((heights) =>
    heights.map((height, i) => ({
      id: `new-${i}`,
      x: (i % 6) * 240,
      y: Math.floor(i / 6) * 160,
      width: WIDTH,
      height,
    })),
  );

describe('packCards: a batch of new cards (import, reveal)', () => {
  it('turns an import grid of 40 cards of varied heights into columns where nothing overlaps', () => {
    const batch: PackCard[] = Array.from({ length: 40 }, (_, i) => ({
      id: `o${i}`,
      x: (i % 6) * 240,
      y: Math.floor(i / 6) * 160,
      width: WIDTH,
      height: 90 + ((i * 37) % 230),
    }));
    expect(noTwoOverlap(batch)).toBe(false); // the old fixed grid overlapped
    const rects = afterPacking([], batch);
    expect(noTwoOverlap(rects)).toBe(true);
    // Columns and reading order kept: each card stays in its column, below the one above it.
    const moves = packCards([], batch);
    for (const c of batch) expect(moves.get(c.id)?.x ?? c.x).toBe(c.x);
    expect(moves.has('o0')).toBe(false);
  });

  it('property: no two cards overlap afterwards, settled cards are not moved, x is kept', () => {
    fc.assert(
      fc.property(
        fc.array(card, { maxLength: 25 }).filter((s) => noTwoOverlap(s)),
        importBatch,
        fc.integer({ min: -1500, max: 1500 }),
        fc.integer({ min: -1500, max: 1500 }),
        (settled, grid, ox, oy) => {
          const batch = grid.map((c) => ({ ...c, x: c.x + ox, y: c.y + oy }));
          const moves = packCards(settled, batch);
          for (const id of moves.keys()) expect(id.startsWith('new-')).toBe(true);
          for (const c of batch) expect(moves.get(c.id)?.x ?? c.x).toBe(c.x);
          expect(noTwoOverlap(afterPacking(settled, batch))).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('property: a new card never lands on any card, even where people stacked cards by hand', () => {
    fc.assert(
      fc.property(fc.array(card, { maxLength: 25 }), importBatch, (settled, batch) => {
        const rects = afterPacking(settled, batch);
        // Settled cards may overlap each other (a person's choice): check the new ones only.
        for (let i = settled.length; i < rects.length; i++)
          for (let j = 0; j < rects.length; j++)
            if (i !== j) expect(overlap(rects[i]!, rects[j]!)).toBe(false);
      }),
      { numRuns: 300 },
    );
  });
});

describe('nearestFreeSpot: one new card', () => {
  it('keeps the spot asked for when it is free', () => {
    expect(nearestFreeSpot([], { width: WIDTH, height: 140 }, { x: 10, y: 20 })).toEqual({
      x: 10,
      y: 20,
    });
  });

  it('goes next to a tall card, not on it (the old estimate of 140 px let it overlap)', () => {
    const tall = { x: 0, y: 0, width: WIDTH, height: 400 };
    const spot = nearestFreeSpot([tall], { width: WIDTH, height: 140 }, { x: 0, y: 180 });
    expect(overlap({ ...spot, width: WIDTH, height: 140 }, tall)).toBe(false);
    // Beside it, not pushed far away.
    expect(Math.hypot(spot.x, spot.y - 180)).toBeLessThanOrEqual(WIDTH + 16);
  });

  it('property: the spot overlaps no card, and cards placed one after another never overlap', () => {
    fc.assert(
      fc.property(
        fc.array(card, { maxLength: 30 }),
        fc.array(
          fc.record({
            x: fc.integer({ min: -1000, max: 1000 }),
            y: fc.integer({ min: -1000, max: 1000 }),
            height: fc.integer({ min: 40, max: 400 }),
          }),
          { minLength: 1, maxLength: 15 },
        ),
        (cards, wanted) => {
          const placed: PackRect[] = [...cards];
          for (const w of wanted) {
            const size = { width: WIDTH, height: w.height };
            const spot = nearestFreeSpot(placed, size, w);
            const rect = { ...spot, ...size };
            for (const other of placed) expect(overlap(rect, other)).toBe(false);
            placed.push(rect);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
