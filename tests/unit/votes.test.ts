/** Dot voting rules and the tally by helix and region. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyControlCommand, controlCommandSchema } from '../../shared/control/commands';
import { initialControlState } from '../../shared/control/state';
import {
  castDot,
  remainingDots,
  tallyVotes,
  VOTE_SPLIT_OTHER,
  type Allocation,
  type VoteResult,
  type VoteSession,
} from '../../shared/control/votes';

const vote: VoteSession = {
  id: 'v1',
  title: 'Which activities?',
  cardIds: ['a', 'b', 'c'],
  budget: 3,
  maxPerCard: 2,
  status: 'open',
  openedAt: 0,
  closedAt: null,
};

describe('castDot', () => {
  it('keeps to the budget and the maximum per card, and lets dots be taken back', () => {
    let allocation = {};
    const give = (card: string, delta: 1 | -1 = 1) => {
      const r = castDot(vote, allocation, card, delta);
      if (r.ok) allocation = r.allocation;
      return r;
    };
    expect(give('a').ok).toBe(true);
    expect(give('a').ok).toBe(true);
    expect(give('a')).toEqual({ ok: false, error: 'at most 2 dots per card' });
    expect(give('b').ok).toBe(true);
    expect(give('c')).toEqual({ ok: false, error: 'no dots left' });
    expect(remainingDots(vote, allocation)).toBe(0);
    expect(give('a', -1).ok).toBe(true);
    expect(give('c').ok).toBe(true);
    expect(allocation).toEqual({ a: 1, b: 1, c: 1 });
    expect(give('z')).toEqual({ ok: false, error: 'that card is not in this vote' });
    expect(castDot({ ...vote, status: 'closed' }, allocation, 'a', 1)).toMatchObject({ ok: false });
    expect(castDot(vote, {}, 'a', -1)).toMatchObject({ ok: false });
  });
});

describe('tallyVotes', () => {
  it('totals, splits by helix and region, and ranks equal totals equally', () => {
    const result = tallyVotes(
      vote,
      { anna: { a: 2, b: 1 }, ben: { b: 1 }, cleo: {}, dan: { c: 1 } },
      {
        anna: { helix: 'research', regionId: 'tyrol' },
        ben: { helix: 'business', regionId: 'slovenia' },
        dan: { helix: null, regionId: '' },
      },
      99,
      // The privacy rule off, to see the raw split.
      { splitMinVoters: 1 },
    );
    expect(result).toMatchObject({ voteId: 'v1', voters: 3, revealedAt: 99, splitMinVoters: 1 });
    expect(result.cards).toEqual([
      { cardId: 'a', total: 2, byHelix: { research: 2 }, byRegion: { tyrol: 2 }, rank: 1 },
      {
        cardId: 'b',
        total: 2,
        byHelix: { research: 1, business: 1 },
        byRegion: { tyrol: 1, slovenia: 1 },
        rank: 1,
      },
      { cardId: 'c', total: 1, byHelix: { unspecified: 1 }, byRegion: { unspecified: 1 }, rank: 3 },
    ]);
  });
});

describe('vote commands', () => {
  const run = (state: ReturnType<typeof initialControlState>, command: unknown) =>
    applyControlCommand(state, controlCommandSchema.parse(command), 10);

  it('opens, closes, reveals and refuses a second open vote', () => {
    const opened = run(initialControlState('edw'), {
      type: 'vote:open',
      cardIds: ['a', 'b'],
      budget: 4,
    });
    if (!opened.ok) throw new Error(opened.error);
    expect(opened.state.vote).toMatchObject({
      status: 'open',
      budget: 4,
      maxPerCard: 3,
      cardIds: ['a', 'b'],
    });
    expect(run(opened.state, { type: 'vote:open', cardIds: ['a'] })).toMatchObject({ ok: false });
    const closed = run(opened.state, { type: 'vote:close' });
    if (!closed.ok) throw new Error(closed.error);
    const revealed = run(closed.state, { type: 'vote:reveal' });
    expect(revealed.ok && revealed.state.vote?.status).toBe('revealed');
    expect(
      run(initialControlState('edw'), {
        type: 'vote:open',
        cardIds: ['a'],
        budget: 2,
        maxPerCard: 3,
      }),
    ).toMatchObject({ ok: false });
    expect(controlCommandSchema.safeParse({ type: 'vote:open', cardIds: [] }).success).toBe(false);
  });
});

type Profile = { helix: string | null; regionId: string };

/**
 * What anyone can compute from a revealed result: per card, the dots of each shown group's voters
 * (a split key's voters; "other": the voters of the keys not shown) and of everyone (the total).
 * Returns the voter sets whose sums are published.
 */
