// @jsxRuntime automatic
/**
 * The summary near the top of the report: the actions' budget per transformative activity and per
 * funding source. An amount not set is never printed as 0: a line with none set says "not set", a
 * total that leaves some out says how many.
 */
import type { ReactNode } from 'react';
import { budgetSummary, type BudgetLine } from '../budgetSummary';
import { closedLabel } from '../vocabulary';
import { Section, type ReportProps } from './blocks';

function BudgetTable({
  caption,
  heading,
  rows,
  total,
  words,
}: Pick<ReportProps, 'words'> & {
  caption: string;
  heading: string;
  rows: { label: string; line: BudgetLine }[];
  total: BudgetLine;
}): ReactNode {
  const { t } = words;
  const cells = (line: BudgetLine) => [
    <td key="n" className="num">
      {words.number(line.actions)}
    </td>,
    <td key="b" className="num">
      {line.total === null ? words.notSet : words.money(line.total)}
      {line.total !== null && line.notSet > 0 ? (
        <div className="muted">{t('summary.amountsNotSet', { count: line.notSet })}</div>
      ) : null}
    </td>,
  ];
  return (
    <table className="budget-table">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{heading}</th>
          <th scope="col" className="num">
            {t('summary.actions')}
          </th>
          <th scope="col" className="num">
            {t('summary.budget')}
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map(({ label, line }, i) => (
          <tr key={i}>
            <th scope="row">{label}</th>
            {cells(line)}
          </tr>
        ))}
      </tbody>
      <tfoot>
        <tr>
          <th scope="row">{t('summary.total')}</th>
          {cells(total)}
        </tr>
      </tfoot>
    </table>
  );
}

export function Summary({ record, index, words }: ReportProps): ReactNode {
  const { t } = words;
  const summary = budgetSummary(
    record,
    index.rankedActivities.map((a) => a.id),
  );
  return (
    <Section id="summary" title={t('summary.heading')}>
      {record.actions.length === 0 ? (
        <p className="muted">{t('summary.noActions')}</p>
      ) : (
        <>
          <BudgetTable
            words={words}
            caption={t('summary.byActivity')}
            heading={t('fields.activity')}
            rows={summary.byActivity.map(({ activityId, line }) => ({
              label:
                activityId === null
                  ? t('summary.noActivity')
                  : (index.activity(activityId)?.title ?? activityId),
              line,
            }))}
            total={summary.total}
          />
          <BudgetTable
            words={words}
            caption={t('summary.byFundingSource')}
            heading={t('fields.fundingSource')}
            rows={summary.byFundingSource.map(({ source, line }) => ({
              label: closedLabel(words.fundingSource, source, words.notSet),
              line,
            }))}
            total={summary.total}
          />
        </>
      )}
    </Section>
  );
}
