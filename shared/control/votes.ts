/**
 * Secret dot voting. The facilitator opens a vote on a set of cards with a budget of dots per person
 * and a maximum per card. Ballots are held by the server only (never in the Y.Doc, never broadcast)
 * until the facilitator reveals: then totals, and totals split by helix and by region, are written
 * into the workshop doc (`doc.getMap('voteResults')`) and become part of the record.
 */
import { z } from 'zod';

export const voteSessionSchema = z.object({
  id: z.string().min(1),
  title: z.string().max(200),
  cardIds: z.array(z.string().min(1).max(64)).min(1).max(300),
  budget: z.number().int().min(1).max(100),
  maxPerCard: z.number().int().min(1).max(100),
  status: z.enum(['open', 'closed', 'revealed']),
  openedAt: z.number(),
  closedAt: z.number().nullable(),
});
export type VoteSession = z.infer<typeof voteSessionSchema>;

export const openVoteSchema = z
  .object({
    type: z.literal('vote:open'),
    title: z.string().trim().max(200).default(''),
    cardIds: z
      .array(z.string().min(1).max(64))
      .min(1, 'choose at least one card')
      .max(300)
      .refine((ids) => new Set(ids).size === ids.length, 'cards must not repeat'),
    budget: z.number().int().min(1).max(100).default(5),
    maxPerCard: z.number().int().min(1).max(100).default(3),
  })
  .refine((v) => v.maxPerCard <= v.budget, {
    message: 'the maximum per card cannot exceed the budget',
    path: ['maxPerCard'],
  });

/** A participant's dots: card id → dots given. */
export type Allocation = Record<string, number>;

export const castVoteSchema = z.object({
  voteId: z.string().min(1).max(64),
  cardId: z.string().min(1).max(64),
  /** Add (1) or take back (-1) one dot. */
  delta: z.union([z.literal(1), z.literal(-1)]),
});

/** What a participant sees of their own ballot (and only of theirs). */
export interface MyBallot {
  voteId: string;
  allocation: Allocation;
  remaining: number;
}

/** Applies one dot to a ballot within the vote's rules; returns the new allocation or an error. */
export function castDot(
  vote: Pick<VoteSession, 'cardIds' | 'budget' | 'maxPerCard' | 'status'>,
  allocation: Allocation,
  cardId: string,
  delta: 1 | -1,
): { ok: true; allocation: Allocation } | { ok: false; error: string } {
  if (vote.status !== 'open') return { ok: false, error: 'the vote is closed' };
  if (!vote.cardIds.includes(cardId)) return { ok: false, error: 'that card is not in this vote' };
  const current = allocation[cardId] ?? 0;
  const used = Object.values(allocation).reduce((sum, n) => sum + n, 0);
  if (delta === 1 && used >= vote.budget) return { ok: false, error: 'no dots left' };
  if (delta === 1 && current >= vote.maxPerCard) {
    return { ok: false, error: `at most ${vote.maxPerCard} dots per card` };
  }
  if (delta === -1 && current === 0)
    return { ok: false, error: 'no dot on that card to take back' };
  const next = { ...allocation, [cardId]: current + delta };
  if (next[cardId] === 0) delete next[cardId];
  return { ok: true, allocation: next };
}

export function remainingDots(vote: Pick<VoteSession, 'budget'>, allocation: Allocation): number {
  return vote.budget - Object.values(allocation).reduce((sum, n) => sum + n, 0);
}

/** The result of one card: its total, split by helix and by region, and its rank (1 = most dots). */
export interface CardVoteResult {
  cardId: string;
  total: number;
  byHelix: Record<string, number>;
  byRegion: Record<string, number>;
  rank: number;
}

export interface VoteResult {
  voteId: string;
  title: string;
  budget: number;
  maxPerCard: number;
  voters: number;
  revealedAt: number;
  cards: CardVoteResult[];
}

/**
 * Tallies ballots: `voters` maps each voter to their helix and region ('' when unknown; people
 * without a helix count under 'unspecified'). Equal totals share a rank.
 */
export function tallyVotes(
  vote: VoteSession,
  ballots: Record<string, Allocation>,
  voters: Record<string, { helix: string | null; regionId: string }>,
  revealedAt: number,
): VoteResult {
  const cards = new Map<string, CardVoteResult>(
    vote.cardIds.map((cardId) => [
      cardId,
      { cardId, total: 0, byHelix: {}, byRegion: {}, rank: 0 },
    ]),
  );
  let voterCount = 0;
  for (const [identityId, allocation] of Object.entries(ballots)) {
    const profile = voters[identityId] ?? { helix: null, regionId: '' };
    const helix = profile.helix ?? 'unspecified';
    const region = profile.regionId || 'unspecified';
    let gave = false;
    for (const [cardId, dots] of Object.entries(allocation)) {
      const card = cards.get(cardId);
      if (!card || dots <= 0) continue;
      gave = true;
      card.total += dots;
      card.byHelix[helix] = (card.byHelix[helix] ?? 0) + dots;
      card.byRegion[region] = (card.byRegion[region] ?? 0) + dots;
    }
    if (gave) voterCount++;
  }
  const sorted = [...cards.values()].sort((a, b) => b.total - a.total);
  sorted.forEach((card, i) => {
    card.rank = i > 0 && sorted[i - 1]!.total === card.total ? sorted[i - 1]!.rank : i + 1;
  });
  return {
    voteId: vote.id,
    title: vote.title,
    budget: vote.budget,
    maxPerCard: vote.maxPerCard,
    voters: voterCount,
    revealedAt,
    cards: sorted,
  };
}
