/**
 * On a card in the current vote: this person's dots on it, with − and + (keyboard reachable; + stays
 * focusable when no dot is left and says why). After a reveal, the card's rank badge instead.
 */
import type { SyntheticEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import { Icon } from '@client/ui/Icon';
import { useRoom } from '@client/connection/control';
import { dotRefusal, dotsOn } from './ballot';
import { useBallot, useBallotStore, useCardBadges, useCurrentVote } from './useVoting';

/** Dots are drawn one by one up to this; above it the count is written. */
const MAX_DRAWN_DOTS = 10;

/** Keeps a press on the control from dragging, selecting or opening the card under it. */
const stop = (event: SyntheticEvent) => event.stopPropagation();

interface CardVoteDotsProps {
  cardId: string;
  title: string;
  /** `row`: a full-width line (ballot sheet, lists); `card`: compact, on a board card. */
  variant?: 'card' | 'row';
}

export function CardVoteDots({ cardId, title, variant = 'card' }: CardVoteDotsProps) {
  const { t } = useTranslation();
  const vote = useCurrentVote();
  const ballot = useBallot();
  const store = useBallotStore();
  const { role } = useRoom();
  if (!vote || vote.status === 'revealed' || !vote.cardIds.includes(cardId)) return null;
  if (role === 'projector' || ballot.canVote === false) return null;

  const name = title || t('voting.untitledCard');
  const mine = dotsOn(ballot.allocation, cardId);
  const cannotGive = dotRefusal(vote, ballot.allocation, cardId, 1) !== null;
  const cannotTake = dotRefusal(vote, ballot.allocation, cardId, -1) !== null;
  const drawn = vote.maxPerCard <= MAX_DRAWN_DOTS;
  const cast = (delta: 1 | -1) => void store?.cast(cardId, delta);

  return (
    <div
      className={`vote-dots vote-dots--${variant}${mine > 0 ? ' has-dots' : ''}`}
      role="group"
      aria-label={t('voting.dots.group', { title: name })}
      data-testid="vote-dots"
      data-card-id={cardId}
      data-mine={mine}
      onPointerDown={stop}
      onClick={stop}
      onDoubleClick={stop}
      onKeyDown={(e) => {
        if (e.key === 'Enter' || e.key === ' ') stop(e);
      }}
    >
      <button
        type="button"
        className="vote-dots__button"
        aria-label={t('voting.dots.takeBack', { title: name })}
        aria-disabled={cannotTake}
        data-testid="vote-minus"
        onClick={() => cast(-1)}
      >
        <Icon name="minus" size={14} />
      </button>
      <span
        className="vote-dots__mine"
        title={t('voting.dots.countLabel', { count: mine })}
        data-testid="vote-mine"
      >
        {drawn ? (
          Array.from({ length: vote.maxPerCard }, (_, i) => (
            <span key={i} className={i < mine ? 'vote-dot is-on' : 'vote-dot'} aria-hidden="true" />
          ))
        ) : (
          <span aria-hidden="true">
            {t('voting.dots.count', { count: mine, max: vote.maxPerCard })}
          </span>
        )}
        <span className="visually-hidden" aria-live="polite">
          {t('voting.dots.countLabel', { count: mine })}
        </span>
      </span>
      <button
        type="button"
        className="vote-dots__button vote-dots__button--give"
        aria-label={t('voting.dots.give', { title: name })}
        aria-disabled={cannotGive}
        data-testid="vote-plus"
        onClick={() => cast(1)}
      >
        <Icon name="plus" size={14} />
      </button>
    </div>
  );
}

/**
 * The card's rank in the latest revealed vote ("#1 · 7"). Hidden while the card is in a vote still
 * running, so an old result does not sway the new one.
 */
export function VoteRankBadge({ cardId, doc }: { cardId: string; doc: Y.Doc }) {
  const { t } = useTranslation();
  const badges = useCardBadges(doc);
  const vote = useCurrentVote();
  const badge = badges.get(cardId);
  if (!badge) return null;
  if (vote && vote.status !== 'revealed' && vote.cardIds.includes(cardId)) return null;
  const podium = badge.rank <= 3 && badge.total > 0 ? ` vote-badge--${badge.rank}` : '';
  return (
    <span
      className={`vote-badge${podium}`}
      role="img"
      aria-label={t('voting.badge.label', {
        rank: badge.rank,
        of: badge.of,
        total: badge.total,
        vote: badge.voteTitle || t('voting.untitled'),
      })}
      title={badge.voteTitle || t('voting.untitled')}
      data-testid="vote-badge"
      data-rank={badge.rank}
      data-total={badge.total}
    >
      {t('voting.badge.text', { rank: badge.rank, total: badge.total })}
    </span>
  );
}
