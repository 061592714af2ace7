/**
 * The settings' form that adds a region (name, country, optional NUTS code). A refusal says which
 * field is wrong and puts the focus there. The dialog asks it to flush before closing: what is
 * typed is added if valid, else refused once (a second close leaves it).
 */
import { useEffect, useId, useRef, useState, type FormEvent, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import { addRegion } from '@shared/doc';
import { Field } from '@client/ui/Field';
import { Icon } from '@client/ui/Icon';
import { REGION_FIELD_MAX, regionFieldError, upper, type RegionField } from './regionFields';

/** The add-region form, seen from the dialog: add what is typed there before closing. */
export interface PendingRegion {
  /** True when nothing is left in the form (added now, or empty); false when it was refused. */
  flush: () => boolean;
}

const EMPTY: Record<RegionField, string> = { name: '', country: '', nuts: '' };

/** The form's fields, in order: label, placeholder, test id and row class. */
const INPUTS = [
  {
    key: 'name',
    label: 'capacityMap.settings.newRegionName',
    placeholder: 'capacityMap.settings.regionNamePlaceholder',
    className: 'field region-add__name',
  },
  {
    key: 'country',
    label: 'capacityMap.settings.country',
    placeholder: 'capacityMap.settings.countryPlaceholder',
    className: 'field',
  },
  {
    key: 'nuts',
    label: 'capacityMap.settings.nutsOptional',
    placeholder: 'capacityMap.settings.nutsPlaceholder',
    className: 'field region-add__nuts',
  },
] as const;

export function AddRegionForm({
  doc,
  pending,
}: {
  doc: Y.Doc;
  pending: RefObject<PendingRegion | null>;
}) {
  const { t } = useTranslation();
  const errorId = useId();
  const refs = {
    name: useRef<HTMLInputElement>(null),
    country: useRef<HTMLInputElement>(null),
    nuts: useRef<HTMLInputElement>(null),
  };
  const [values, setValues] = useState(EMPTY);
  const [error, setError] = useState<RegionField | null>(null);
  /** Closing was refused once for this draft: the next close leaves it. */
  const [warned, setWarned] = useState(false);
  const trimmed = {
    name: values.name.trim(),
    country: values.country.trim(),
    nuts: values.nuts.trim(),
  };
  const typed = Boolean(trimmed.name || trimmed.country || trimmed.nuts);

  const problem = () =>
    regionFieldError('name', trimmed.name) ??
    regionFieldError('country', trimmed.country) ??
    regionFieldError('nuts', trimmed.nuts);

  const clear = () => {
    setValues(EMPTY);
    setError(null);
    setWarned(false);
  };

  /** Adds the typed region; on a refusal shows why and puts the focus on the field to fix. */
  const add = (): boolean => {
    const refused = problem();
    if (refused) {
      setError(refused);
      refs[refused].current?.focus();
      return false;
    }
    addRegion(doc, trimmed);
    clear();
    return true;
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (add()) refs.name.current?.focus();
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

  const change = (key: RegionField, value: string) => {
    setValues((v) => ({ ...v, [key]: key === 'nuts' ? upper(value) : value }));
    setError(null);
    setWarned(false);
  };

  return (
    <form className="region-add" onSubmit={submit} noValidate data-testid="region-add-form">
      {INPUTS.map(({ key, label, placeholder, className }) => (
        <Field key={key} label={t(label)} className={className}>
          {({ id }) => (
            <input
              ref={refs[key]}
              id={id}
              className="field__input"
              data-testid={`region-add-${key}`}
              value={values[key]}
              maxLength={REGION_FIELD_MAX[key]}
              placeholder={t(placeholder)}
              aria-invalid={error === key || undefined}
              aria-describedby={error ? errorId : undefined}
              onChange={(e) => change(key, e.target.value)}
              // A NUTS code that cannot be right is said at once, not only when adding.
              onBlur={
                key === 'nuts'
                  ? () => {
                      if (trimmed.nuts && regionFieldError('nuts', trimmed.nuts)) setError('nuts');
                    }
                  : undefined
              }
            />
          )}
        </Field>
      ))}
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
