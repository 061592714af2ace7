// @jsxRuntime automatic
/** The opportunities by group: title (linked to its source), kind, time horizon, targeting activities. */
import type { ReactNode } from 'react';
import type { RecordOpportunity } from '../../../../shared/record/schema';
import { closedLabel } from '../vocabulary';
import { Section, type ReportProps } from './blocks';
import { RichText } from './RichText';
import { safeHref } from './safeHref';

function OpportunityRow({
  opportunity: o,
  index,
  words,
}: Omit<ReportProps, 'record'> & { opportunity: RecordOpportunity }) {
  const source = safeHref(o.sourceUrl);
  return (
    <tr>
      <td>
        {source ? <a href={source}>{o.title}</a> : o.title}
        {o.description.text ? (
          <div className="rich muted">
            <RichText body={o.description} />
          </div>
        ) : null}
      </td>
      <td>{closedLabel(words.opportunityKind, o.kind, words.notSet)}</td>
      <td>{closedLabel(words.horizon, o.horizon, words.notSet)}</td>
      <td>
        {index
          .activitiesLinking(o.id)
          .map((a) => a.title)
          .join(', ')}
      </td>
    </tr>
  );
}

export function Opportunities({ record, index, words }: ReportProps): ReactNode {
  const { t } = words;
  if (record.opportunities.length === 0) {
    return (
      <Section id="opportunities" title={t('opportunities.heading')}>
        <p className="muted">{t('opportunities.none')}</p>
      </Section>
    );
  }
  const columns = [
    t('fields.opportunity'),
    t('fields.kind'),
    t('fields.horizon'),
    t('fields.targetedBy'),
  ];
  return (
    <Section id="opportunities" title={t('opportunities.heading')}>
      {[...record.opportunityGroups.map((g) => g.id as string | null), null].map((groupId, k) => {
        const members = record.opportunities.filter((o) => o.groupId === groupId);
        if (members.length === 0) return null;
        return [
          <h3 key={`${k}-h`}>
            {groupId === null ? t('opportunities.ungrouped') : index.groupName(groupId)}
          </h3>,
          <table key={`${k}-t`} className="opportunities-table">
            <thead>
              <tr>
                {columns.map((h, i) => (
                  <th key={i}>{h}</th>
                ))}
              </tr>
            </thead>
            <tbody>
              {members.map((o, i) => (
                <OpportunityRow key={i} opportunity={o} index={index} words={words} />
              ))}
            </tbody>
          </table>,
        ];
      })}
    </Section>
  );
}
