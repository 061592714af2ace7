/**
 * The detail panel of one action: every field, including the long ones the table only summarises:
 * the rich-text description (the Tiptap editor is mounted only while it is edited), the partners
 * and the output and result indicators (name, unit, baseline, target).
 */
import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import {
  addIndicator,
  CARD_TITLE_MAX,
  cardBody,
  deleteCard,
  getCard,
  removeIndicator,
  updateIndicator,
  type Action,
  type Indicator,
} from '../../../../shared/doc';
import {
  ACTION_STATUSES,
  ACTION_TYPES,
  FUNDING_SOURCES,
  INDICATOR_KINDS,
  type IndicatorKind,
  type Region,
} from '../../../../shared/domain/s3';
import { Icon } from '../../app/Icon';
import type { PresenceUser } from '../../sync/presence';
import { asUndoStep, getUndoManager } from '../../sync/undo';
import type { WorkshopSync } from '../../sync/workshopSync';
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
import { ActivityMark } from './parts';
import { BodyEditor } from '../board/BodyEditor';

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
    <aside
      ref={panelRef}
      className="action-detail"
      aria-labelledby={titleId}
      data-testid="action-detail"
      data-action-id={action.id}
      tabIndex={-1}
      onKeyDown={(e) => {
        // Escape closes the panel from anywhere in it, unless a field used it (a draft put
        // back, the description editor left).
        if (e.key === 'Escape' && !e.defaultPrevented && !editingBody) {
          e.preventDefault();
          props.onClose();
        }
      }}
    >
      <header className="action-detail__header">
        <h2 id={titleId} className="visually-hidden">
          {t('actionList.detail.label')}
        </h2>
        <ActivityMark label={activity} />
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
          <SelectField
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
          <SelectField
            label={t('actionList.column.actionType')}
            value={action.actionType}
            canEdit={canEdit}
            options={ACTION_TYPES.map((v) => ({ value: v, label: t(`s3.actionType.${v}`) }))}
            onChange={(v) => write('actionType', v)}
          />
          <SelectField
            label={t('actionList.column.status')}
            value={action.status}
            canEdit={canEdit}
            testId="detail-status"
            options={ACTION_STATUSES.map((v) => ({ value: v, label: t(`s3.actionStatus.${v}`) }))}
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
            <SelectField
              label={t('actionList.column.fundingSource')}
              value={action.fundingSource}
              canEdit={canEdit}
              options={FUNDING_SOURCES.map((v) => ({
                value: v,
                label: t(`s3.fundingSource.${v}`),
              }))}
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
    </aside>
  );
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  const id = useId();
  return (
    <section className="action-detail__section" aria-labelledby={id}>
      <h3 id={id} className="action-detail__section-title">
        {title}
      </h3>
      {children}
    </section>
  );
}

interface TextFieldProps {
  label: string;
  value: string;
  display?: string;
  canEdit: boolean;
  type?: 'text' | 'date';
  inputMode?: 'decimal';
  large?: boolean;
  /** Longest value; reaching it says so under the field. */
  maxLength?: number;
  testId?: string;
  /** False: the value was refused (the field keeps what was typed). */
  onCommit: (value: string) => boolean;
}

