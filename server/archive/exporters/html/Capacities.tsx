// @jsxRuntime automatic
/** The capacities by region: title (linked to its evidence), kind, strength, holders, users. */
import type { ReactNode } from 'react';
import type { RecordCapacity } from '../../../../shared/record/schema';
import { closedLabel } from '../vocabulary';
import { Section, type ReportProps } from './blocks';
import { RichText } from './RichText';
import { safeHref } from './safeHref';

function CapacityRow({
  capacity: c,
  index,
  words,
}: Omit<ReportProps, 'record'> & { capacity: RecordCapacity }) {
  const evidence = safeHref(c.evidenceUrl);
  return (
    <tr>
      <td>
        {evidence ? <a href={evidence}>{c.title}</a> : c.title}
        {c.description.text ? (
          <div className="rich muted">
            <RichText body={c.description} />
          </div>
        ) : null}
      </td>
      <td>
        {closedLabel(words.capacityKind, c.kind, words.notSet)}
        {c.field ? <div className="muted">{c.field}</div> : null}
      </td>
      <td className="num">{c.strength || '–'}</td>
      <td>
        {c.holders
          .map((h) => `${h.name} (${closedLabel(words.helix, h.helix, words.notSet)})`)
          .join(', ')}
      </td>
      <td>
        {index
          .activitiesLinking(c.id)
          .map((a) => a.title)
          .join(', ')}
      </td>
    </tr>
  );
}

export function Capacities({ record, index, words }: ReportProps): ReactNode {
  const { t } = words;
  if (record.capacities.length === 0) {
    return (
      <Section id="capacities" title={t('capacities.heading')}>
        <p className="muted">{t('capacities.none')}</p>
      </Section>
    );
  }
  const regionIds = [
    ...record.workshop.regions.map((r) => r.id as string | null),
    ...record.capacities.map((c) => c.regionId),
  ].filter((id, i, all) => all.indexOf(id) === i);
  const columns = [
    t('fields.capacity'),
    t('fields.kind'),
    t('fields.strength'),
    t('fields.holders'),
    t('fields.usedBy'),
  ];
  return (
    <Section id="capacities" title={t('capacities.heading')}>
      {regionIds.map((regionId, k) => {
        const own = record.capacities.filter((c) => c.regionId === regionId);
        if (own.length === 0) return null;
        return [
          <h3 key={`${k}-h`}>{index.regionName(regionId)}</h3>,
          <table key={`${k}-t`} className="capacities-table">
            <thead>
              <tr>
                {columns.map((h, i) => (
                  <th key={i} className={i === 2 ? 'num' : undefined}>
                    {h}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {own.map((c, i) => (
                <CapacityRow key={i} capacity={c} index={index} words={words} />
              ))}
            </tbody>
          </table>,
        ];
      })}
    </Section>
  );
}
