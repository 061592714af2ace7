/** The output and result indicators of an action: one row each (name, unit, baseline, target) and a row to add one. */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';

import {
  addIndicator,
  removeIndicator,
  updateIndicator,
  type Action,
  type Indicator,
} from '@shared/doc';
import { INDICATOR_KINDS, NOT_SET, type IndicatorKindOrNotSet } from '@shared/domain/s3';
import { Icon } from '@client/ui/Icon';
import { closedLabel, notSetClass } from '../closedLabel';

function parseNumber(text: string): number | null | undefined {
  const s = text
    .trim()
    .replace(/[\s\u00a0']/g, '')
    .replace(',', '.');
  if (s === '') return null;
  const n = Number(s);
  return Number.isFinite(n) ? n : undefined;
}

export function Indicators({
  doc,
  action,
  canEdit,
}: {
  doc: Y.Doc;
  action: Action;
  canEdit: boolean;
}) {
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
            onChange={(e) =>
              onSave({ ...indicator, kind: e.target.value as IndicatorKindOrNotSet })
            }
          >
            <option value="">{t('s3.notSet')}</option>
            {INDICATOR_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`s3.indicatorKind.${k}`)}
              </option>
            ))}
          </select>
        ) : (
          <span className={notSetClass(indicator.kind).trim()}>
            {closedLabel(t, 'indicatorKind', indicator.kind)}
          </span>
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
    kind: IndicatorKindOrNotSet;
    name: string;
    unit: string;
    baseline: number | null;
    target: number | null;
  }) => boolean;
  onError: (message: string | null) => void;
}) {
  const { t } = useTranslation();
  const [kind, setKind] = useState<IndicatorKindOrNotSet>(NOT_SET);
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
        onChange={(e) => setKind(e.target.value as IndicatorKindOrNotSet)}
      >
        <option value="">{t('s3.notSet')}</option>
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
