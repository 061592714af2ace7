/** The wall screen, once a vote is revealed: its results over the board, in large type. */
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import { ResultsView } from './ResultsView';
import { useCurrentVote, useVoteResults } from './useVoting';

export function WallResults({ doc }: { doc: Y.Doc | null }) {
  const { t } = useTranslation();
  const vote = useCurrentVote();
  const results = useVoteResults(doc);
  if (vote?.status !== 'revealed') return null;
  const result = results.find((r) => r.voteId === vote.id);
  if (!result) return null;
  return (
    <section
      className="wall-results"
      aria-label={t('voting.bar.revealed')}
      data-testid="wall-results"
    >
      <ResultsView result={result} doc={doc} wall />
    </section>
  );
}
