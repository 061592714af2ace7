/** A refused dot, explained for a few seconds (in the vote bar and in the ballot sheet). */
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { BallotView } from './ballotStore';
import { useBallotStore } from './useVoting';

/** How long a refused dot is explained. */
const REFUSAL_MS = 4000;

export function RefusalNote({ ballot, maxPerCard }: { ballot: BallotView; maxPerCard: number }) {
  const { t } = useTranslation();
  const store = useBallotStore();
  const refusal = ballot.refusal;
  useEffect(() => {
    if (!refusal || !store) return;
    const timer = setTimeout(() => store.clearRefusal(refusal.id), REFUSAL_MS);
    return () => clearTimeout(timer);
  }, [refusal, store]);
  if (!refusal) return null;
  return (
    <p className="vote-bar__refusal" role="alert" data-testid="vote-refusal" key={refusal.id}>
      {t(`voting.refusal.${refusal.reason}`, { max: maxPerCard })}
    </p>
  );
}
