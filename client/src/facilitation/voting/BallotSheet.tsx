/**
 * "My dots": every card of the vote in one list with its − / + control, whatever board the cards
 * are on (and the easy way on a phone). Only this person's own dots are shown.
 */
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import { CardVoteDots } from './CardVoteDots';
import { RefusalNote } from './RefusalNote';
import { useBallot, useCardLabels, useCurrentVote } from './useVoting';
import { ModalDialog } from '@client/ui/ModalDialog';
import { PanelHeader } from '@client/ui/PanelHeader';

export function BallotSheet({ doc, onClose }: { doc: Y.Doc | null; onClose: () => void }) {
  const { t } = useTranslation();
  const vote = useCurrentVote();
  const ballot = useBallot();
  const labelOf = useCardLabels(doc);
  const titleId = useId();
  if (!vote) return null;
  return (
    <ModalDialog
      className="dialog vote-sheet"
      labelledBy={titleId}
      testId="vote-ballot"
      onClose={onClose}
    >
      <PanelHeader
        className="vote-dialog__header"
        titleId={titleId}
        titleClassName="dialog__title"
        title={t('voting.ballot.title')}
        closeLabel={t('voting.dialog.close')}
        onClose={onClose}
      />
      <p className="vote-sheet__question">{vote.title || t('voting.untitled')}</p>
      <p className="dialog__text">{t('voting.ballot.intro')}</p>
      <p className="vote-sheet__left" aria-live="polite">
        {t('voting.bar.dotsLeft', { count: ballot.remaining, budget: vote.budget })} ·{' '}
        {t('voting.bar.rules', { budget: vote.budget, max: vote.maxPerCard })}
      </p>
      <ul className="vote-sheet__list">
        {vote.cardIds.map((cardId) => {
          const label = labelOf(cardId);
          const title = label.title || t('voting.untitledCard');
          return (
            <li key={cardId} className="vote-sheet__item" data-testid="vote-ballot-item">
              <span className="vote-sheet__title">
                {label.removed ? t('voting.removedCard', { title }) : title}
              </span>
              <CardVoteDots cardId={cardId} title={title} variant="row" />
            </li>
          );
        })}
      </ul>
      <RefusalNote ballot={ballot} maxPerCard={vote.maxPerCard} />
      <div className="dialog__actions">
        <button type="button" className="button button--primary" onClick={onClose}>
          {t('voting.ballot.done')}
        </button>
      </div>
    </ModalDialog>
  );
}
