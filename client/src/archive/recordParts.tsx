/**
 * Small pieces the archive's pages repeat: the link back to the archive, one capacity's line (title,
 * kind, strength), and a titled column of a record's lists (capacities by region, opportunities by
 * group).
 */
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { CapacityKindOrNotSet } from '@shared/domain/s3';
import { closedLabel } from '@client/boards/closedLabel';
import { navigate } from '@client/lib/navigation';

/** "← Archive": back to the organisers' archive without reloading the page. */
export function BackToArchive() {
  const { t } = useTranslation();
  return (
    <a
      className="archive-back"
      href="/archive"
      onClick={(event) => {
        event.preventDefault();
        navigate('/archive');
      }}
    >
      ← {t('archive.record.back')}
    </a>
  );
}

/** A capacity in a record's list: its title, then its kind and, when judged, its strength. */
export function CapacityLine({
  capacity,
}: {
  capacity: { title: string; kind: CapacityKindOrNotSet; strength: number };
}) {
  const { t } = useTranslation();
  return (
    <>
      <strong>{capacity.title}</strong>
      <span className="muted">
        {' · '}
        {closedLabel(t, 'capacityKind', capacity.kind)}
        {capacity.strength > 0 &&
          ` · ${t('archive.record.strength', { score: capacity.strength })}`}
      </span>
    </>
  );
}

/** One titled column of a record's list (a region's capacities, a group's opportunities). */
export function RecordColumn({ title, children }: { title: string; children: ReactNode }) {
  return (
    <div className="record-column">
      <h4 className="record-column__title">{title}</h4>
      <ul className="record-list">{children}</ul>
    </div>
  );
}