function publishedSets(result: VoteResult, profiles: Record<string, Profile>, voters: string[]) {
  const sets: string[][] = [voters];
  const dims = [
    ['byHelix', (id: string) => profiles[id]!.helix ?? 'unspecified'],
    ['byRegion', (id: string) => profiles[id]!.regionId || 'unspecified'],
  ] as const;
  for (const [by, keyOf] of dims) {
    const shown = new Set(result.cards.flatMap((c) => Object.keys(c[by])));
    for (const key of shown) {
      sets.push(
        voters.filter((id) =>
          key === VOTE_SPLIT_OTHER
            ? !shown.has(keyOf(id)) || keyOf(id) === VOTE_SPLIT_OTHER
            : keyOf(id) === key,
        ),
      );
    }
  }
  return sets;
}

/** Whether `target` (a 0/1 vector over voters) is a linear combination of the published sets. */
function inSpan(rows: number[][], target: number[]): boolean {
  const rank = (m: number[][]) => {
    const a = m.map((r) => [...r]);
    let r = 0;
    for (let c = 0; c < (a[0]?.length ?? 0) && r < a.length; c++) {
      const pivot = a.findIndex((row, i) => i >= r && Math.abs(row[c]!) > 1e-9);
      if (pivot < 0) continue;
      [a[r], a[pivot]] = [a[pivot]!, a[r]!];
      for (let i = 0; i < a.length; i++) {
        if (i === r) continue;
        const f = a[i]![c]! / a[r]![c]!;
        for (let j = c; j < a[i]!.length; j++) a[i]![j]! -= f * a[r]![j]!;
      }
      r++;
    }
    return r;
  };
  return rank([...rows, target]) === rank(rows);
}

/**
 * Every set of 1 or 2 voters whose dots can be worked out from the result, but everyone (a vote
 * of one or two people shows their dots in its totals, whatever the split).
 */
function recoverableFew(result: VoteResult, profiles: Record<string, Profile>, voters: string[]) {
  const rows = publishedSets(result, profiles, voters).map((set) =>
    voters.map((id) => (set.includes(id) ? 1 : 0)),
  );
  const found: string[][] = [];
  for (let i = 0; i < voters.length; i++) {
    for (let j = i; j < voters.length; j++) {
      const target = voters.map((_, k) => (k === i || k === j ? 1 : 0));
      const set = i === j ? [voters[i]!] : [voters[i]!, voters[j]!];
      if (set.length < voters.length && inSpan(rows, target)) found.push(set);
    }
  }
  return found;
}

