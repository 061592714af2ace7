/**
 * The facilitator's workshop settings: the field (topic) of the workshop, its language and its
 * regions (RegionRow.tsx, AddRegionForm.tsx). Every change is written to the doc at once, so
 * everyone sees it live; there is no Save.
 */
import { useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import {
  listRegions,
  metaMap,
  readWorkshopField,
  readWorkshopLanguage,
  regionsArray,
  setWorkshopField,
  setWorkshopLanguage,
  WORKSHOP_FIELD_MAX,
} from '@shared/doc';
import type { Region } from '@shared/domain/s3';
import { LANGUAGES, type Language } from '@shared/i18n/languages';
import { useYValue } from '@client/sync/useY';
import { DraftField } from '@client/ui/DraftField';
import { Field, SelectField } from '@client/ui/Field';
import { ModalDialog } from '@client/ui/ModalDialog';
import { PanelHeader } from '@client/ui/PanelHeader';
import { AddRegionForm, type PendingRegion } from './AddRegionForm';
import { RegionRow } from './RegionRow';
import '@client/styles/workshop-settings.css';

const readField = (meta: Y.Map<unknown>) => (meta.doc ? readWorkshopField(meta.doc) : '');
const readLanguage = (meta: Y.Map<unknown>) => (meta.doc ? readWorkshopLanguage(meta.doc) : 'en');
const readRegions = (regions: Y.Array<Region>) => (regions.doc ? listRegions(regions.doc) : []);

export default function WorkshopSettings({ doc, onClose }: { doc: Y.Doc; onClose: () => void }) {
  const { t } = useTranslation();
  const titleId = useId();
  const meta = metaMap(doc);
  const field = useYValue(meta, readField);
  const language = useYValue(meta, readLanguage);
  const regions = useYValue(regionsArray(doc), readRegions);
  const pendingRegion = useRef<PendingRegion | null>(null);

  // A region typed in the form but not added yet is not lost on closing: added if valid, else
  // the form says why and a second close leaves it.
  const close = () => {
    if (pendingRegion.current?.flush() === false) return;
    onClose();
  };

  return (
    <ModalDialog
      className="dialog workshop-settings"
      labelledBy={titleId}
      testId="workshop-settings"
      onClose={close}
    >
      <PanelHeader
        className="workshop-settings__header"
        titleId={titleId}
        titleClassName="dialog__title"
        title={t('capacityMap.settings.title')}
        closeLabel={t('capacityMap.settings.close')}
        closeTestId="workshop-settings-close"
        onClose={close}
      />
      <p className="dialog__text">{t('capacityMap.settings.intro')}</p>

      <section className="workshop-settings__section">
        <div className="workshop-settings__row">
          <Field label={t('capacityMap.settings.field')} className="field workshop-settings__grow">
            <DraftField
              testId="settings-field"
              value={field}
              maxLength={WORKSHOP_FIELD_MAX}
              placeholder={t('capacityMap.settings.fieldPlaceholder')}
              onCommit={(value) => setWorkshopField(doc, value)}
            />
          </Field>
          <Field label={t('capacityMap.settings.language')}>
            <SelectField
              className="field__input field__select"
              testId="settings-language"
              value={language}
              options={LANGUAGES.map((lng) => ({
                value: lng,
                label: t(`capacityMap.settings.languages.${lng}`),
              }))}
              onChange={(value) => setWorkshopLanguage(doc, value as Language)}
            />
          </Field>
        </div>
      </section>

      <section className="workshop-settings__section" aria-labelledby={`${titleId}-regions`}>
        <h3 id={`${titleId}-regions`} className="workshop-settings__heading">
          {t('capacityMap.settings.regions')}
        </h3>
        <p className="workshop-settings__hint">{t('capacityMap.settings.regionsHint')}</p>
        {regions.length > 0 && (
          <div className="region-table" role="table" aria-label={t('capacityMap.settings.regions')}>
            <div className="region-table__row region-table__row--head" role="row">
              <span role="columnheader">{t('capacityMap.settings.regionName')}</span>
              <span role="columnheader">{t('capacityMap.settings.country')}</span>
              <span role="columnheader">{t('capacityMap.settings.nuts')}</span>
              <span role="columnheader" className="visually-hidden">
                {t('capacityMap.settings.actions')}
              </span>
            </div>
            {regions.map((region) => (
              <RegionRow key={region.id} doc={doc} region={region} />
            ))}
          </div>
        )}
        {regions.length === 0 && (
          <p className="workshop-settings__empty" data-testid="settings-no-regions">
            {t('capacityMap.settings.noRegions')}
          </p>
        )}
        <AddRegionForm doc={doc} pending={pendingRegion} />
      </section>

      <div className="dialog__actions">
        <button
          type="button"
          className="button button--primary"
          data-testid="workshop-settings-done"
          onClick={close}
        >
          {t('capacityMap.settings.done')}
        </button>
      </div>
    </ModalDialog>
  );
}
