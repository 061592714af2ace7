/**
 * The detail panel of one action: every field, including the long ones the table only summarises:
 * the rich-text description (the Tiptap editor is mounted only while it is edited), the partners
 * and the output and result indicators (name, unit, baseline, target).
 */
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';

import { CARD_TITLE_MAX, cardBody, deleteCard, getCard, type Action } from '@shared/doc';
import { ACTION_STATUSES, ACTION_TYPES, FUNDING_SOURCES, type Region } from '@shared/domain/s3';
import { Icon } from '@client/ui/Icon';
import { SidePanel } from '@client/ui/SidePanel';
import type { PresenceUser } from '@client/sync/presence';
import { asUndoStep, getUndoManager } from '@client/sync/undo';
import type { WorkshopSync } from '@client/sync/workshopSync';
import { BoardContext } from '../board/boardContext';
import { StaticRichText } from '../board/StaticRichText';
import {
  activityLabel,
  formatBudget,
  parseBudget,
  writeField,
  type ColumnKey,
  type FieldValue,
  type WriteError,
} from './actionFields';
import type { ActionListSnapshot } from './actionStore';
import { ActivityMark } from './actionBadges';
import { DetailSelect, Section, TextField } from './detailFields';
import { PartnerList } from './PartnerList';
import { Indicators } from './ActionIndicators';
import { BodyEditor } from '../board/BodyEditor';
import { notSetOption } from '../closedLabel';

interface ActionDetailProps {
  doc: Y.Doc;
  sync: WorkshopSync;
  snapshot: ActionListSnapshot;
  action: Action;
  regions: Region[];
  canEdit: boolean;
  user: PresenceUser | null;
  onClose: () => void;
  onDeleted: () => void;
}

