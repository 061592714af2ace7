/**
 * Revealed vote results, written by the server into the workshop doc so they are part of the board
 * and of the record:
 *   doc.getMap('voteResults')   Y.Map<voteId, VoteResult> (plain objects, written once at reveal)
 */
import type * as Y from 'yjs';
import type { VoteResult } from '../control/votes';

export function voteResultsMap(doc: Y.Doc): Y.Map<VoteResult> {
  return doc.getMap('voteResults');
}

export function writeVoteResult(doc: Y.Doc, result: VoteResult): void {
  voteResultsMap(doc).set(result.voteId, result);
}

/** Every revealed vote, oldest first. */
export function listVoteResults(doc: Y.Doc): VoteResult[] {
  return [...voteResultsMap(doc).values()]
    .filter((r) => typeof r === 'object' && r !== null && Array.isArray(r.cards))
    .sort((a, b) => a.revealedAt - b.revealedAt);
}
