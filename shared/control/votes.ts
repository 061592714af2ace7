/**
 * Secret dot voting. The facilitator opens a vote on a set of cards with a budget of dots per person
 * and a maximum per card. Ballots are held by the server only (never in the Y.Doc, never broadcast)
 * until the facilitator reveals: then totals, and totals split by helix and by region, are written
 * into the workshop doc (`doc.getMap('voteResults')`) and become part of the record. The splits are
 * made safe first (see `protectSplits`): no split ever shows the dots of fewer than
 * `splitMinVoters` people.
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

/**
 * Turnout of a running vote, for the facilitator and the wall: how many people have given at least
 * one dot (taking every dot back un-counts them), out of how many could vote now, i.e. the
 * participants online plus anyone who has voted (so `voted <= eligible`). Counts only: who voted
 * what never leaves the server.
 */
export interface VoteTurnout {
  voteId: string;
  voted: number;
  eligible: number;
}

export function voteTurnout(
  voteId: string,
  ballots: Record<string, Allocation>,
  people: readonly { id: string; role: string; online: boolean }[],
): VoteTurnout {
  const voted = new Set(
    Object.entries(ballots)
      .filter(([, allocation]) => Object.values(allocation ?? {}).some((n) => n > 0))
      .map(([id]) => id),
  );
  const eligible = new Set(voted);
  for (const p of people) if (p.role === 'participant' && p.online) eligible.add(p.id);
  return { voteId, voted: voted.size, eligible: eligible.size };
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
  /**
   * The privacy threshold the splits were made with: groups of fewer voters were merged into
   * VOTE_SPLIT_OTHER, or the split left out ({}). Missing on results revealed before the rule.
   */
  splitMinVoters?: number;
}

/** The split key of the merged small groups (helix or region), shown as "other". */
export const VOTE_SPLIT_OTHER = 'other';
/** Fewest voters a group of a split must have to be shown on its own (VOTE_SPLIT_MIN_VOTERS). */
export const DEFAULT_SPLIT_MIN_VOTERS = 3;

/** Which shown key each group's dots go to (its own, or VOTE_SPLIT_OTHER); null: no split. */
type GroupMap = Map<string, string> | null;

/**
 * One dimension's groups (helix values or regions) → the keys shown. Voters are counted per group
 * (people who gave at least one dot in the vote, not dots). `coarsen` extra steps each take one
 * more group out of the split (the smallest kept ones go to "other").
 *
 * 1. A group with fewer than `min` voters goes to "other" (a group called "other" always does).
 * 2. While "other" holds 1 to min − 1 voters, the smallest kept group joins it: else "other" would
 *    show those few people's dots, or subtracting every kept group from the card's total would.
 * 3. A split needs at least two shown groups: one group is only the total again (and with fewer
 *    than `min` voters in all there is nothing safe to show), so then there is no split (null).
 */
function mergeSmallGroups(groupOf: string[], min: number, coarsen: number): GroupMap {
  const sizes = new Map<string, number>();
  for (const key of groupOf) sizes.set(key, (sizes.get(key) ?? 0) + 1);
  const kept = [...sizes]
    .filter(([key, n]) => key !== VOTE_SPLIT_OTHER && n >= min)
    .sort(([ka, a], [kb, b]) => a - b || ka.localeCompare(kb));
  let other = groupOf.length - kept.reduce((sum, [, n]) => sum + n, 0);
  while (other > 0 && other < min && kept.length > 0) other += kept.shift()![1];
  for (let step = 0; step < coarsen && kept.length > 0; step++) {
    // Each step leaves one group fewer shown: with "other" empty, two kept groups form it.
    if (other === 0 && kept.length > 1) other += kept.shift()![1];
    other += kept.shift()![1];
  }
  if (kept.length + (other > 0 ? 1 : 0) < 2) return null;
  const shown = new Set(kept.map(([key]) => key));
  return new Map([...sizes.keys()].map((key) => [key, shown.has(key) ? key : VOTE_SPLIT_OTHER]));
}

/**
 * Whether the two splits together give away the dots of 1 to min − 1 people. Both splits are sums
 * over groups of voters, so anyone can add and subtract them: the helix split's sum for a set of
 * helix groups, minus the region split's sums of the regions whose voters all lie in those helix
 * groups, is the sum of the voters of those helix groups in the remaining regions (e.g. "Business"
 * minus a region whose voters are all in business). Every sum that can be recovered so is a union
 * of such "cuts" (a set of helix groups against the regions wholly inside it), so checking every
 * set of helix groups (at most 2^7) finds any small one.
 */