export function ActionDetail(props: ActionDetailProps) {
  const { doc, sync, snapshot, action, regions, canEdit, user } = props;
  const { t } = useTranslation();
  const titleId = useId();
  const [errors, setErrors] = useState<Partial<Record<ColumnKey, WriteError>>>({});
  const [editingBody, setEditingBody] = useState(false);
  const panelRef = useRef<HTMLElement>(null);
  const card = getCard(doc, action.id);
  const body = card ? cardBody(card) : undefined;
  const activity = activityLabel(doc, snapshot, action.activityId);

  // Another action: stop editing the description, focus the panel.
  useEffect(() => {
    setEditingBody(false);
    setErrors({});
    panelRef.current?.focus({ preventScroll: true });
  }, [action.id]);

  const write = (key: ColumnKey, value: FieldValue) => {
    const problem = writeField(doc, action, key, value);
    setErrors((e) => ({ ...e, [key]: problem ?? undefined }));
    return problem === null;
  };

  const remove = () => {
    asUndoStep(doc, () => deleteCard(doc, action.id, user?.name ?? ''));
    props.onDeleted();
  };

  const error = (key: ColumnKey) =>
    errors[key] ? (
      <p className="field__error" role="alert" data-testid={`detail-error-${key}`}>
        {t(`actionList.errors.${errors[key]}`)}
      </p>
    ) : null;

  return (
    <SidePanel
      ref={panelRef}
      className="action-detail"
      aria-labelledby={titleId}
      data-testid="action-detail"
      data-action-id={action.id}
      tabIndex={-1}
      // While the description is edited, Escape leaves the editor first, not the panel.
      escapeCloses={!editingBody}
      onClose={props.onClose}
    >
      <header className="action-detail__header">
        {/* The action's own name heads its panel; its activity is said beneath, smaller. */}
        <div className="action-detail__heading">
          <h2
            id={titleId}
            className="action-detail__name"
            title={action.title || undefined}
            data-testid="detail-heading"
          >
            {action.title || t('actionList.untitled')}
          </h2>
          <span className="action-detail__for" data-testid="detail-heading-activity">
            {t('actionList.detail.forActivity')} <ActivityMark label={activity} compact />
          </span>
        </div>
        <button
          type="button"
          className="icon-button"
          aria-label={t('actionList.detail.close')}
          data-testid="detail-close"
          onClick={props.onClose}
        >
          <Icon name="close" />
        </button>
      </header>

      <div className="action-detail__body">
        <TextField
          label={t('actionList.detail.title')}
          value={action.title}
          canEdit={canEdit}
          large
          maxLength={CARD_TITLE_MAX}
          testId="detail-title"
          onCommit={(v) => write('title', v)}
        />

        <div className="action-detail__grid">
          <DetailSelect
            label={t('actionList.detail.activity')}
            value={action.activityId}
            canEdit={canEdit}
            options={[
              ...(activity.removed
                ? [
                    {
                      value: action.activityId,
                      label: t('actionList.sourceRemovedUntitled'),
                      disabled: true,
                    },
                  ]
                : []),
              ...snapshot.activities.map((a) => ({
                value: a.id,
                label: a.title || t('actionList.untitledActivity'),
              })),
            ]}
            onChange={(v) => write('activity', v)}
          />
          <DetailSelect
            label={t('actionList.column.actionType')}
            value={action.actionType}
            canEdit={canEdit}
            options={[
              notSetOption(t),
              ...ACTION_TYPES.map((v) => ({ value: v, label: t(`s3.actionType.${v}`) })),
            ]}
            onChange={(v) => write('actionType', v)}
          />
          <DetailSelect
            label={t('actionList.column.status')}
            value={action.status}
            canEdit={canEdit}
            testId="detail-status"
            options={[
              notSetOption(t),
              ...ACTION_STATUSES.map((v) => ({ value: v, label: t(`s3.actionStatus.${v}`) })),
            ]}
            onChange={(v) => write('status', v)}
          />
          <TextField
            label={t('actionList.column.lead')}
            value={action.lead}
            canEdit={canEdit}
            onCommit={(v) => write('lead', v)}
          />
        </div>

        <Section title={t('actionList.detail.description')}>
          {editingBody && body && canEdit ? (
            <div className="action-detail__editor">
              <BoardContext.Provider value={{ doc, sync, boardId: 'action-list', canEdit, user }}>
                <BodyEditor body={body} onDone={() => setEditingBody(false)} />
              </BoardContext.Provider>
            </div>
          ) : (
            <div
              className={
                canEdit
                  ? 'action-detail__description action-detail__description--editable'
                  : 'action-detail__description'
              }
              data-testid="detail-description"
              onDoubleClick={() => canEdit && setEditingBody(true)}
            >
              {body && (
                <StaticRichText
                  body={body}
                  placeholder={t('actionList.detail.descriptionPlaceholder')}
                />
              )}
            </div>
          )}
          {canEdit && (
            <button
              type="button"
              className="button action-detail__edit-body"
              data-testid="detail-description-edit"
              onClick={() => setEditingBody((v) => !v)}
            >
              {editingBody
                ? t('actionList.detail.descriptionDone')
                : t('actionList.detail.descriptionEdit')}
            </button>
          )}
        </Section>

        <Section title={t('actionList.detail.partners')}>
          <PartnerList action={action} canEdit={canEdit} onChange={(p) => write('partners', p)} />
        </Section>

        <Section title={t('actionList.detail.regions')}>
          {regions.length === 0 && <p className="muted">{t('actionList.regionsNone')}</p>}
          <div className="action-detail__regions">
            {regions.map((region) => (
              <label key={region.id} className="action-detail__check">
                <input
                  type="checkbox"
                  disabled={!canEdit}
                  checked={action.regionIds.includes(region.id)}
                  onChange={(e) =>
                    write(
                      'regions',
                      e.target.checked
                        ? [...action.regionIds, region.id]
                        : action.regionIds.filter((id) => id !== region.id),
                    )
                  }
                />
                {region.name}
              </label>
            ))}
          </div>
        </Section>

        <Section title={t('actionList.detail.timeline')}>
          <div className="action-detail__grid">
            <TextField
              label={t('actionList.column.start')}
              type="date"
              value={action.start}
              canEdit={canEdit}
              testId="detail-start"
              onCommit={(v) => write('start', v)}
            />
            <TextField
              label={t('actionList.column.end')}
              type="date"
              value={action.end}
              canEdit={canEdit}
              testId="detail-end"
              onCommit={(v) => write('end', v)}
            />
          </div>
          {error('start')}
          {error('end')}
        </Section>

        <Section title={t('actionList.detail.money')}>
          <div className="action-detail__grid">
            <TextField
              label={t('actionList.column.budget')}
              value={action.budget == null ? '' : String(action.budget)}
              display={formatBudget(action.budget)}
              canEdit={canEdit}
              inputMode="decimal"
              onCommit={(v) => {
                const amount = parseBudget(v);
                return write('budget', amount);
              }}
            />
            <DetailSelect
              label={t('actionList.column.fundingSource')}
              value={action.fundingSource}
              canEdit={canEdit}
              options={[
                notSetOption(t),
                ...FUNDING_SOURCES.map((v) => ({ value: v, label: t(`s3.fundingSource.${v}`) })),
              ]}
              onChange={(v) => write('fundingSource', v)}
            />
            <TextField
              label={t('actionList.column.clusterService')}
              value={action.clusterService}
              canEdit={canEdit}
              onCommit={(v) => write('clusterService', v)}
            />
          </div>
          {error('budget')}
        </Section>

        <Section title={t('actionList.detail.indicators')}>
          <p className="muted action-detail__hint">{t('actionList.detail.indicatorsHint')}</p>
          <Indicators doc={doc} action={action} canEdit={canEdit} />
        </Section>

        {error('title')}
        {error('activity')}

        <footer className="action-detail__footer">
          {action.createdBy && (
            <span className="muted">
              {t('actionList.detail.createdBy', { name: action.createdBy })}
            </span>
          )}
          {canEdit && (
            <button
              type="button"
              className="button action-detail__delete"
              data-testid="detail-delete"
              onClick={remove}
            >
              <Icon name="trash" size={16} />
              {t('actionList.detail.delete')}
            </button>
          )}
        </footer>
      </div>
    </SidePanel>
  );
}

/** Undo of the last local change (the delete) for the toast after a delete. */
export function undoLast(doc: Y.Doc): void {
  getUndoManager(doc).undo();
}
