/**
 * The vote bar, floating over the board while a vote runs, for everyone: the question, its state,
 * and (for a person who joined) the dots left, drawn as dots, with "My dots" to vote from a list.
 * Facilitators close, reveal, cancel (after a confirmation) and finish from here. Votes are secret:
 * nobody, the facilitator included, sees a card's count before the reveal; the facilitator and the
 * wall see the turnout (how many have voted), as private writing shows its count.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ControlCommandInput } from '@shared/control/commands';
import type { VoteSession } from '@shared/control/votes';
import { Icon } from '@client/ui/Icon';
import { useControl, useRoom, useVoteTurnout } from '@client/connection/control';
import type { BallotView } from './ballotStore';
import { RefusalNote } from './RefusalNote';
import { useBallot, useCurrentVote } from './useVoting';
import { useVotingUi } from './votingUi';
import { VoteIcon } from './VoteIcon';
import { serverErrorText } from '@client/connection/api/serverErrorText';

/** Dots left are drawn one by one up to this budget; above it only the words say it. */
const MAX_DRAWN_BUDGET = 12;

export function VoteBar() {
  const { t } = useTranslation();
  const vote = useCurrentVote();
  const ballot = useBallot();
  const { role } = useRoom();
  if (!vote) return null;
  // The wall shows the results themselves (WallResults) once revealed.
  if (role === 'projector' && vote.status === 'revealed') return null;

  const title = vote.title || t('voting.untitled');
  const state =
    vote.status === 'open'
      ? t('voting.bar.open')
      : vote.status === 'closed'
        ? t('voting.bar.closed')
        : t('voting.bar.revealed');
  return (
    <section
      className={`vote-bar vote-bar--${vote.status}${role === 'projector' ? ' vote-bar--wall' : ''}`}
      aria-label={t('voting.bar.label', { title })}
      data-testid="vote-bar"
      data-status={vote.status}
    >
      <span className="vote-bar__icon">
        <VoteIcon size={role === 'projector' ? 28 : 18} />
      </span>
      <div className="vote-bar__text">
        <span className="vote-bar__state" data-testid="vote-bar-state">
          {state}
        </span>
        <span className="vote-bar__title" data-testid="vote-bar-title" title={title}>
          {title}
        </span>
      </div>
      {role !== 'participant' && vote.status !== 'revealed' && <Turnout voteId={vote.id} />}
      <VoteBarStatus vote={vote} ballot={ballot} />
      {role === 'facilitator' && <FacilitatorActions vote={vote} />}
      {role !== 'facilitator' && vote.status === 'revealed' && <ShowResultsButton vote={vote} />}
      <RefusalNote ballot={ballot} maxPerCard={vote.maxPerCard} />
    </section>
  );
}

/** "k of n have voted": n is the participants online plus anyone who has voted. */
function Turnout({ voteId }: { voteId: string }) {
  const { t } = useTranslation();
  const turnout = useVoteTurnout(voteId);
  if (!turnout) return null;
  return (
    <p
      className="vote-bar__turnout"
      role="status"
      title={t('voting.bar.turnoutHint')}
      data-testid="vote-turnout"
      data-voted={turnout.voted}
      data-eligible={turnout.eligible}
    >
      {t('voting.bar.turnout', { count: turnout.voted, eligible: turnout.eligible })}
    </p>
  );
}

