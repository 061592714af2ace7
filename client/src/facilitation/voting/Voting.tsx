/**
 * Everything voting puts over the board, mounted once by the workshop page: the vote bar, the
 * ballot sheet, the results dialog (opened for everyone when a vote is revealed live) and, on the
 * wall screen, the revealed results in large type.
 */
import { useEffect, useRef } from 'react';
import type * as Y from 'yjs';
import { useRoom } from '@client/connection/control';
import { BallotSheet } from './BallotSheet';
import { ResultsDialog } from './ResultsDialog';
import { useCurrentVote } from './useVoting';
import { useVotingUi } from './votingUi';
import { VoteBar } from './VoteBar';
import { WallResults } from './WallResults';

export function Voting({ doc }: { doc: Y.Doc | null }) {
  const { role, archived } = useRoom();
  const vote = useCurrentVote();
  const resultsFor = useVotingUi((s) => s.resultsFor);
  const ballotOpen = useVotingUi((s) => s.ballotOpen);
  const { showResults, showBallot } = useVotingUi.getState();

  // A reveal seen live opens the results for everyone (not a reload of an old reveal).
  const seen = useRef<{ id: string; status: string } | null>(null);
  useEffect(() => {
    const before = seen.current;
    seen.current = vote ? { id: vote.id, status: vote.status } : null;
    if (role === 'projector' || !vote || vote.status !== 'revealed') return;
    if (before?.id === vote.id && before.status !== 'revealed') showResults(vote.id);
  }, [vote, role, showResults]);

  // Nothing of this workshop's voting stays open on the next page.
  useEffect(
    () => () => {
      showResults(null);
      showBallot(false);
    },
    [showResults, showBallot],
  );

  // The ballot closes with the vote.
  const votingOpen = vote?.status === 'open';
  useEffect(() => {
    if (!votingOpen) showBallot(false);
  }, [votingOpen, showBallot]);

  return (
    <>
      {/* Archived: the results stay in the vote menu and the record, not over every board. */}
      {!archived && <VoteBar />}
      {role === 'projector' && <WallResults doc={doc} />}
      {ballotOpen && votingOpen && <BallotSheet doc={doc} onClose={() => showBallot(false)} />}
      {resultsFor && role !== 'projector' && (
        <ResultsDialog doc={doc} voteId={resultsFor} onClose={() => showResults(null)} />
      )}
    </>
  );
}
