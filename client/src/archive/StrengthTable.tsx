/**
 * The comparison's strength-by-kind table: per region (column) and capacity kind (row), the summed
 * strength of its capacities and how many there are, shaded against the table's largest value.
 */
import { useTranslation } from 'react-i18next';
import { CAPACITY_KINDS, NOT_SET, type CapacityKindOrNotSet } from '@shared/domain/s3';
import { closedLabel } from '@client/boards/closedLabel';
import type { RegionColumn } from './regionColumns';

export function StrengthTable({ columns }: { columns: RegionColumn[] }) {
  const { t } = useTranslation();
  // A "Not set" row only when some capacity has no kind.
  const kinds: CapacityKindOrNotSet[] = columns.some((c) =>
    c.capacities.some((x) => x.kind === NOT_SET),
  )
    ? [...CAPACITY_KINDS, NOT_SET]
    : [...CAPACITY_KINDS];
  const cell = (column: RegionColumn, kind: CapacityKindOrNotSet) => {
    const own = column.capacities.filter((c) => c.kind === kind);
    return { value: own.reduce((sum, c) => sum + Math.max(1, c.strength), 0), count: own.length };
  };
  const max = Math.max(1, ...columns.flatMap((c) => kinds.map((k) => cell(c, k).value)));
  return (
    <div className="archive-table-wrap">
      <table className="archive-table compare-strength" data-testid="compare-strength">
        <caption>
          <strong>{t('archive.compare.strengthTable')}</strong>{' '}
          <span className="muted">{t('archive.compare.strengthHint')}</span>
        </caption>
        <thead>
          <tr>
            <th scope="col">{t('archive.compare.kind')}</th>
            {columns.map((c) => (
              <th key={c.key} scope="col" className="archive-table__num">
                {c.name}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {kinds.map((kind) => (
            <tr key={kind || 'not-set'}>
              <th scope="row">{closedLabel(t, 'capacityKind', kind)}</th>
              {columns.map((column) => {
                const { value, count } = cell(column, kind);
                return (
                  <td
                    key={column.key}
                    className="archive-table__num compare-strength__cell"
                    style={{ '--level': value / max } as React.CSSProperties}
                  >
                    {value > 0 ? value : '–'}{' '}
                    {count > 0 && <span className="muted">({count})</span>}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