/** What this person can do now: dots left and "My dots", or why they cannot vote, or wait. */
function VoteBarStatus({ vote, ballot }: { vote: VoteSession; ballot: BallotView }) {
  const { t } = useTranslation();
  const { role } = useRoom();
  const showBallot = useVotingUi((s) => s.showBallot);
  if (vote.status === 'revealed') return null;
  if (vote.status === 'closed') {
    return (
      <p className="vote-bar__note" role="status" data-testid="vote-bar-waiting">
        {t('voting.bar.waiting')}
      </p>
    );
  }
  if (role === 'projector') {
    return (
      <p className="vote-bar__note">
        {t('voting.bar.onYourDevice')} ·{' '}
        {t('voting.bar.rules', { budget: vote.budget, max: vote.maxPerCard })}
      </p>
    );
  }
  if (ballot.canVote === false) {
    return (
      <p className="vote-bar__note" data-testid="vote-bar-not-joined">
        {role === 'facilitator' ? t('voting.bar.secret') : t('voting.bar.notJoined')}
      </p>
    );
  }
  return (
    <>
      <div
        className="vote-bar__budget"
        data-testid="vote-budget"
        data-remaining={ballot.remaining}
        title={t('voting.bar.rules', { budget: vote.budget, max: vote.maxPerCard })}
      >
        {vote.budget <= MAX_DRAWN_BUDGET && (
          <span className="vote-bar__dots" aria-hidden="true">
            {Array.from({ length: vote.budget }, (_, i) => (
              <span key={i} className={i < ballot.remaining ? 'vote-dot is-on' : 'vote-dot'} />
            ))}
          </span>
        )}
        <span className="vote-bar__left" aria-live="polite">
          {t('voting.bar.dotsLeft', { count: ballot.remaining, budget: vote.budget })}
        </span>
      </div>
      <button
        type="button"
        className="button button--primary vote-bar__ballot"
        title={t('voting.bar.ballotHint')}
        data-testid="vote-ballot-open"
        onClick={() => showBallot(true)}
      >
        {t('voting.bar.ballot')}
      </button>
    </>
  );
}

function ShowResultsButton({ vote }: { vote: VoteSession }) {
  const { t } = useTranslation();
  const showResults = useVotingUi((s) => s.showResults);
  return (
    <button
      type="button"
      className="button button--primary"
      data-testid="vote-show-results"
      onClick={() => showResults(vote.id)}
    >
      {t('voting.bar.showResults')}
    </button>
  );
}

function FacilitatorActions({ vote }: { vote: VoteSession }) {
  const { t } = useTranslation();
  const control = useControl();
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const send = async (command: ControlCommandInput) => {
    if (!control || busy) return;
    setBusy(true);
    setError(null);
    const reply = await control.send(command);
    setBusy(false);
    setConfirming(false);
    if (!reply.ok) setError(serverErrorText(t, reply));
  };

  if (confirming) {
    return (
      <div className="vote-bar__actions" role="alertdialog" aria-label={t('voting.bar.cancel')}>
        <span className="vote-bar__confirm">{t('voting.bar.confirmCancel')}</span>
        <button
          type="button"
          className="button vote-bar__danger"
          data-testid="vote-cancel-confirm"
          disabled={busy}
          onClick={() => void send({ type: 'vote:cancel' })}
        >
          {t('voting.bar.confirmYes')}
        </button>
        <button
          type="button"
          className="button button--ghost"
          autoFocus
          onClick={() => setConfirming(false)}
        >
          {t('voting.bar.confirmNo')}
        </button>
      </div>
    );
  }
  return (
    <div className="vote-bar__actions">
      {vote.status === 'open' && (
        <button
          type="button"
          className="button"
          data-testid="vote-close"
          disabled={busy}
          onClick={() => void send({ type: 'vote:close' })}
        >
          <Icon name="lock" size={15} />
          {t('voting.bar.close')}
        </button>
      )}
      {vote.status !== 'revealed' && (
        <button
          type="button"
          className="button button--primary"
          data-testid="vote-reveal"
          disabled={busy}
          onClick={() => void send({ type: 'vote:reveal' })}
        >
          <Icon name="eye" size={15} />
          {t('voting.bar.reveal')}
        </button>
      )}
      {vote.status === 'revealed' ? (
        <>
          <ShowResultsButton vote={vote} />
          <button
            type="button"
            className="button button--ghost"
            title={t('voting.bar.finishHint')}
            data-testid="vote-finish"
            disabled={busy}
            onClick={() => void send({ type: 'vote:cancel' })}
          >
            {t('voting.bar.finish')}
          </button>
        </>
      ) : (
        <button
          type="button"
          className="icon-button"
          aria-label={t('voting.bar.cancel')}
          title={t('voting.bar.cancel')}
          data-testid="vote-cancel"
          disabled={busy}
          onClick={() => setConfirming(true)}
        >
          <Icon name="close" size={16} />
        </button>
      )}
      {error && (
        <span className="vote-bar__error" role="alert">
          {t('voting.bar.error', { error })}
        </span>
      )}
    </div>
  );
}