describe('vote privacy: the split shows no group of fewer than 3 voters', () => {
  const session: VoteSession = { ...vote, cardIds: ['a', 'b', 'c'], budget: 5, maxPerCard: 5 };

  it('never shows a one-voter region or helix on its own, nor lets subtraction recover it', () => {
    // Seven voters: Tyrol 3, South Tyrol 3, and one person from Slovenia; helices alike.
    const profiles: Record<string, Profile> = {
      t1: { helix: 'business', regionId: 'tyrol' },
      t2: { helix: 'business', regionId: 'tyrol' },
      t3: { helix: 'research', regionId: 'tyrol' },
      s1: { helix: 'research', regionId: 'south-tyrol' },
      s2: { helix: 'research', regionId: 'south-tyrol' },
      s3: { helix: 'business', regionId: 'south-tyrol' },
      slo: { helix: 'government', regionId: 'slovenia' },
    };
    const ballots: Record<string, Allocation> = {
      t1: { a: 2 },
      t2: { a: 1, b: 1 },
      t3: { b: 2 },
      s1: { c: 1 },
      s2: { a: 1 },
      s3: { b: 1 },
      slo: { c: 5 },
    };
    const result = tallyVotes(session, ballots, profiles, 1);
    expect(result.splitMinVoters).toBe(3);
    const keys = (by: 'byHelix' | 'byRegion') =>
      new Set(result.cards.flatMap((c) => Object.keys(c[by])));
    expect(keys('byRegion')).not.toContain('slovenia');
    expect(keys('byHelix')).not.toContain('government');
    // "other" would hold only Slovenia's voter: the smallest region (of equal ones, the first by
    // name) joins it, and the same for helices; what is left still tells the rooms apart.
    expect([...keys('byRegion')].sort()).toEqual(['other', 'tyrol'].sort());
    expect([...keys('byHelix')].sort()).toEqual(['other', 'research'].sort());
    const c = result.cards.find((card) => card.cardId === 'c')!;
    expect(c).toMatchObject({
      total: 6,
      byRegion: { other: 6 },
      byHelix: { research: 1, other: 5 },
    });
    // Totals are still exact.
    expect(result.cards.map((card) => [card.cardId, card.total])).toEqual([
      ['c', 6],
      ['a', 4],
      ['b', 4],
    ]);
    expect(recoverableFew(result, profiles, Object.keys(ballots))).toEqual([]);
  });

  it('leaves the split out when fewer than two groups of 3 remain', () => {
    const profiles: Record<string, Profile> = {
      a1: { helix: 'business', regionId: 'tyrol' },
      a2: { helix: 'business', regionId: 'tyrol' },
      a3: { helix: 'research', regionId: 'tyrol' },
      b1: { helix: 'research', regionId: 'slovenia' },
    };
    const result = tallyVotes(
      session,
      { a1: { a: 1 }, a2: { a: 1 }, a3: { b: 2 }, b1: { c: 4 } },
      profiles,
      1,
    );
    for (const card of result.cards) {
      expect(card.byHelix).toEqual({});
      expect(card.byRegion).toEqual({});
    }
    expect(result.cards.map((card) => card.total)).toEqual([4, 2, 2]);
  });

  it('closes the subtraction between the two splits (a region wholly inside one helix)', () => {
    // Business has 4 voters, 3 of them the whole of Tyrol: business − Tyrol would be b4 alone.
    const profiles: Record<string, Profile> = {
      b1: { helix: 'business', regionId: 'tyrol' },
      b2: { helix: 'business', regionId: 'tyrol' },
      b3: { helix: 'business', regionId: 'tyrol' },
      b4: { helix: 'business', regionId: 'slovenia' },
      r1: { helix: 'research', regionId: 'slovenia' },
      r2: { helix: 'research', regionId: 'slovenia' },
      r3: { helix: 'research', regionId: 'slovenia' },
    };
    const ballots = Object.fromEntries(
      Object.keys(profiles).map((id, i) => [id, { [session.cardIds[i % 3]!]: 1 + (i % 2) }]),
    );
    const result = tallyVotes(session, ballots, profiles, 1);
    expect(recoverableFew(result, profiles, Object.keys(profiles))).toEqual([]);
    // With the rule off, b4's dots are plain to see.
    const raw = tallyVotes(session, ballots, profiles, 1, { splitMinVoters: 1 });
    expect(recoverableFew(raw, profiles, Object.keys(profiles))).toContainEqual(['b4']);
  });

  it('for any room and any ballots, no one or two voters can be told apart (property)', () => {
    const helices = ['business', 'research', 'government', 'civil-society', 'cluster', null];
    const regions = ['tyrol', 'south-tyrol', 'slovenia', 'bavaria', ''];
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            helix: fc.constantFrom(...helices),
            regionId: fc.constantFrom(...regions),
            card: fc.constantFrom('a', 'b', 'c'),
            dots: fc.integer({ min: 1, max: 5 }),
          }),
          { maxLength: 14 },
        ),
        (people) => {
          const profiles: Record<string, Profile> = {};
          const ballots: Record<string, Allocation> = {};
          people.forEach((p, i) => {
            profiles[`p${i}`] = { helix: p.helix, regionId: p.regionId };
            ballots[`p${i}`] = { [p.card]: p.dots };
          });
          const result = tallyVotes(session, ballots, profiles, 1);
          expect(recoverableFew(result, profiles, Object.keys(ballots))).toEqual([]);
          // Every shown number pools at least 3 voters.
          for (const set of publishedSets(result, profiles, Object.keys(ballots)).slice(1)) {
            expect(set.length).toBeGreaterThanOrEqual(3);
          }
          expect(result.cards.reduce((sum, c) => sum + c.total, 0)).toBe(
            people.reduce((sum, p) => sum + p.dots, 0),
          );
        },
      ),
      { numRuns: 300 },
    );
  });
});
