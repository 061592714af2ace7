/**
 * The side panel that edits every field of one opportunity: title (co-edited Y.Text), kind, time
 * horizon, source link, group and the rich-text description (Tiptap mounted only while editing it).
 */
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import {
  activitiesLinking,
  cardBody,
  cardsMap,
  cardTitle,
  deleteCard,
  readOpportunity,
  setCardTitle,
  setOpportunityGroup,
  updateOpportunity,
  type CardMap,
} from '@shared/doc';
import { OPPORTUNITY_KINDS, TIME_HORIZONS } from '@shared/domain/s3';
import { Icon } from '@client/ui/Icon';
import { PanelHeader } from '@client/ui/PanelHeader';
import { SidePanel } from '@client/ui/SidePanel';
import { useBoardStore } from '@client/store/boardStore';
import { asUndoStep } from '@client/sync/undo';
import { useCard } from '@client/sync/useCards';
import { useYValue } from '@client/sync/useY';
import { YTextField } from '../board/YTextField';
import { RichTextField } from '../board/RichTextField';
import { useOpportunityGroups } from './useGroups';
import { safeHref } from '@client/lib/safeHref';

const SOURCE_URL = /^https?:\/\/\S+$/i;

interface OpportunityPanelProps {
  doc: Y.Doc;
  cardId: string;
  canEdit: boolean;
  onClose: () => void;
}

export function OpportunityPanel({ doc, cardId, canEdit, onClose }: OpportunityPanelProps) {
  const { t } = useTranslation();
  const card = useCard(doc, cardId);
  const panelRef = useRef<HTMLElement>(null);
  const titleId = useId();

  useEffect(() => {
    panelRef.current?.querySelector<HTMLElement>('.s3-panel__body input')?.focus();
  }, [cardId]);

  return (
    <SidePanel
      ref={panelRef}
      className="s3-panel opportunity-panel"
      aria-labelledby={titleId}
      data-board-ui
      data-testid="opportunity-panel"
      onPointerDown={(e) => e.stopPropagation()}
      onDoubleClick={(e) => e.stopPropagation()}
      onClose={onClose}
    >
      <PanelHeader
        className="s3-panel__header"
        titleId={titleId}
        title={t('opportunityBoard.panel.label')}
        closeLabel={t('opportunityBoard.panel.close')}
        closeTestId="opportunity-panel-close"
        onClose={onClose}
      />
      {card ? (
        <OpportunityFields
          doc={doc}
          cardId={cardId}
          card={card}
          canEdit={canEdit}
          onClose={onClose}
        />
      ) : (
        <p className="s3-panel__empty">{t('opportunityBoard.panel.gone')}</p>
      )}
    </SidePanel>
  );
}

interface FieldsProps {
  doc: Y.Doc;
  cardId: string;
  card: CardMap;
  canEdit: boolean;
  onClose: () => void;
}

