// @jsxRuntime automatic
/** Where the record comes from: workshop, version, kind, time, schema, and the records it started from. */
import type { ReactNode } from 'react';
import { sourceRecord } from '../recordIndex';
import { Facts, Section, type ReportProps } from './blocks';

export function Provenance({ record, words }: Omit<ReportProps, 'index'>): ReactNode {
  const { t } = words;
  const { provenance } = record;
  const facts: [string, string][] = [
    [t('provenance.workshop'), provenance.workshopId],
    [t('provenance.version'), String(provenance.recordVersion)],
    [t('provenance.kind'), words.recordKind[provenance.kind]],
    [t('provenance.takenAt'), words.time(provenance.archivedAt)],
    [t('provenance.schema'), String(record.schemaVersion)],
  ];
  return (
    <Section id="provenance" title={t('provenance.heading')}>
      <Facts facts={facts} />
      <h3>{t('provenance.sources')}</h3>
      {provenance.sourceRecords.length > 0 ? (
        <ul>
          {provenance.sourceRecords.map((s, i) => (
            <li key={i}>{sourceRecord(s, words)}</li>
          ))}
        </ul>
      ) : (
        <p className="muted">{t('provenance.noSources')}</p>
      )}
    </Section>
  );
}
