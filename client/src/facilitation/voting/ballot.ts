/**
 * A participant's ballot on the client: the rules checked before a dot is sent (so a refused dot is
 * explained at once, in the person's language), and the optimistic view of dots still in flight.
 * The server applies the same rules (shared/control/votes.ts castDot) and has the last word.
 */
import { castDot, type Allocation, type VoteSession } from '@shared/control/votes';

export type DotRefusal =
  'closed' | 'notInVote' | 'noDotsLeft' | 'maxPerCard' | 'noneToTakeBack' | 'notJoined' | 'failed';

type VoteRules = Pick<VoteSession, 'cardIds' | 'budget' | 'maxPerCard' | 'status'>;

export function dotsOn(allocation: Allocation, cardId: string): number {
  return allocation[cardId] ?? 0;
}

export function dotsUsed(allocation: Allocation): number {
  return Object.values(allocation).reduce((sum, n) => sum + n, 0);
}

/** Why one dot (+1 or −1) on `cardId` would be refused, or null when it is allowed. */
export function dotRefusal(
  vote: VoteRules,
  allocation: Allocation,
  cardId: string,
  delta: 1 | -1,
): DotRefusal | null {
  if (vote.status !== 'open') return 'closed';
  if (!vote.cardIds.includes(cardId)) return 'notInVote';
  const current = dotsOn(allocation, cardId);
  if (delta === 1 && dotsUsed(allocation) >= vote.budget) return 'noDotsLeft';
  if (delta === 1 && current >= vote.maxPerCard) return 'maxPerCard';
  if (delta === -1 && current === 0) return 'noneToTakeBack';
  return null;
}

/** The server's (English) refusal of a dot, as a reason the UI can word. */
export function refusalFromServer(error: string): DotRefusal {
  if (error === 'join as a person to vote') return 'notJoined';
  if (error === 'no dots left') return 'noDotsLeft';
  if (error.startsWith('at most ')) return 'maxPerCard';
  if (error === 'the vote is closed' || error === 'that vote is not running') return 'closed';
  if (error === 'that card is not in this vote') return 'notInVote';
  if (error === 'no dot on that card to take back') return 'noneToTakeBack';
  return 'failed';
}

/** What the person sees: the server's last answer with the dots still in flight applied on top. */
export function withPending(
  vote: VoteRules,
  confirmed: Allocation,
  pending: readonly { cardId: string; delta: 1 | -1 }[],
): Allocation {
  let allocation = confirmed;
  for (const dot of pending) {
    const cast = castDot(vote, allocation, dot.cardId, dot.delta);
    if (cast.ok) allocation = cast.allocation;
  }
  return allocation;
}