function OpportunityFields({ doc, cardId, card, canEdit, onClose }: FieldsProps) {
  const { t } = useTranslation();
  const opportunity = useYValue(card, readOpportunity);
  const titleText = cardTitle(card);
  const body = cardBody(card);
  const groups = useOpportunityGroups(doc);
  const usedBy = useYValue(
    cardsMap(doc),
    (cards: Y.Map<CardMap>) => (cards.doc ? activitiesLinking(cards.doc, cardId).length : 0),
    { deep: true },
  );
  const [source, setSource] = useState(opportunity.sourceUrl);
  const [sourceFocused, setSourceFocused] = useState(false);
  useEffect(() => {
    if (!sourceFocused) setSource(opportunity.sourceUrl);
  }, [opportunity.sourceUrl, sourceFocused]);
  const sourceInvalid = source.trim() !== '' && !SOURCE_URL.test(source.trim());
  const saveSource = () => {
    const next = source.trim();
    if (next !== opportunity.sourceUrl && (next === '' || SOURCE_URL.test(next)))
      updateOpportunity(doc, cardId, { sourceUrl: next });
  };
  const id = (name: string) => `opportunity-${cardId}-${name}`;

  return (
    <div className="s3-panel__body">
      <div className="field">
        <label className="field__label" htmlFor={id('title')}>
          {t('opportunityBoard.panel.title')}
        </label>
        {titleText && (
          <YTextField
            id={id('title')}
            className="field__input"
            testId="opportunity-title-input"
            text={titleText}
            maxLength={500}
            readOnly={!canEdit}
            placeholder={t('opportunityBoard.panel.titlePlaceholder')}
            onText={(value) => setCardTitle(doc, cardId, value)}
          />
        )}
      </div>
      <div className="s3-field-row">
        <div className="field">
          <label className="field__label" htmlFor={id('kind')}>
            {t('opportunityBoard.panel.kind')}
          </label>
          <select
            id={id('kind')}
            className="field__input field__select"
            data-testid="opportunity-kind-select"
            value={opportunity.kind}
            disabled={!canEdit}
            onChange={(e) =>
              updateOpportunity(doc, cardId, { kind: e.target.value as typeof opportunity.kind })
            }
          >
            <option value="">{t('s3.notSet')}</option>
            {OPPORTUNITY_KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {t(`s3.opportunityKind.${kind}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label className="field__label" htmlFor={id('horizon')}>
            {t('opportunityBoard.panel.horizon')}
          </label>
          <select
            id={id('horizon')}
            className="field__input field__select"
            data-testid="opportunity-horizon-select"
            value={opportunity.horizon}
            disabled={!canEdit}
            onChange={(e) =>
              updateOpportunity(doc, cardId, {
                horizon: e.target.value as typeof opportunity.horizon,
              })
            }
          >
            <option value="">{t('s3.notSet')}</option>
            {TIME_HORIZONS.map((h) => (
              <option key={h} value={h}>
                {t(`s3.horizon.${h}`)}
              </option>
            ))}
          </select>
        </div>
      </div>
      <div className="field">
        <label className="field__label" htmlFor={id('group')}>
          {t('opportunityBoard.panel.group')}
        </label>
        <select
          id={id('group')}
          className="field__input field__select"
          data-testid="opportunity-group-select"
          value={groups.some((g) => g.id === opportunity.groupId) ? opportunity.groupId : ''}
          disabled={!canEdit}
          onChange={(e) => asUndoStep(doc, () => setOpportunityGroup(doc, cardId, e.target.value))}
        >
          <option value="">{t('opportunityBoard.panel.noGroup')}</option>
          {groups.map((g) => (
            <option key={g.id} value={g.id}>
              {g.name}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label className="field__label" htmlFor={id('source')}>
          {t('opportunityBoard.panel.sourceUrl')}
        </label>
        <div className="s3-field-action">
          <input
            id={id('source')}
            className="field__input"
            type="url"
            inputMode="url"
            data-testid="opportunity-source-input"
            value={source}
            readOnly={!canEdit}
            placeholder={t('opportunityBoard.panel.sourcePlaceholder')}
            aria-invalid={sourceInvalid}
            aria-describedby={sourceInvalid ? id('source-error') : undefined}
            onFocus={() => setSourceFocused(true)}
            onChange={(e) => setSource(e.target.value)}
            onBlur={() => {
              setSourceFocused(false);
              saveSource();
            }}
            onKeyDown={(e) => {
              if (e.key === 'Enter') saveSource();
            }}
          />
          {safeHref(opportunity.sourceUrl) && (
            <a
              className="button button--ghost"
              href={safeHref(opportunity.sourceUrl)!}
              target="_blank"
              rel="noopener noreferrer nofollow"
            >
              <Icon name="link" size={16} />
              {t('opportunityBoard.panel.open')}
            </a>
          )}
        </div>
        {sourceInvalid && (
          <p className="field__error" id={id('source-error')}>
            {t('opportunityBoard.panel.sourceInvalid')}
          </p>
        )}
      </div>
      <div className="field">
        <span className="field__label" id={id('description')}>
          {t('opportunityBoard.panel.description')}
        </span>
        <RichTextField
          body={body}
          canEdit={canEdit}
          labelledBy={id('description')}
          placeholder={t('opportunityBoard.panel.descriptionEmpty')}
          editLabel={t('opportunityBoard.panel.editDescription')}
          editTestId="opportunity-edit-description"
          onStartEditing={() => useBoardStore.getState().stopEditing()}
        />
      </div>
      <p className="s3-panel__meta">
        {opportunity.createdBy &&
          t('opportunityBoard.panel.createdBy', { author: opportunity.createdBy })}
        {usedBy > 0 && (
          <span className="s3-panel__badge">
            {t('opportunityBoard.panel.usedBy', { count: usedBy })}
          </span>
        )}
      </p>
      {canEdit && (
        <footer className="s3-panel__footer">
          <button
            type="button"
            className="button s3-button-danger"
            data-testid="opportunity-delete"
            onClick={() => {
              asUndoStep(doc, () => deleteCard(doc, cardId));
              useBoardStore.getState().selectCard(null);
              onClose();
            }}
          >
            <Icon name="trash" size={16} />
            {t('opportunityBoard.panel.delete')}
          </button>
        </footer>
      )}
    </div>
  );
}
