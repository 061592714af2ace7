/**
 * The voting UI's pure helpers: the dot rules checked before sending (they must agree with the
 * server's), the optimistic ballot, the "Start a vote" form check, the cards offered, and the
 * results as the charts and badges show them.
 */
import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { en } from '../../shared/i18n/locales/en';
import { castDot, tallyVotes, type Allocation, type VoteSession } from '../../shared/control/votes';
import { createActivity, createCard, setActivityStatus } from '../../shared/doc';
import {
  dotRefusal,
  refusalFromServer,
  withPending,
} from '../../client/src/facilitation/voting/ballot';
import {
  HELIX_ORDER,
  latestBadges,
  segmentsOf,
  splitKeys,
  splitLabel,
  splitTotals,
  type Translate,
} from '../../client/src/facilitation/voting/results';
import {
  activityCandidates,
  boardIdOf,
  candidatesByBoard,
  checkVoteForm,
  defaultChoice,
} from '../../client/src/facilitation/voting/voteSetup';

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

describe('dot rules on the client', () => {
  it('refuses exactly what the server refuses, with a reason the server error maps back to', () => {
    const ballots: Allocation[] = [{}, { a: 2 }, { a: 2, b: 1 }, { b: 1 }];
    const votes = [vote, { ...vote, status: 'closed' as const }];
    let refusals = 0;
    for (const v of votes) {
      for (const allocation of ballots) {
        for (const cardId of ['a', 'b', 'c', 'zz']) {
          for (const delta of [1, -1] as const) {
            const server = castDot(v, allocation, cardId, delta);
            const client = dotRefusal(v, allocation, cardId, delta);
            if (server.ok) {
              expect(client).toBeNull();
            } else {
              refusals++;
              expect(client).not.toBeNull();
              expect(refusalFromServer(server.error)).toBe(client);
            }
          }
        }
      }
    }
    expect(refusals).toBeGreaterThan(10);
  });

  it('maps the control plane refusals that are not about the rules', () => {
    expect(refusalFromServer('join as a person to vote')).toBe('notJoined');
    expect(refusalFromServer('that vote is not running')).toBe('closed');
    expect(refusalFromServer('timeout')).toBe('failed');
  });

  it('shows dots in flight on top of the last answer, skipping those the rules refuse', () => {
    const confirmed = { a: 1 };
    const shown = withPending(vote, confirmed, [
      { cardId: 'a', delta: 1 },
      { cardId: 'a', delta: 1 }, // a third dot on "a": over the maximum, not shown
      { cardId: 'b', delta: 1 },
      { cardId: 'c', delta: 1 }, // over the budget
    ]);
    expect(shown).toEqual({ a: 2, b: 1 });
    expect(confirmed).toEqual({ a: 1 });
    expect(withPending(vote, { a: 1 }, [{ cardId: 'a', delta: -1 }])).toEqual({});
  });
});

describe('the "Start a vote" form', () => {
  const form = { title: ' Top activities ', cardIds: ['a', 'b'], budget: '5', maxPerCard: '3' };

  it('gives the command the server expects', () => {
    expect(checkVoteForm(form)).toEqual({
      ok: true,
      command: {
        type: 'vote:open',
        title: 'Top activities',
        cardIds: ['a', 'b'],
        budget: 5,
        maxPerCard: 3,
      },
    });
  });

  it('names each wrong field', () => {
    expect(checkVoteForm({ ...form, cardIds: [] })).toEqual({
      ok: false,
      errors: { cards: 'required' },
    });
    expect(checkVoteForm({ ...form, budget: '', maxPerCard: '0' })).toEqual({
      ok: false,
      errors: { budget: 'range', maxPerCard: 'range' },
    });
    expect(checkVoteForm({ ...form, budget: '2.5' })).toMatchObject({
      errors: { budget: 'range' },
    });
    expect(checkVoteForm({ ...form, budget: '101' })).toMatchObject({
      errors: { budget: 'range' },
    });
    expect(checkVoteForm({ ...form, budget: '2', maxPerCard: '3' })).toEqual({
      ok: false,
      errors: { maxPerCard: 'aboveBudget' },
    });
    expect(checkVoteForm({ ...form, title: 'x'.repeat(201) })).toMatchObject({
      errors: { title: 'range' },
    });
  });
});

describe('the cards offered for a vote', () => {
  it('offers activities with candidates preselected, or the cards of the board on screen', () => {
    const doc = new Y.Doc();
    const first = createActivity(doc, { title: 'Digital tourism' });
    const second = createActivity(doc, { title: 'Alpine health' });
    const third = createActivity(doc, { title: 'Green hydrogen' });
    setActivityStatus(doc, second, 'parked');
    const note = createCard(doc, { title: 'A note' });
    const opportunity = createCard(doc, {
      type: 'opportunity',
      boardId: 'opportunity-board',
      title: 'AI',
    });

    const activities = activityCandidates(doc);
    expect(activities.map((a) => a.title).sort()).toEqual([
      'Alpine health',
      'Digital tourism',
      'Green hydrogen',
    ]);
    expect(defaultChoice(activities).sort()).toEqual([first, third].sort());
    setActivityStatus(doc, first, 'selected');
    setActivityStatus(doc, third, 'selected');
    // No candidate left: everything is offered preselected.
    expect(defaultChoice(activityCandidates(doc))).toHaveLength(3);

    const byBoard = candidatesByBoard(doc);
    expect(byBoard.get(boardIdOf('notes'))?.map((c) => c.id)).toEqual([note]);
    expect(byBoard.get(boardIdOf('opportunity-board'))?.map((c) => c.id)).toEqual([opportunity]);
    expect(byBoard.get(boardIdOf('activity-canvas'))).toHaveLength(3);
  });
});

