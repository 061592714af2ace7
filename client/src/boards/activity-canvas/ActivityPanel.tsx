/**
 * Every field of one transformative activity: name, rich-text description, field, status, the
 * capacities combined and opportunities targeted (add / remove; a deleted source shows "source
 * removed"), actors, structural change, critical mass with rationale, cross-regional need, and
 * where it was copied from. Text fields are co-edited live (Y.Text); each change is one doc operation.
 */
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import * as Y from 'yjs';

import {
  cardBody,
  cardTitle,
  deleteCard,
  readActivity,
  setActivityStatus,
  setActivityText,
  setCardTitle,
  updateActivity,
  type CardMap,
} from '@shared/doc';
import { ACTIVITY_STATUSES } from '@shared/domain/s3';
import { Icon } from '@client/ui/Icon';
import { SidePanel } from '@client/ui/SidePanel';
import { asUndoStep } from '@client/sync/undo';
import { useCard } from '@client/sync/useCards';
import { useYValue } from '@client/sync/useY';
import { RichTextField } from '../board/RichTextField';
import { YTextField } from '../board/YTextField';
import type { CanvasData } from './canvasData';
import { useCanvasStore } from './canvasStore';
import { ProvenanceNote } from './ProvenanceNote';
import { CardControls } from '../cardAdornments';
import { DraftField } from '@client/ui/DraftField';
import { Field } from '@client/ui/Field';
import { LinkSection } from './ActivityLinks';
import { ActorsSection } from './ActivityActors';
import { NeedsSection } from './ActivityNeeds';

interface ActivityPanelProps {
  doc: Y.Doc;
  activityId: string;
  data: CanvasData;
  canEdit: boolean;
}

export function ActivityPanel({ doc, activityId, data, canEdit }: ActivityPanelProps) {
  const { t } = useTranslation();
  const card = useCard(doc, activityId, 'activity');
  const close = () => useCanvasStore.getState().openActivity(null);
  return (
    <SidePanel
      as="section"
      className="activity-panel"
      aria-label={t('activityCanvas.panel.label')}
      data-testid="activity-panel"
      onClose={close}
    >
      <header className="s3-panel__header">
        <button
          type="button"
          className="button button--ghost"
          data-testid="activity-panel-back"
          onClick={close}
        >
          ← {t('activityCanvas.panel.back')}
        </button>
        {card && (
          <CardControls
            cardId={activityId}
            doc={doc}
            title={data.activityById.get(activityId)?.title ?? ''}
          />
        )}
      </header>
      {card ? (
        <ActivityFields doc={doc} card={card} data={data} canEdit={canEdit} />
      ) : (
        <p className="s3-panel__empty">{t('activityCanvas.panel.gone')}</p>
      )}
    </SidePanel>
  );
}

interface FieldsProps {
  doc: Y.Doc;
  card: CardMap;
  data: CanvasData;
  canEdit: boolean;
}

