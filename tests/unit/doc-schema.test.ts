/** The Y.Doc schema: every operation, and convergence of concurrent operations. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  applyTextChange,
  bringCardToFront,
  cardBody,
  COORD_LIMIT,
  createCard,
  freeSpotNear,
  deleteCard,
  getCard,
  initWorkshopDoc,
  listCards,
  moveCard,
  readMeta,
  setCardColor,
  setCardTitle,
  setWorkshopTitle,
} from '../../shared/doc';

function sync(a: Y.Doc, b: Y.Doc) {
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)));
}

describe('workshop meta', () => {
  it('is null before the doc is synced and readable after init', () => {
    const doc = new Y.Doc();
    expect(readMeta(doc)).toBeNull();
    initWorkshopDoc(doc, { workshopId: 'w1', title: 'EDW', template: 'edw', createdAt: 5 });
    expect(readMeta(doc)).toEqual({
      schemaVersion: 1,
      workshopId: 'w1',
      title: 'EDW',
      template: 'edw',
      createdAt: 5,
    });
    setWorkshopTitle(doc, 'EDW Alps');
    expect(readMeta(doc)?.title).toBe('EDW Alps');
  });
});

describe('cards', () => {
  it('creates a card with defaults, a Y.Text title and an empty rich-text body', () => {
    const doc = new Y.Doc();
    const id = createCard(doc, { title: 'Tourism', createdBy: 'Ana', x: 5, y: 6 });
    const [card] = listCards(doc);
    expect(card).toMatchObject({
      id,
      type: 'note',
      boardId: 'board',
      title: 'Tourism',
      x: 5,
      y: 6,
      color: 'yellow',
      createdBy: 'Ana',
    });
    expect(cardBody(getCard(doc, id)!)?.length).toBe(0);
  });

  it('rejects invalid input at creation', () => {
    const doc = new Y.Doc();
    expect(() => createCard(doc, { title: 'x'.repeat(501) })).toThrow();
    expect(() => createCard(doc, { color: 'black' as never })).toThrow();
    expect(() => createCard(doc, { x: Number.NaN })).toThrow();
    expect(listCards(doc)).toHaveLength(0);
  });

  it('stacks new cards in front and brings a card to the front', () => {
    const doc = new Y.Doc();
    const a = createCard(doc, {});
    const b = createCard(doc, {});
    expect(listCards(doc).map((c) => c.id)).toEqual([a, b]);
    bringCardToFront(doc, a);
    expect(listCards(doc).map((c) => c.id)).toEqual([b, a]);
  });

  it('moves, recolours and retitles; clamps coordinates; ignores unknown ids', () => {
    const doc = new Y.Doc();
    const id = createCard(doc, { title: 'old' });
    expect(moveCard(doc, id, 1e12, -1e12)).toBe(true);
    expect(setCardColor(doc, id, 'blue')).toBe(true);
    expect(setCardColor(doc, id, 'black' as never)).toBe(false);
    expect(setCardTitle(doc, id, 'new')).toBe(true);
    expect(listCards(doc)[0]).toMatchObject({
      x: COORD_LIMIT,
      y: -COORD_LIMIT,
      color: 'blue',
      title: 'new',
    });
    expect(moveCard(doc, 'missing', 0, 0)).toBe(false);
    expect(deleteCard(doc, 'missing')).toBe(false);
  });

  it('filters by board', () => {
    const doc = new Y.Doc();
    createCard(doc, { boardId: 'capacities' });
    createCard(doc, { boardId: 'opportunities' });
    expect(listCards(doc, 'capacities')).toHaveLength(1);
    expect(listCards(doc)).toHaveLength(2);
  });

  it('converges when one client moves a card that another deletes', () => {
    const a = new Y.Doc();
    const b = new Y.Doc();
    const id = createCard(a, { title: 'contested' });
    sync(a, b);
    moveCard(a, id, 100, 100);
    setCardTitle(a, id, 'contested, edited');
    deleteCard(b, id);
    sync(a, b);
    expect(listCards(a)).toEqual(listCards(b));
    expect(listCards(a)).toHaveLength(0);
  });

  it('converges when two clients move the same card', () => {
    const a = new Y.Doc();
    const b = new Y.Doc();
    const id = createCard(a, {});
    sync(a, b);
    moveCard(a, id, 1, 1);
    moveCard(b, id, 2, 2);
    sync(a, b);
    expect(listCards(a)).toEqual(listCards(b));
  });
});

describe('applyTextChange', () => {
  it('turns any text into any other text', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (from, to) => {
        const doc = new Y.Doc();
        const text = doc.getText('t');
        text.insert(0, from);
        applyTextChange(text, to);
        return text.toString() === to;
      }),
    );
  });

  it('keeps concurrent edits elsewhere in the text (a splice, not a replace)', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1 }), fc.string(), fc.string(), (base, prefix, suffix) => {
        // If the prefix starts like the base, "prefix+base" is also "base" with an insertion after
        // its first characters: the splice is then ambiguous, and rightly so.
        fc.pre(prefix === '' || prefix[0] !== base[0]);
        const a = new Y.Doc();
        const b = new Y.Doc();
        a.getText('t').insert(0, base);
        sync(a, b);
        applyTextChange(a.getText('t'), prefix + base);
        applyTextChange(b.getText('t'), base + suffix);
        sync(a, b);
        return a.getText('t').toString() === prefix + base + suffix;
      }),
    );
  });

  it('never splits a surrogate pair: other clients read the same text (found by the sync fuzz)', () => {
    // '𝆺𝅥' → '𝅘𝅥𝅱' share their first UTF-16 unit; a splice inside the pair reached others as '�'.
    const emojiLike = fc.string({ unit: 'grapheme', maxLength: 6 });
    fc.assert(
      fc.property(emojiLike, emojiLike, (from, to) => {
        const a = new Y.Doc();
        a.getText('t').insert(0, from);
        const b = new Y.Doc();
        sync(a, b);
        applyTextChange(a.getText('t'), to);
        sync(a, b);
        return a.getText('t').toString() === to && b.getText('t').toString() === to;
      }),
    );
    const a = new Y.Doc();
    a.getText('t').insert(0, '\u{1D1BA}x');
    const b = new Y.Doc();
    sync(a, b);
    applyTextChange(a.getText('t'), '\u{1D160}x');
    sync(a, b);
    expect(b.getText('t').toString()).toBe('\u{1D160}x');
  });
});

describe('stacking of many cards made in one transaction', () => {
  it('gives each new card its own, increasing z, in front of existing cards', () => {
    const doc = new Y.Doc();
    const first = createCard(doc, {});
    bringCardToFront(doc, first);
    const ids: string[] = [];
    doc.transact(() => {
      for (let i = 0; i < 50; i++) ids.push(createCard(doc, {}));
    });
    const later = createCard(doc, {});
    const z = new Map(listCards(doc).map((c) => [c.id, c.z]));
    const zs = ids.map((id) => z.get(id)!);
    expect(new Set(zs).size).toBe(50);
    expect(zs).toEqual([...zs].sort((a, b) => a - b));
    expect(zs[0]).toBeGreaterThan(z.get(first)!);
    expect(z.get(later)).toBeGreaterThan(zs.at(-1)!);
  });
});

describe('freeSpotNear', () => {
  it('keeps the spot when it is free and otherwise finds the nearest spot that overlaps nothing', () => {
    expect(freeSpotNear([], 100, 100)).toEqual({ x: 100, y: 100 });
    const cards = [{ x: 100, y: 100 }];
    const spot = freeSpotNear(cards, 110, 105);
    expect(Math.abs(spot.x - 100) >= 220 || Math.abs(spot.y - 100) >= 140).toBe(true);
    // Placing ten cards one after another at the same point: none overlaps another.
    const placed: { x: number; y: number }[] = [];
    for (let i = 0; i < 10; i++) placed.push(freeSpotNear(placed, 0, 0));
    for (const a of placed)
      for (const b of placed)
        if (a !== b) expect(Math.abs(a.x - b.x) >= 220 || Math.abs(a.y - b.y) >= 140).toBe(true);
  });
});
