/** Small pieces of a capacity shown on cards and in the side panel. */
import type { CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import type { HelixOrNotSet } from '@shared/domain/s3';
import { HELIX_COLORS, HELIX_NOT_SET_COLOR } from './visuals';

export function HelixChip({ helix, name }: { helix: HelixOrNotSet; name: string }) {
  const { t } = useTranslation();
  const helixLabel = helix ? t(`s3.helix.${helix}`) : t('capacityMap.helixNotSet');
  return (
    <span
      className={helix ? 'helix-chip' : 'helix-chip is-not-set'}
      style={{ '--helix': helix ? HELIX_COLORS[helix] : HELIX_NOT_SET_COLOR } as CSSProperties}
      title={`${name} · ${helixLabel}`}
      data-helix={helix || 'not-set'}
    >
      <span className="helix-chip__dot" aria-hidden="true" />
      <span className="helix-chip__name">{name}</span>
      <span className="visually-hidden"> ({helixLabel})</span>
    </span>
  );
}

/** Strength as five dots; 0 reads "not judged". */
export function StrengthDots({ value }: { value: number }) {
  const { t } = useTranslation();
  const label =
    value > 0 ? t('capacityMap.strength.value', { value }) : t('capacityMap.strength.notJudged');
  return (
    <span
      className={value > 0 ? 'strength-dots' : 'strength-dots is-unjudged'}
      role="img"
      aria-label={label}
      title={label}
      data-testid="strength-dots"
    >
      {[1, 2, 3, 4, 5].map((n) => (
        <span key={n} className={n <= value ? 'strength-dots__dot is-on' : 'strength-dots__dot'} />
      ))}
    </span>
  );
}

/** Strength picker: a radio group "not judged, 1 … 5", arrow keys included. */
export function StrengthPicker({
  value,
  onChange,
  labelledBy,
}: {
  value: number;
  onChange: (value: number) => void;
  labelledBy: string;
}) {
  const { t } = useTranslation();
  const options = [0, 1, 2, 3, 4, 5];
  return (
    <div
      className="strength-picker"
      role="radiogroup"
      aria-labelledby={labelledBy}
      data-testid="strength-picker"
      onKeyDown={(e) => {
        const step =
          e.key === 'ArrowRight' || e.key === 'ArrowUp'
            ? 1
            : e.key === 'ArrowLeft' || e.key === 'ArrowDown'
              ? -1
              : 0;
        if (!step) return;
        e.preventDefault();
        const next = Math.max(0, Math.min(5, value + step));
        onChange(next);
        const button = e.currentTarget.querySelector<HTMLElement>(`[data-value="${next}"]`);
        button?.focus();
      }}
    >
      {options.map((n) => (
        <button
          key={n}
          type="button"
          role="radio"
          aria-checked={value === n}
          tabIndex={value === n ? 0 : -1}
          data-value={n}
          data-testid={`strength-${n}`}
          className={
            n === 0
              ? 'strength-picker__option strength-picker__option--none'
              : n <= value
                ? 'strength-picker__option is-on'
                : 'strength-picker__option'
          }
          title={
            n === 0
              ? t('capacityMap.strength.notJudged')
              : t(`capacityMap.strength.scale.s${n as 1 | 2 | 3 | 4 | 5}`)
          }
          aria-label={
            n === 0
              ? t('capacityMap.strength.notJudged')
              : t('capacityMap.strength.value', { value: n })
          }
          onClick={() => onChange(n)}
        >
          {n === 0 ? '–' : n}
        </button>
      ))}
    </div>
  );
}