function splitsExposeFew(
  people: { helix: string; region: string }[],
  helix: Map<string, string>,
  region: Map<string, string>,
  min: number,
): boolean {
  const cells = new Map<string, Map<string, number>>();
  for (const p of people) {
    const h = helix.get(p.helix)!;
    const r = region.get(p.region)!;
    const row = cells.get(r) ?? new Map<string, number>();
    row.set(h, (row.get(h) ?? 0) + 1);
    cells.set(r, row);
  }
  const helixKeys = [...new Set(helix.values())];
  if (helixKeys.length > 12) return true;
  for (let mask = 1; mask < 2 ** helixKeys.length - 1; mask++) {
    const chosen = new Set(helixKeys.filter((_, i) => mask & (1 << i)));
    let cut = 0;
    for (const row of cells.values()) {
      // A region whose voters all lie in the chosen groups subtracts away whole.
      if ([...row.keys()].every((h) => chosen.has(h))) continue;
      for (const [h, n] of row) if (chosen.has(h)) cut += n;
    }
    if (cut > 0 && cut < min) return true;
  }
  return false;
}

/**
 * The rule that keeps a revealed vote secret: which helix and region keys the splits show, so
 * that no sum of fewer than `min` people's dots can be read off them, alone or together (each
 * shown number pools at least `min` voters, "other" included, and no subtraction between the two
 * splits isolates fewer). Each split is merged on its own (mergeSmallGroups); while the two
 * together still give a few people away, the split with more groups (regions on a tie) loses its
 * smallest group to "other", down to no split at all. `min` ≤ 1 turns the rule off.
 */
export function protectSplits(
  people: { helix: string; region: string }[],
  min: number,
): { helix: GroupMap; region: GroupMap } {
  if (min <= 1) {
    const same = (keys: string[]) => new Map(keys.map((k) => [k, k]));
    return {
      helix: same(people.map((p) => p.helix)),
      region: same(people.map((p) => p.region)),
    };
  }
  let coarsenHelix = 0;
  let coarsenRegion = 0;
  for (;;) {
    const helix = mergeSmallGroups(
      people.map((p) => p.helix),
      min,
      coarsenHelix,
    );
    const region = mergeSmallGroups(
      people.map((p) => p.region),
      min,
      coarsenRegion,
    );
    if (!helix || !region || !splitsExposeFew(people, helix, region, min)) {
      return { helix, region };
    }
    if (new Set(helix.values()).size > new Set(region.values()).size) coarsenHelix++;
    else coarsenRegion++;
  }
}

/**
 * Tallies ballots: `voters` maps each voter to their helix and region ('' when unknown; people
 * without a helix count under 'unspecified'). Equal totals share a rank. The splits by helix and by
 * region follow `protectSplits` with `splitMinVoters` (default 3): what is revealed never shows
 * the dots of a group of fewer voters.
 */
export function tallyVotes(
  vote: VoteSession,
  ballots: Record<string, Allocation>,
  voters: Record<string, { helix: string | null; regionId: string }>,
  revealedAt: number,
  { splitMinVoters = DEFAULT_SPLIT_MIN_VOTERS }: { splitMinVoters?: number } = {},
): VoteResult {
  const cards = new Map<string, CardVoteResult>(
    vote.cardIds.map((cardId) => [
      cardId,
      { cardId, total: 0, byHelix: {}, byRegion: {}, rank: 0 },
    ]),
  );
  const counted: { helix: string; region: string; allocation: [CardVoteResult, number][] }[] = [];
  for (const [identityId, allocation] of Object.entries(ballots)) {
    const profile = voters[identityId] ?? { helix: null, regionId: '' };
    const given: [CardVoteResult, number][] = [];
    for (const [cardId, dots] of Object.entries(allocation)) {
      const card = cards.get(cardId);
      if (card && dots > 0) given.push([card, dots]);
    }
    if (given.length === 0) continue;
    counted.push({
      helix: profile.helix ?? 'unspecified',
      region: profile.regionId || 'unspecified',
      allocation: given,
    });
  }
  const groups = protectSplits(counted, splitMinVoters);
  for (const { helix, region, allocation } of counted) {
    const h = groups.helix?.get(helix);
    const r = groups.region?.get(region);
    for (const [card, dots] of allocation) {
      card.total += dots;
      if (h !== undefined) card.byHelix[h] = (card.byHelix[h] ?? 0) + dots;
      if (r !== undefined) card.byRegion[r] = (card.byRegion[r] ?? 0) + dots;
    }
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
    voters: counted.length,
    revealedAt,
    cards: sorted,
    splitMinVoters,
  };
}