/** A field that saves on Enter or when it loses the focus; Escape restores the saved value. */
function TextField({
  label,
  value,
  display,
  canEdit,
  type = 'text',
  inputMode,
  large,
  maxLength,
  testId,
  onCommit,
}: TextFieldProps) {
  const { t } = useTranslation();
  const id = useId();
  const [draft, setDraft] = useState<string | null>(null);
  const [focused, setFocused] = useState(false);
  const shown = draft ?? (focused || !display ? value : display);
  const atLimit =
    canEdit && (focused || draft !== null) && maxLength !== undefined && shown.length >= maxLength;
  const save = () => {
    if (draft === null || draft === value) {
      setDraft(null);
      return;
    }
    if (onCommit(draft)) setDraft(null);
  };
  return (
    <div
      className={
        large ? 'action-detail__field action-detail__field--large' : 'action-detail__field'
      }
    >
      <label htmlFor={id} className="field__label">
        {label}
      </label>
      <input
        id={id}
        className="field__input action-detail__input"
        type={type}
        inputMode={inputMode}
        value={shown}
        readOnly={!canEdit}
        maxLength={maxLength}
        aria-describedby={atLimit ? `${id}-limit` : undefined}
        data-testid={testId}
        onFocus={() => setFocused(true)}
        onChange={(e) => setDraft(e.target.value)}
        onBlur={() => {
          setFocused(false);
          save();
        }}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault();
            save();
          } else if (e.key === 'Escape' && draft !== null) {
            e.preventDefault();
            e.stopPropagation();
            setDraft(null);
          }
        }}
      />
      {atLimit && (
        <p id={`${id}-limit`} className="field__error" role="status" data-testid="detail-limit">
          {t('actionList.titleLimit', { max: maxLength })}
        </p>
      )}
    </div>
  );
}

interface SelectFieldProps {
  label: string;
  value: string;
  canEdit: boolean;
  options: { value: string; label: string; disabled?: boolean }[];
  testId?: string;
  onChange: (value: string) => void;
}

