/** A select of the workshop's regions, with 'not set'. */
import { useTranslation } from 'react-i18next';
import { type Region } from '@shared/domain/s3';

export function RegionSelect({
  value,
  regions,
  onChange,
  disabled,
  label,
  allowNone,
}: {
  value: string;
  regions: Region[];
  onChange: (regionId: string) => void;
  disabled: boolean;
  label: string;
  allowNone: boolean;
}) {
  const { t } = useTranslation();
  const known = regions.some((r) => r.id === value);
  return (
    <select
      className="field__input field__select"
      aria-label={label}
      value={value}
      disabled={disabled}
      onChange={(e) => onChange(e.target.value)}
    >
      {(allowNone || !known) && (
        <option value={known ? '' : value}>
          {value && !known
            ? t('activityCanvas.matrix.unknownRegion')
            : t('activityCanvas.panel.noRegion')}
        </option>
      )}
      {regions.map((r) => (
        <option key={r.id} value={r.id}>
          {r.name}
        </option>
      ))}
    </select>
  );
}
