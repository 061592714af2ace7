/**
 * The facilitator's axes of the diamond: each axis collects capacities by kind and/or by field tag.
 * The first edit turns the default axes (one per kind) into the workshop's own; Reset goes back.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import {
  addDiamondAxis,
  diamondAxesArray,
  removeDiamondAxis,
  resetDiamondAxes,
  updateDiamondAxis,
  type DiamondAxis,
} from '@shared/doc';
import { CAPACITY_KINDS, type CapacityKind } from '@shared/domain/s3';
import { Icon } from '@client/ui/Icon';
import { useYValue } from '@client/sync/useY';
import { DraftField } from '@client/ui/DraftField';
import { PanelHeader } from '@client/ui/PanelHeader';
import { SidePanel } from '@client/ui/SidePanel';
import { isKindLabel, useDiamondAxes } from './useDiamond';

const isCustom = (axes: Y.Array<DiamondAxis>) => axes.length > 0;

const parseTags = (value: string) =>
  [
    ...new Set(
      value
        .split(',')
        .map((v) => v.trim())
        .filter(Boolean),
    ),
  ].slice(0, 50);

export function DiamondAxesEditor({ doc, onClose }: { doc: Y.Doc; onClose: () => void }) {
  const { t } = useTranslation();
  const axes = useDiamondAxes(doc);
  const custom = useYValue(diamondAxesArray(doc), isCustom);
  const [confirmReset, setConfirmReset] = useState(false);

  const labelOf = (axis: DiamondAxis) =>
    isKindLabel(axis) ? t(`s3.capacityKind.${axis.label}`) : axis.label;

  const save = (axis: DiamondAxis, patch: Partial<DiamondAxis>) =>
    updateDiamondAxis(doc, { ...axis, ...patch });

  return (
    <SidePanel
      className="diamond-axes"
      aria-labelledby="diamond-axes-title"
      data-testid="diamond-axes-editor"
      onClose={onClose}
    >
      <PanelHeader
        className="cmap-panel__header"
        titleId="diamond-axes-title"
        titleClassName="cmap-panel__heading"
        title={t('capacityMap.axes.title')}
        closeLabel={t('capacityMap.axes.close')}
        onClose={onClose}
      />
      <p className="cmap-panel__hint">{t('capacityMap.axes.intro')}</p>
      <ol className="diamond-axes__list">
        {axes.map((axis, i) => (
          <li key={axis.id} className="diamond-axes__axis" data-testid="diamond-axis">
            <div className="diamond-axes__row">
              <span className="diamond-axes__number" aria-hidden="true">
                {i + 1}
              </span>
              <DraftField
                className="field__input diamond-axes__label"
                aria-label={t('capacityMap.axes.label', { n: i + 1 })}
                data-testid="diamond-axis-label-input"
                value={labelOf(axis)}
                maxLength={80}
                onCommit={(value) => {
                  if (!value.trim()) return t('capacityMap.axes.labelRequired');
                  save(axis, { label: value.trim() });
                  return null;
                }}
              />
              <button
                type="button"
                className="icon-button"
                data-testid="diamond-axis-remove"
                disabled={axes.length <= 1}
                aria-label={t('capacityMap.axes.remove', { label: labelOf(axis) })}
                title={t('capacityMap.axes.remove', { label: labelOf(axis) })}
                onClick={() => removeDiamondAxis(doc, axis.id)}
              >
                <Icon name="trash" size={16} />
              </button>
            </div>
            <fieldset className="diamond-axes__kinds">
              <legend className="diamond-axes__legend">{t('capacityMap.axes.kinds')}</legend>
              {CAPACITY_KINDS.map((kind) => {
                const checked = axis.kinds.includes(kind);
                return (
                  <label key={kind} className={checked ? 'kind-toggle is-on' : 'kind-toggle'}>
                    <input
                      type="checkbox"
                      checked={checked}
                      onChange={() => {
                        const kinds: CapacityKind[] = checked
                          ? axis.kinds.filter((k) => k !== kind)
                          : [...axis.kinds, kind];
                        save(axis, { kinds });
                      }}
                    />
                    {t(`s3.capacityKind.${kind}`)}
                  </label>
                );
              })}
            </fieldset>
            <label className="diamond-axes__legend" htmlFor={`axis-fields-${axis.id}`}>
              {t('capacityMap.axes.fields')}
            </label>
            <DraftField
              id={`axis-fields-${axis.id}`}
              className="field__input diamond-axes__fields"
              value={axis.fields.join(', ')}
              placeholder={t('capacityMap.axes.fieldsPlaceholder')}
              onCommit={(value) => {
                save(axis, { fields: parseTags(value) });
              }}
            />
          </li>
        ))}
      </ol>
      <div className="diamond-axes__footer">
        <button
          type="button"
          className="button"
          data-testid="diamond-axis-add"
          onClick={() =>
            addDiamondAxis(doc, {
              label: t('capacityMap.axes.newAxis', { n: axes.length + 1 }),
              kinds: [],
              fields: [],
            })
          }
        >
          <Icon name="plus" size={16} />
          {t('capacityMap.axes.add')}
        </button>
        {custom &&
          (confirmReset ? (
            <span className="diamond-axes__confirm">
              {t('capacityMap.axes.resetConfirm')}
              <button
                type="button"
                className="button button--ghost"
                onClick={() => setConfirmReset(false)}
              >
                {t('capacityMap.axes.cancel')}
              </button>
              <button
                type="button"
                className="button cmap-panel__delete"
                data-testid="diamond-axes-reset-confirm"
                onClick={() => {
                  resetDiamondAxes(doc);
                  setConfirmReset(false);
                }}
              >
                {t('capacityMap.axes.reset')}
              </button>
            </span>
          ) : (
            <button
              type="button"
              className="button button--ghost"
              data-testid="diamond-axes-reset"
              onClick={() => setConfirmReset(true)}
            >
              {t('capacityMap.axes.reset')}
            </button>
          ))}
      </div>
    </SidePanel>
  );
}
