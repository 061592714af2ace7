/**
 * Revealed results as the charts show them: the split of a card's dots in a stable order (helices in
 * their canonical order, regions in the workshop's order, unknown ones after), and the latest rank
 * of each card for the badges on the boards.
 */
import { VOTE_SPLIT_OTHER, type CardVoteResult, type VoteResult } from '@shared/control/votes';
import { HELICES } from '@shared/domain/s3';

/** The key the server files dots under when the voter gave no helix or no region. */
export const UNSPECIFIED = 'unspecified';

export const HELIX_ORDER: readonly string[] = [...HELICES, UNSPECIFIED];

export type SplitBy = 'byHelix' | 'byRegion';

export interface Segment {
  key: string;
  value: number;
}

/** The key of a split's merged small groups (vote privacy), drawn last. */
export const OTHER = VOTE_SPLIT_OTHER;

/**
 * Every key used by any card of the result, in `preferred` order, others by name, then
 * unspecified, and the merged small groups ("other") last.
 */
export function splitKeys(
  cards: readonly CardVoteResult[],
  by: SplitBy,
  preferred: readonly string[],
): string[] {
  const used = new Set<string>();
  for (const card of cards) {
    for (const [key, dots] of Object.entries(card[by])) if (dots > 0) used.add(key);
  }
  const last = new Set([UNSPECIFIED, OTHER]);
  const known = preferred.filter((key) => !last.has(key) && used.has(key));
  const others = [...used]
    .filter((key) => !last.has(key) && !preferred.includes(key))
    .sort((a, b) => a.localeCompare(b));
  return [
    ...known,
    ...others,
    ...(used.has(UNSPECIFIED) ? [UNSPECIFIED] : []),
    ...(used.has(OTHER) ? [OTHER] : []),
  ];
}

/** The app's i18n `t`, as loosely as the split labels need it. */
export type Translate = (key: string, options?: Record<string, unknown>) => string;

/**
 * A split key as the charts name it: a helix by its S3 name, a region by the workshop's name for
 * it, and, in a result made under the vote-privacy rule (`minVoters`), the merged small groups as
 * "Other (groups under N voters)".
 */
export function splitLabel(
  by: SplitBy,
  key: string,
  regions: readonly { id: string; name: string }[],
  minVoters: number | undefined,
  t: Translate,
): string {
  if (key === OTHER && minVoters !== undefined) {
    return t('voting.results.other', { min: minVoters });
  }
  if (by === 'byHelix') {
    if ((HELICES as readonly string[]).includes(key)) return t(`s3.helix.${key}`);
    return key === UNSPECIFIED ? t('voting.results.noHelix') : key;
  }
  if (key === UNSPECIFIED) return t('voting.results.noRegion');
  return regions.find((r) => r.id === key)?.name ?? t('voting.results.unknownRegion');
}

/** One card's split as bar segments, in the order of `keys` (empty parts left out). */
export function segmentsOf(card: CardVoteResult, by: SplitBy, keys: readonly string[]): Segment[] {
  return keys
    .map((key) => ({ key, value: card[by][key] ?? 0 }))
    .filter((segment) => segment.value > 0);
}

/** Dots per key over all cards (the legend's numbers). */
export function splitTotals(cards: readonly CardVoteResult[], by: SplitBy): Map<string, number> {
  const totals = new Map<string, number>();
  for (const card of cards) {
    for (const [key, dots] of Object.entries(card[by])) {
      totals.set(key, (totals.get(key) ?? 0) + dots);
    }
  }
  return totals;
}

export interface CardBadge {
  voteId: string;
  voteTitle: string;
  rank: number;
  total: number;
  /** How many cards the vote ranked (for "1 of 6"). */
  of: number;
}

/** The latest revealed rank of every card that was in a vote (`results` oldest first). */
export function latestBadges(results: readonly VoteResult[]): Map<string, CardBadge> {
  const badges = new Map<string, CardBadge>();
  for (const result of results) {
    for (const card of result.cards) {
      badges.set(card.cardId, {
        voteId: result.voteId,
        voteTitle: result.title,
        rank: card.rank,
        total: card.total,
        of: result.cards.length,
      });
    }
  }
  return badges;
}

/** The largest total of a result (the scale of its bars; at least 1). */
export function maxTotal(result: Pick<VoteResult, 'cards'>): number {
  return Math.max(1, ...result.cards.map((c) => c.total));
}
