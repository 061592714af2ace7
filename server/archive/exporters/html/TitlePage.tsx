// @jsxRuntime automatic
/** The report's first page: workshop type, title and field, the facts, and how much was written. */
import type { ReactNode } from 'react';
import { Facts, type ReportProps } from './blocks';

export function TitlePage({ record, words }: Omit<ReportProps, 'index'>): ReactNode {
  const { t } = words;
  const { workshop, provenance } = record;
  const { dates } = workshop;
  const facts: [string, string][] = [
    [
      t('facts.regions'),
      workshop.regions
        .map((r) => {
          const more = [r.country, r.nuts].filter(Boolean).join(', ');
          return more ? `${r.name} (${more})` : r.name;
        })
        .join('; '),
    ],
    [t('facts.heldOn'), words.day(dates.firstPhaseStartedAt ?? dates.createdAt)],
    [
      t('facts.ran'),
      dates.firstPhaseStartedAt
        ? `${words.time(dates.firstPhaseStartedAt)} – ${words.time(dates.lastPhaseEndedAt)}`
        : '',
    ],
    [t('facts.facilitators'), workshop.facilitators.join(', ')],
    [t('facts.participants'), words.number(record.participants.total)],
    [t('facts.language'), words.languageName(workshop.language)],
    [
      t('facts.record'),
      t('facts.recordValue', {
        version: provenance.recordVersion,
        kind: words.recordKind[provenance.kind],
        at: words.time(provenance.archivedAt),
      }),
    ],
  ];
  const counts: [string, number][] = [
    [t('counts.capacities'), record.capacities.length],
    [t('counts.opportunities'), record.opportunities.length],
    [t('counts.activities'), record.activities.length],
    [t('counts.actions'), record.actions.length],
  ];
  return (
    <section className="title-page" aria-label={workshop.title}>
      <div className="title-page__eyebrow">{t('eyebrow')}</div>
      <div className="title-page__template">{words.template[workshop.template]}</div>
      <h1>{workshop.title}</h1>
      {workshop.field ? <div className="title-page__field">{workshop.field}</div> : null}
      <Facts facts={facts} />
      <div className="counts">
        {counts.map(([label, n]) => (
          <div key={label} className="count">
            <span className="count__n">{n}</span>
            <span className="count__label">{label}</span>
          </div>
        ))}
      </div>
    </section>
  );
}