describe('results for the charts and badges', () => {
  const session = { ...vote, cardIds: ['a', 'b', 'c'], budget: 5, maxPerCard: 5 };
  const result = tallyVotes(
    session,
    { anna: { a: 3, b: 1 }, ben: { a: 1, c: 2 }, carl: { b: 2 } },
    {
      anna: { helix: 'research', regionId: 'tyrol' },
      ben: { helix: 'business', regionId: 'slovenia' },
      carl: { helix: null, regionId: '' },
    },
    1000,
    // The privacy rule off: three one-person groups, to see the order of a full split.
    { splitMinVoters: 1 },
  );

  it('orders the split: helices canonically, regions as the workshop lists them, unspecified last', () => {
    expect(splitKeys(result.cards, 'byHelix', HELIX_ORDER)).toEqual([
      'business',
      'research',
      'unspecified',
    ]);
    expect(splitKeys(result.cards, 'byRegion', ['slovenia', 'tyrol'])).toEqual([
      'slovenia',
      'tyrol',
      'unspecified',
    ]);
    // A region no longer in the workshop still shows, before "unspecified".
    expect(splitKeys(result.cards, 'byRegion', ['tyrol'])).toEqual([
      'tyrol',
      'slovenia',
      'unspecified',
    ]);
    // The merged small groups of a protected split come last, after "unspecified".
    const merged = [{ ...result.cards[0]!, byRegion: { other: 2, unspecified: 1, tyrol: 3 } }];
    expect(splitKeys(merged, 'byRegion', ['tyrol'])).toEqual(['tyrol', 'unspecified', 'other']);
    const a = result.cards.find((c) => c.cardId === 'a')!;
    expect(segmentsOf(a, 'byHelix', HELIX_ORDER)).toEqual([
      { key: 'business', value: 1 },
      { key: 'research', value: 3 },
    ]);
    expect(Object.fromEntries(splitTotals(result.cards, 'byRegion'))).toEqual({
      tyrol: 4,
      slovenia: 3,
      unspecified: 2,
    });
  });

  it('badges each card with its latest rank', () => {
    const later = tallyVotes(
      { ...session, id: 'v2', title: 'Second round', cardIds: ['a', 'b'] },
      { anna: { b: 2 } },
      { anna: { helix: 'research', regionId: 'tyrol' } },
      2000,
    );
    const badges = latestBadges([result, later]);
    expect(badges.get('a')).toEqual({
      voteId: 'v2',
      voteTitle: 'Second round',
      rank: 2,
      total: 0,
      of: 2,
    });
    expect(badges.get('b')).toMatchObject({ rank: 1, total: 2 });
    expect(badges.get('c')).toMatchObject({ voteId: 'v1', rank: 3, total: 2, of: 3 });
  });
});

describe('results under the vote-privacy rule', () => {
  it('labels the merged small groups "Other (groups under 3 voters)" and no small group', async () => {
    // The app's English strings, as client/src/i18n sets them up.
    const i18n = i18next.createInstance();
    await i18n.init({
      resources: { en: { translation: en } },
      lng: 'en',
      interpolation: { escapeValue: false },
    });
    const t: Translate = (key, options) => i18n.t(key, options);
    const regions = [
      { id: 'tyrol', name: 'Tyrol' },
      { id: 'carinthia', name: 'Carinthia' },
      { id: 'slovenia', name: 'Western Slovenia' },
    ];
    const profiles = Object.fromEntries(
      [
        'tyrol',
        'tyrol',
        'tyrol',
        'carinthia',
        'carinthia',
        'carinthia',
        'carinthia',
        'slovenia',
      ].map((regionId, i) => [
        `p${i}`,
        { helix: i < 4 ? 'business' : i < 7 ? 'research' : 'government', regionId },
      ]),
    );
    const ballots = Object.fromEntries(Object.keys(profiles).map((id) => [id, { a: 1 }]));
    const result = tallyVotes({ ...vote, cardIds: ['a'] }, ballots, profiles, 1);
    const labels = (by: 'byHelix' | 'byRegion') =>
      splitKeys(result.cards, by, by === 'byHelix' ? HELIX_ORDER : regions.map((r) => r.id)).map(
        (key) => splitLabel(by, key, regions, result.splitMinVoters, t),
      );
    // Western Slovenia and the government helix (one voter each) never show on their own; with
    // "other" then holding one person, the smallest group joined it.
    expect(labels('byRegion')).toEqual(['Carinthia', 'Other (groups under 3 voters)']);
    expect(labels('byHelix')).toEqual(['Business', 'Other (groups under 3 voters)']);
    expect(t('voting.results.privacy', { min: 3 })).toBe(
      'To keep the vote secret, helices and regions with fewer than 3 voters are counted together as “other”.',
    );
    // A result from before the rule has no "other" group: the key is named as it is.
    expect(splitLabel('byHelix', 'research', regions, undefined, t)).toBe('Research');
    expect(splitLabel('byRegion', 'unspecified', regions, 3, t)).toBe('No region given');
  });
});