function ActivityFields({ doc, card, data, canEdit }: FieldsProps) {
  const { t } = useTranslation();
  const activity = useYValue(card, readActivity, { deep: true });
  const id = activity.id;
  const body = cardBody(card);
  const titleText = cardTitle(card);
  const structural = card.get('structuralChange');
  const rationale = card.get('criticalMassRationale');
  const fieldId = (name: string) => `activity-${id}-${name}`;
  const nameRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    nameRef.current?.querySelector<HTMLElement>('input')?.focus();
  }, [id]);

  return (
    <div className="s3-panel__body">
      {activity.provenance && <ProvenanceNote provenance={activity.provenance} />}
      <div className="field" ref={nameRef}>
        <label className="field__label" htmlFor={fieldId('name')}>
          {t('activityCanvas.panel.name')}
        </label>
        {titleText && (
          <YTextField
            id={fieldId('name')}
            className="field__input activity-panel__name"
            testId="activity-name-input"
            text={titleText}
            maxLength={500}
            readOnly={!canEdit}
            placeholder={t('activityCanvas.panel.namePlaceholder')}
            onText={(value) => setCardTitle(doc, id, value)}
          />
        )}
      </div>

      <div className="field">
        <span className="field__label" id={fieldId('status')}>
          {t('activityCanvas.panel.status')}
        </span>
        <div className="segmented" role="radiogroup" aria-labelledby={fieldId('status')}>
          {ACTIVITY_STATUSES.map((status) => (
            <button
              key={status}
              type="button"
              role="radio"
              aria-checked={activity.status === status}
              disabled={!canEdit}
              className={`segmented__option segmented__option--${status}`}
              data-testid={`activity-status-${status}`}
              onClick={() => asUndoStep(doc, () => setActivityStatus(doc, id, status))}
            >
              {t(`s3.activityStatus.${status}`)}
            </button>
          ))}
        </div>
      </div>

      <Field label={t('activityCanvas.panel.field')}>
        <DraftField
          placeholder={t('activityCanvas.panel.fieldPlaceholder')}
          value={activity.field}
          maxLength={200}
          readOnly={!canEdit}
          onCommit={(value) => updateActivity(doc, id, { field: value.trim() })}
          testId="activity-field-input"
        />
      </Field>

      <div className="field">
        <span className="field__label" id={fieldId('description')}>
          {t('activityCanvas.panel.description')}
        </span>
        <RichTextField
          body={body}
          canEdit={canEdit}
          labelledBy={fieldId('description')}
          placeholder={t('activityCanvas.panel.descriptionEmpty')}
          editLabel={t('activityCanvas.panel.editDescription')}
          editTestId="activity-edit-description"
        />
      </div>

      <LinkSection doc={doc} activity={activity} kind="capacity" data={data} canEdit={canEdit} />
      <LinkSection doc={doc} activity={activity} kind="opportunity" data={data} canEdit={canEdit} />

      <ActorsSection doc={doc} activity={activity} regions={data.regions} canEdit={canEdit} />

      <LongText
        id={fieldId('structural')}
        label={t('activityCanvas.panel.structuralChange')}
        text={structural}
        rows={3}
        readOnly={!canEdit}
        placeholder={t('activityCanvas.panel.structuralChangePlaceholder')}
        onText={(value) => setActivityText(doc, id, 'structuralChange', value)}
      />

      <div className="s3-panel__section">
        <h3 className="s3-panel__section-title" id={fieldId('mass')}>
          {t('activityCanvas.panel.criticalMass')}
        </h3>
        <div
          className="segmented segmented--score"
          role="radiogroup"
          aria-labelledby={fieldId('mass')}
        >
          {[0, 1, 2, 3, 4, 5].map((score) => (
            <button
              key={score}
              type="button"
              role="radio"
              aria-checked={activity.criticalMass === score}
              aria-label={
                score === 0
                  ? t('activityCanvas.panel.notJudged')
                  : t('activityCanvas.panel.criticalMassScore', { score })
              }
              disabled={!canEdit}
              className="segmented__option"
              data-testid={`activity-mass-${score}`}
              onClick={() =>
                asUndoStep(doc, () => updateActivity(doc, id, { criticalMass: score }))
              }
            >
              {score === 0 ? '–' : score}
            </button>
          ))}
        </div>
        <LongText
          id={fieldId('rationale')}
          label={t('activityCanvas.panel.rationale')}
          text={rationale}
          rows={2}
          readOnly={!canEdit}
          placeholder={t('activityCanvas.panel.rationalePlaceholder')}
          onText={(value) => setActivityText(doc, id, 'criticalMassRationale', value)}
        />
      </div>

      <NeedsSection doc={doc} activity={activity} regions={data.regions} canEdit={canEdit} />

      {canEdit && (
        <footer className="s3-panel__footer">
          <button
            type="button"
            className="button s3-button-danger"
            data-testid="activity-delete"
            onClick={() => {
              asUndoStep(doc, () => deleteCard(doc, id));
              useCanvasStore.getState().openActivity(null);
            }}
          >
            <Icon name="trash" size={16} />
            {t('activityCanvas.panel.delete')}
          </button>
        </footer>
      )}
    </div>
  );
}

/** A long text of the activity (structural change, rationale), co-edited live. */
function LongText({
  id,
  label,
  text,
  rows,
  readOnly,
  placeholder,
  onText,
}: {
  id: string;
  label: string;
  text: unknown;
  rows: number;
  readOnly: boolean;
  placeholder: string;
  onText: (value: string) => void;
}) {
  return (
    <Field id={id} label={label}>
      {text instanceof Y.Text && (
        <YTextField
          id={id}
          className="field__input s3-textarea"
          multiline
          rows={rows}
          text={text}
          readOnly={readOnly}
          placeholder={placeholder}
          onText={onText}
        />
      )}
    </Field>
  );
}
