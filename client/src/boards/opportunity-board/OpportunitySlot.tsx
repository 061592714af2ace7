/** The opportunity part of a card on the board: kind, time horizon, group and source link. */
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { readOpportunity, type CardMap } from '../../../../shared/doc';
import { useBoardContext } from '../board/boardContext';
import { useYValue } from '../../sync/useY';
import { useOpportunityGroups } from './useGroups';
import { safeHref } from '../../lib/safeHref';

export const OpportunitySlot = memo(function OpportunitySlot({ card }: { card: CardMap }) {
  const { t } = useTranslation();
  const { doc } = useBoardContext();
  const opportunity = useYValue(card, readOpportunity);
  const groups = useOpportunityGroups(doc);
  const group = opportunity.groupId ? groups.find((g) => g.id === opportunity.groupId) : undefined;
  const kind = t(`s3.opportunityKind.${opportunity.kind}`);
  const horizon = t(`s3.horizon.${opportunity.horizon}`);
  return (
    <div className="opportunity-slot" data-testid="opportunity-slot">
      <span
        className={`kind-badge kind-badge--${opportunity.kind}`}
        title={t('opportunityBoard.card.kind', { kind })}
        data-testid="opportunity-kind"
      >
        {kind}
      </span>
      <span
        className="opportunity-slot__horizon"
        title={t('opportunityBoard.card.horizon', { horizon })}
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
