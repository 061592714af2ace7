/** Dot voting rules and the tally by helix and region. */
import { describe, expect, it } from 'vitest';
import { applyControlCommand, controlCommandSchema } from '../../shared/control/commands';
import { initialControlState } from '../../shared/control/state';
import { castDot, remainingDots, tallyVotes, type VoteSession } from '../../shared/control/votes';

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
    );
    expect(result).toMatchObject({ voteId: 'v1', voters: 3, revealedAt: 99 });
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
