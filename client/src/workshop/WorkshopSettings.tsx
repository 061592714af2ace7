/**
 * The facilitator's workshop settings: the field (topic) of the workshop, its language and its
 * regions. Every change is written to the doc at once, so everyone sees it live; there is no Save.
 */
import { useEffect, useId, useRef, useState, type FormEvent, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import {
  addRegion,
  cardsMap,
  listRegions,
  metaMap,
  readWorkshopField,
  readWorkshopLanguage,
  regionsArray,
  removeRegion,
  setWorkshopField,
  setWorkshopLanguage,
  updateRegion,
  WORKSHOP_FIELD_MAX,
} from '@shared/doc';
import { regionSchema, type Region } from '@shared/domain/s3';
import { LANGUAGES, type Language } from '@shared/i18n/languages';
import { Icon } from '@client/ui/Icon';
import { useYValue } from '@client/sync/useY';
import { DraftInput } from '@client/ui/DraftInput';
import '@client/styles/workshop-settings.css';

const readField = (meta: Y.Map<unknown>) => (meta.doc ? readWorkshopField(meta.doc) : '');
const readLanguage = (meta: Y.Map<unknown>) => (meta.doc ? readWorkshopLanguage(meta.doc) : 'en');
const readRegions = (regions: Y.Array<Region>) => (regions.doc ? listRegions(regions.doc) : []);
const upper = (value: string) => value.toUpperCase();

/** The first zod message of a region field, or null when the value is valid. */
type RegionField = 'name' | 'country' | 'nuts';

function regionFieldError(key: RegionField, value: string): RegionField | null {
  const parsed = regionSchema.shape[key].safeParse(value);
  return parsed.success ? null : key;
}

function capacitiesIn(doc: Y.Doc, regionId: string): number {
  let n = 0;
  cardsMap(doc).forEach((card) => {
    if (card.get('type') === 'capacity' && card.get('regionId') === regionId) n++;
  });
  return n;
}

export default function WorkshopSettings({ doc, onClose }: { doc: Y.Doc; onClose: () => void }) {
  const { t } = useTranslation();
  const dialogRef = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const fieldId = useId();
  const languageId = useId();
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

  useEffect(() => {
    const dialog = dialogRef.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => dialog?.close();
  }, []);

  return (
    <dialog
      ref={dialogRef}
      className="dialog workshop-settings"
      aria-labelledby={titleId}
      data-testid="workshop-settings"
      onCancel={(event) => {
        event.preventDefault();
        close();
      }}
    >
      <div className="workshop-settings__header">
        <h2 id={titleId} className="dialog__title">
          {t('capacityMap.settings.title')}
        </h2>
        <button
          type="button"
          className="icon-button"
          aria-label={t('capacityMap.settings.close')}
          data-testid="workshop-settings-close"
          onClick={close}
        >
          <Icon name="close" />
        </button>
      </div>
      <p className="dialog__text">{t('capacityMap.settings.intro')}</p>

      <section className="workshop-settings__section">
        <div className="workshop-settings__row">
          <div className="field workshop-settings__grow">
            <label className="field__label" htmlFor={fieldId}>
              {t('capacityMap.settings.field')}
            </label>
            <DraftInput
              id={fieldId}
              data-testid="settings-field"
              value={field}
              maxLength={WORKSHOP_FIELD_MAX}
              placeholder={t('capacityMap.settings.fieldPlaceholder')}
              onCommit={(value) => setWorkshopField(doc, value)}
            />
          </div>
          <div className="field">
            <label className="field__label" htmlFor={languageId}>
              {t('capacityMap.settings.language')}
            </label>
            <select
              id={languageId}
              className="field__input field__select"
              data-testid="settings-language"
              value={language}
              onChange={(e) => setWorkshopLanguage(doc, e.target.value as Language)}
            >
              {LANGUAGES.map((lng) => (
                <option key={lng} value={lng}>
                  {t(`capacityMap.settings.languages.${lng}`)}
                </option>
              ))}
            </select>
          </div>
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
    </dialog>
  );
}

function RegionRow({ doc, region }: { doc: Y.Doc; region: Region }) {
  const { t } = useTranslation();
  const [confirming, setConfirming] = useState(false);

  const commit = (key: 'name' | 'country' | 'nuts', value: string) => {
    const error = regionFieldError(key, value.trim());
    if (error) return t(`capacityMap.settings.errors.${error}`);
    updateRegion(doc, region.id, { [key]: value.trim() });
    return null;
  };

  if (confirming) {
    const count = capacitiesIn(doc, region.id);
    return (
      <div
        className="region-table__row region-table__row--confirm"
        role="row"
        data-testid="region-remove-confirm"
      >
        <p role="cell" className="region-table__confirm-text">
          {t('capacityMap.settings.removeConfirm', { name: region.name })}{' '}
          <span className="muted">
            {count > 0
              ? t('capacityMap.settings.removeConsequence', { count })
              : t('capacityMap.settings.removeNoCapacities')}
          </span>
        </p>
        <div role="cell" className="region-table__confirm-actions">
          <button
            type="button"
            className="button button--ghost"
            autoFocus
            onClick={() => setConfirming(false)}
          >
            {t('capacityMap.settings.keep')}
          </button>
          <button
            type="button"
            className="button button--danger"
            data-testid="region-remove-confirm-button"
            onClick={() => removeRegion(doc, region.id)}
          >
            {t('capacityMap.settings.remove')}
          </button>
        </div>
      </div>
    );
  }

  return (
    <div
      className="region-table__row"
      role="row"
      data-testid="region-row"
      data-region-id={region.id}
    >
      <div role="cell" className="region-table__cell">
        <DraftInput
          data-testid="region-name"
          aria-label={t('capacityMap.settings.regionNameOf', { name: region.name })}
          value={region.name}
          maxLength={120}
          onCommit={(v) => commit('name', v)}
        />
      </div>
      <div role="cell" className="region-table__cell">
        <DraftInput
          data-testid="region-country"
          aria-label={t('capacityMap.settings.countryOf', { name: region.name })}
          value={region.country}
          maxLength={80}
          onCommit={(v) => commit('country', v)}
        />
      </div>
      <div role="cell" className="region-table__cell">
        <DraftInput
          data-testid="region-nuts"
          aria-label={t('capacityMap.settings.nutsOf', { name: region.name })}
          value={region.nuts}
          maxLength={40}
          transform={upper}
          placeholder={t('capacityMap.settings.nutsPlaceholder')}
          onCommit={(v) => commit('nuts', v)}
        />
      </div>
      <div role="cell" className="region-table__cell region-table__cell--actions">
        <button
          type="button"
          className="icon-button"
          data-testid="region-remove"
          aria-label={t('capacityMap.settings.removeRegion', { name: region.name })}
          title={t('capacityMap.settings.removeRegion', { name: region.name })}
          onClick={() => setConfirming(true)}
        >
          <Icon name="trash" size={16} />
        </button>
      </div>
    </div>
  );
}

/** The add-region form, seen from the dialog: add what is typed there before closing. */
interface PendingRegion {
  /** True when nothing is left in the form (added now, or empty); false when it was refused. */
  flush: () => boolean;
}

function AddRegionForm({ doc, pending }: { doc: Y.Doc; pending: RefObject<PendingRegion | null> }) {
  const { t } = useTranslation();
  const nameId = useId();
  const countryId = useId();
  const nutsId = useId();
  const errorId = useId();
  const nameRef = useRef<HTMLInputElement>(null);
  const nutsRef = useRef<HTMLInputElement>(null);
  const countryRef = useRef<HTMLInputElement>(null);
  const [name, setName] = useState('');
  const [country, setCountry] = useState('');
  const [nuts, setNuts] = useState('');
  const [error, setError] = useState<RegionField | null>(null);
  /** Closing was refused once for this draft: the next close leaves it. */
  const [warned, setWarned] = useState(false);
  const typed = Boolean(name.trim() || country.trim() || nuts.trim());

  const problem = () =>
    regionFieldError('name', name.trim()) ??
    regionFieldError('country', country.trim()) ??
    regionFieldError('nuts', nuts.trim());

  const clear = () => {
    setName('');
    setCountry('');
    setNuts('');
    setError(null);
    setWarned(false);
  };

  /** Adds the typed region; on a refusal shows why and puts the focus on the field to fix. */
  const add = (): boolean => {
    const refused = problem();
    if (refused) {
      setError(refused);
      const field = refused === 'nuts' ? nutsRef : refused === 'country' ? countryRef : nameRef;
      field.current?.focus();
      return false;
    }
    addRegion(doc, { name: name.trim(), country: country.trim(), nuts: nuts.trim() });
    clear();
    return true;
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (add()) nameRef.current?.focus();
  };

  useEffect(() => {
    pending.current = {
      flush: () => {
        if (!typed) return true;
        if (warned) {
          clear();
          return true;
        }
        if (add()) return true;
        setWarned(true);
        return false;
      },
    };
    return () => {
      pending.current = null;
    };
  });

  const change = (set: (value: string) => void, value: string) => {
    set(value);
    setError(null);
    setWarned(false);
  };

  return (
    <form className="region-add" onSubmit={submit} noValidate data-testid="region-add-form">
      <div className="field region-add__name">
        <label className="field__label" htmlFor={nameId}>
          {t('capacityMap.settings.newRegionName')}
        </label>
        <input
          ref={nameRef}
          id={nameId}
          className="field__input"
          data-testid="region-add-name"
          value={name}
          maxLength={120}
          placeholder={t('capacityMap.settings.regionNamePlaceholder')}
          aria-invalid={error === 'name' || undefined}
          aria-describedby={error ? errorId : undefined}
          onChange={(e) => change(setName, e.target.value)}
        />
      </div>
      <div className="field">
        <label className="field__label" htmlFor={countryId}>
          {t('capacityMap.settings.country')}
        </label>
        <input
          ref={countryRef}
          id={countryId}
          className="field__input"
          data-testid="region-add-country"
          value={country}
          maxLength={80}
          placeholder={t('capacityMap.settings.countryPlaceholder')}
          aria-invalid={error === 'country' || undefined}
          aria-describedby={error ? errorId : undefined}
          onChange={(e) => change(setCountry, e.target.value)}
        />
      </div>
      <div className="field region-add__nuts">
        <label className="field__label" htmlFor={nutsId}>
          {t('capacityMap.settings.nutsOptional')}
        </label>
        <input
          ref={nutsRef}
          id={nutsId}
          className="field__input"
          data-testid="region-add-nuts"
          value={nuts}
          maxLength={40}
          placeholder={t('capacityMap.settings.nutsPlaceholder')}
          aria-invalid={error === 'nuts' || undefined}
          aria-describedby={error ? errorId : undefined}
          onChange={(e) => change(setNuts, e.target.value.toUpperCase())}
          // A code that cannot be right is said at once, not only when adding.
          onBlur={() => {
            if (nuts.trim() && regionFieldError('nuts', nuts.trim())) setError('nuts');
          }}
        />
      </div>
      <button
        type="submit"
        className="button button--primary region-add__submit"
        data-testid="region-add-submit"
      >
        <Icon name="plus" size={16} />
        {t('capacityMap.settings.addRegion')}
      </button>
      {error && (
        <p
          id={errorId}
          className="field__error region-add__error"
          role="alert"
          data-testid="region-add-error"
        >
          {t(`capacityMap.settings.errors.${error}`)}
          {warned && ` ${t('capacityMap.settings.notAdded')}`}
        </p>
      )}
    </form>
  );
}
