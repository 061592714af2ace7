// @jsxRuntime automatic
/** The actions: one row each with description, indicators, activity, type, people, when and budget. */
import type { ReactNode } from 'react';
import type { RecordAction } from '../../../../shared/record/schema';
import { closedLabel } from '../vocabulary';
import { Section, type ReportProps } from './blocks';
import { RichText } from './RichText';

function ActionRow({
  action: a,
  index,
  words,
}: Omit<ReportProps, 'record'> & { action: RecordAction }) {
  const people = [a.lead, ...a.partners].filter(Boolean).join(', ');
  const when = a.start || a.end ? `${words.day(a.start) || '…'} – ${words.day(a.end) || '…'}` : '';
  const value = (n: number | null) => (n === null ? words.notSet : words.number(n));
  const indicators = a.indicators
    .map(
      (i) =>
        `${closedLabel(words.indicatorKind, i.kind, words.notSet)}: ${i.name}${i.unit ? ` (${i.unit})` : ''} ${value(i.baseline)} → ${value(i.target)}`,
    )
    .join('; ');
  return (
    <tr>
      <td>
        <strong>{a.title}</strong>
        {a.description.text ? (
          <div className="rich muted">
            <RichText body={a.description} />
          </div>
        ) : null}
        {indicators ? <div className="muted">{indicators}</div> : null}
      </td>
      <td>{a.activityId ? (index.activity(a.activityId)?.title ?? '') : ''}</td>
      <td>{closedLabel(words.actionType, a.actionType, words.notSet)}</td>
      <td>{people}</td>
      <td>{a.regionIds.map((r) => index.regionName(r)).join(', ')}</td>
      <td>{when}</td>
      <td className="num">
        {words.money(a.budget)}
        {a.budget !== null ? (
          <div className="muted">
            {closedLabel(words.fundingSource, a.fundingSource, words.notSet)}
          </div>
        ) : null}
      </td>
      <td>{closedLabel(words.actionStatus, a.status, words.notSet)}</td>
    </tr>
  );
}

export function Actions({ record, index, words }: ReportProps): ReactNode {
  const { t } = words;
  if (record.actions.length === 0) {
    return (
      <Section id="actions" title={t('actions.heading')}>
        <p className="muted">{t('actions.none')}</p>
      </Section>
    );
  }
  const columns = [
    t('fields.action'),
    t('fields.activity'),
    t('fields.type'),
    t('fields.leadAndPartners'),
    t('fields.regions'),
    t('fields.when'),
    t('fields.budget'),
    t('fields.status'),
  ];
  return (
    <Section id="actions" title={t('actions.heading')}>
      <table className="actions-table">
        <thead>
          <tr>
            {columns.map((h, i) => (
              <th key={i} className={i === 6 ? 'num' : undefined}>
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {record.actions.map((a, i) => (
            <ActionRow key={i} action={a} index={index} words={words} />
          ))}
        </tbody>
      </table>
    </Section>
  );
}