function SelectField({ label, value, canEdit, options, testId, onChange }: SelectFieldProps) {
  const id = useId();
  return (
    <div className="action-detail__field">
      <label htmlFor={id} className="field__label">
        {label}
      </label>
      <select
        id={id}
        className="field__input field__select action-detail__input"
        value={value}
        disabled={!canEdit}
        data-testid={testId}
        onChange={(e) => onChange(e.target.value)}
      >
        {options.map((o) => (
          <option key={o.value} value={o.value} disabled={o.disabled}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

function PartnerList({
  action,
  canEdit,
  onChange,
}: {
  action: Action;
  canEdit: boolean;
  onChange: (partners: string[]) => boolean;
}) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState('');
  const inputId = useId();
  const add = () => {
    const name = draft.trim();
    if (!name) return;
    if (!action.partners.some((p) => p.toLowerCase() === name.toLowerCase()))
      onChange([...action.partners, name]);
    setDraft('');
  };
  return (
    <div className="action-detail__partners">
      {action.partners.length === 0 && <p className="muted">{t('actionList.detail.noPartners')}</p>}
      <ul className="action-detail__chips" data-testid="detail-partners">
        {action.partners.map((partner) => (
          <li key={partner} className="action-chip action-chip--large">
            {partner}
            {canEdit && (
              <button
                type="button"
                className="action-chip__remove"
                aria-label={t('actionList.detail.partnerRemove', { name: partner })}
                onClick={() => onChange(action.partners.filter((p) => p !== partner))}
              >
                <Icon name="close" size={12} />
              </button>
            )}
          </li>
        ))}
      </ul>
      {canEdit && (
        <div className="action-detail__add-row">
          <label htmlFor={inputId} className="visually-hidden">
            {t('actionList.detail.partnerAdd')}
          </label>
          <input
            id={inputId}
            className="field__input action-detail__input"
            placeholder={t('actionList.detail.partnerPlaceholder')}
            value={draft}
            maxLength={200}
            data-testid="detail-partner-input"
            onChange={(e) => setDraft(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter') {
                e.preventDefault();
                add();
              }
            }}
          />
          <button type="button" className="button" onClick={add} disabled={!draft.trim()}>
            <Icon name="plus" size={16} />
            {t('actionList.detail.partnerAdd')}
          </button>
        </div>
      )}
    </div>
  );
}

function parseNumber(text: string): number | null | undefined {
  const s = text
    .trim()
    .replace(/[\s\u00a0']/g, '')
    .replace(',', '.');
  if (s === '') return null;
  const n = Number(s);
  return Number.isFinite(n) ? n : undefined;
}

function Indicators({ doc, action, canEdit }: { doc: Y.Doc; action: Action; canEdit: boolean }) {
  const { t } = useTranslation();
  const [error, setError] = useState<string | null>(null);
  const save = (indicator: Indicator) => {
    try {
      updateIndicator(doc, action.id, indicator);
      setError(null);
    } catch {
      setError(t('actionList.detail.indicatorNameRequired'));
    }
  };
  return (
    <div className="action-detail__indicators">
      {action.indicators.length === 0 && (
        <p className="muted">{t('actionList.detail.noIndicators')}</p>
      )}
      {action.indicators.length > 0 && (
        <ul className="indicator-list" data-testid="detail-indicators">
          {action.indicators.map((indicator) => (
            <IndicatorRow
              key={indicator.id}
              indicator={indicator}
              canEdit={canEdit}
              onSave={save}
              onError={setError}
              onRemove={() => removeIndicator(doc, action.id, indicator.id)}
            />
          ))}
        </ul>
      )}
      {error && (
        <p className="field__error" role="alert">
          {error}
        </p>
      )}
      {canEdit && (
        <NewIndicator
          onAdd={(indicator) => {
            try {
              addIndicator(doc, action.id, indicator);
              setError(null);
              return true;
            } catch {
              setError(t('actionList.detail.indicatorNameRequired'));
              return false;
            }
          }}
          onError={setError}
        />
      )}
    </div>
  );
}

function IndicatorRow({
  indicator,
  canEdit,
  onSave,
  onError,
  onRemove,
}: {
  indicator: Indicator;
  canEdit: boolean;
  onSave: (indicator: Indicator) => void;
  onError: (message: string | null) => void;
  onRemove: () => void;
}) {
  const { t } = useTranslation();
  const cell = (key: 'name' | 'unit' | 'baseline' | 'target') => {
    const value = indicator[key];
    const label = t(
      `actionList.detail.indicator${key[0]!.toUpperCase()}${key.slice(1)}` as 'actionList.detail.indicatorName',
    );
    if (!canEdit)
      return (
        <span className={`indicator-list__cell indicator-list__cell--${key}`}>
          <span className="indicator-list__label">{label}</span>
          <span>{value ?? ''}</span>
        </span>
      );
    return (
      <label className={`indicator-list__cell indicator-list__cell--${key}`}>
        <span className="indicator-list__label">{label}</span>
        <input
          className="indicator-table__input"
          aria-label={`${label}: ${indicator.name}`}
          defaultValue={value == null ? '' : String(value)}
          inputMode={key === 'baseline' || key === 'target' ? 'decimal' : undefined}
          onBlur={(e) => {
            const text = e.currentTarget.value;
            if (key === 'baseline' || key === 'target') {
              const n = parseNumber(text);
              if (n === undefined) {
                onError(t('actionList.detail.indicatorNumber'));
                return;
              }
              if (n !== indicator[key]) onSave({ ...indicator, [key]: n });
            } else if (text.trim() !== indicator[key]) {
              if (key === 'name' && !text.trim()) {
                onError(t('actionList.detail.indicatorNameRequired'));
                e.currentTarget.value = indicator.name;
                return;
              }
              onSave({ ...indicator, [key]: text.trim() });
            }
          }}
          onKeyDown={(e) => {
            if (e.key === 'Enter') e.currentTarget.blur();
          }}
        />
      </label>
    );
  };
  return (
    <li className="indicator-list__item" data-testid="detail-indicator">
      {cell('name')}
      <span className="indicator-list__cell indicator-list__cell--kind">
        <span className="indicator-list__label">{t('actionList.detail.indicatorKind')}</span>
        {canEdit ? (
          <select
            className="indicator-table__input"
            aria-label={`${t('actionList.detail.indicatorKind')}: ${indicator.name}`}
            value={indicator.kind}
            onChange={(e) => onSave({ ...indicator, kind: e.target.value as IndicatorKind })}
          >
            {INDICATOR_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`s3.indicatorKind.${k}`)}
              </option>
            ))}
          </select>
        ) : (
          <span>{t(`s3.indicatorKind.${indicator.kind}`)}</span>
        )}
      </span>
      {cell('unit')}
      {cell('baseline')}
      {cell('target')}
      {canEdit && (
        <button
          type="button"
          className="icon-button indicator-list__remove"
          aria-label={t('actionList.detail.indicatorRemove', { name: indicator.name })}
          onClick={onRemove}
        >
          <Icon name="trash" size={16} />
        </button>
      )}
    </li>
  );
}

function NewIndicator({
  onAdd,
  onError,
}: {
  onAdd: (indicator: {
    kind: IndicatorKind;
    name: string;
    unit: string;
    baseline: number | null;
    target: number | null;
  }) => boolean;
  onError: (message: string | null) => void;
}) {
  const { t } = useTranslation();
  const [kind, setKind] = useState<IndicatorKind>('output');
  const [name, setName] = useState('');
  const [unit, setUnit] = useState('');
  const [baseline, setBaseline] = useState('');
  const [target, setTarget] = useState('');
  const add = () => {
    if (!name.trim()) {
      onError(t('actionList.detail.indicatorNameRequired'));
      return;
    }
    const b = parseNumber(baseline);
    const tg = parseNumber(target);
    if (b === undefined || tg === undefined) {
      onError(t('actionList.detail.indicatorNumber'));
      return;
    }
    if (onAdd({ kind, name: name.trim(), unit: unit.trim(), baseline: b, target: tg })) {
      setName('');
      setUnit('');
      setBaseline('');
      setTarget('');
    }
  };
  const onKeyDown = (e: React.KeyboardEvent) => {
    if (e.key === 'Enter') {
      e.preventDefault();
      add();
    }
  };
  return (
    <div className="indicator-new" data-testid="indicator-new">
      <select
        className="field__input field__select action-detail__input"
        aria-label={t('actionList.detail.indicatorKind')}
        value={kind}
        onChange={(e) => setKind(e.target.value as IndicatorKind)}
      >
        {INDICATOR_KINDS.map((k) => (
          <option key={k} value={k}>
            {t(`s3.indicatorKind.${k}`)}
          </option>
        ))}
      </select>
      <input
        className="field__input action-detail__input"
        aria-label={t('actionList.detail.indicatorName')}
        placeholder={t('actionList.detail.indicatorName')}
        value={name}
        maxLength={200}
        data-testid="indicator-name"
        onChange={(e) => setName(e.target.value)}
        onKeyDown={onKeyDown}
      />
      <input
        className="field__input action-detail__input"
        aria-label={t('actionList.detail.indicatorUnit')}
        placeholder={t('actionList.detail.indicatorUnit')}
        value={unit}
        maxLength={50}
        onChange={(e) => setUnit(e.target.value)}
        onKeyDown={onKeyDown}
      />
      <input
        className="field__input action-detail__input"
        aria-label={t('actionList.detail.indicatorBaseline')}
        placeholder={t('actionList.detail.indicatorBaseline')}
        inputMode="decimal"
        value={baseline}
        onChange={(e) => setBaseline(e.target.value)}
        onKeyDown={onKeyDown}
      />
      <input
        className="field__input action-detail__input"
        aria-label={t('actionList.detail.indicatorTarget')}
        placeholder={t('actionList.detail.indicatorTarget')}
        inputMode="decimal"
        value={target}
        data-testid="indicator-target"
        onChange={(e) => setTarget(e.target.value)}
        onKeyDown={onKeyDown}
      />
      <button type="button" className="button" onClick={add} data-testid="indicator-add">
        <Icon name="plus" size={16} />
        {t('actionList.detail.indicatorAdd')}
      </button>
    </div>
  );
}

/** Undo of the last local change (the delete) for the toast after a delete. */
export function undoLast(doc: Y.Doc): void {
  getUndoManager(doc).undo();
}
