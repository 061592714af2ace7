/** The opportunity part of a card on the board: kind, time horizon, group and source link. */
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { readOpportunity, type CardMap } from '@shared/doc';
import { useBoardContext } from '../board/boardContext';
import { useYValue } from '@client/sync/useY';
import { useOpportunityGroups } from './useGroups';
import { safeHref } from '@client/lib/safeHref';
import { notSetClass } from '../closedLabel';

export const OpportunitySlot = memo(function OpportunitySlot({ card }: { card: CardMap }) {
  const { t } = useTranslation();
  const { doc } = useBoardContext();
  const opportunity = useYValue(card, readOpportunity);
  const groups = useOpportunityGroups(doc);
  const group = opportunity.groupId ? groups.find((g) => g.id === opportunity.groupId) : undefined;
  // Not set reads as such (muted), never as a guessed kind or horizon.
  const kind = opportunity.kind
    ? t(`s3.opportunityKind.${opportunity.kind}`)
    : t('opportunityBoard.card.kindNotSet');
  const horizon = opportunity.horizon
    ? t(`s3.horizon.${opportunity.horizon}`)
    : t('opportunityBoard.card.horizonNotSet');
  return (
    <div className="opportunity-slot" data-testid="opportunity-slot">
      <span
        className={`kind-badge kind-badge--${opportunity.kind || 'not-set'}${notSetClass(opportunity.kind)}`}
        title={opportunity.kind ? t('opportunityBoard.card.kind', { kind }) : kind}
        data-testid="opportunity-kind"
      >
        {kind}
      </span>
      <span
        className={`opportunity-slot__horizon${notSetClass(opportunity.horizon)}`}
        title={opportunity.horizon ? t('opportunityBoard.card.horizon', { horizon }) : horizon}
        data-testid="opportunity-horizon"
      >
        {horizon}
      </span>
      {safeHref(opportunity.sourceUrl) && (
        <a
          className="opportunity-slot__source"
          href={safeHref(opportunity.sourceUrl)!}
          target="_blank"
          rel="noopener noreferrer nofollow"
          title={t('opportunityBoard.card.source')}
          aria-label={t('opportunityBoard.card.source')}
          onPointerDown={(e) => e.stopPropagation()}
        >
          ↗
        </a>
      )}
      {group && (
        <span
          className="opportunity-slot__group"
          title={t('opportunityBoard.card.group', { group: group.name })}
          data-testid="opportunity-group"
        >
          {group.name}
        </span>
      )}
    </div>
  );
});

export function OpportunityCardSlot({ card }: { cardId: string; card: CardMap }) {
  return <OpportunitySlot card={card} />;
}
