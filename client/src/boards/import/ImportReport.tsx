/**
 * What an import did, kept on screen after it: how many cards, which regions it added and which
 * rows it skipped and why, with a button that copies it all as text (to fix the file later).
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportTarget, RowError } from '@shared/import';
import { Icon } from '@client/ui/Icon';

export interface ImportOutcome {
  fileName: string;
  count: number;
  regionsAdded: string[];
  skipped: { row: number; errors: RowError[] }[];
}

export function ImportReport({
  target,
  outcome,
  fieldName,
}: {
  target: ImportTarget;
  outcome: ImportOutcome;
  fieldName: (key: string) => string;
}) {
  const { t } = useTranslation();
  const [copied, setCopied] = useState(false);
  const problem = (e: RowError) => (e.field ? `${fieldName(e.field)}: ${e.message}` : e.message);
  const title = t(`actionList.import.done.${target}`, { count: outcome.count });
  const regions =
    outcome.regionsAdded.length > 0
      ? t('actionList.import.report.regionsAdded', {
          count: outcome.regionsAdded.length,
          names: outcome.regionsAdded.join(', '),
        })
      : '';
  const skippedTitle = t('actionList.import.report.skippedTitle', {
    count: outcome.skipped.length,
  });

  const copy = () => {
    const lines = [`${outcome.fileName}: ${title}`];
    if (regions) lines.push(regions);
    if (outcome.skipped.length > 0) {
      lines.push('', `${skippedTitle}:`);
      for (const { row, errors } of outcome.skipped)
        lines.push(
          `${t('actionList.import.errorRow', { row })}: ${errors.map(problem).join('; ')}`,
        );
    }
    void navigator.clipboard?.writeText(lines.join('\n')).then(() => setCopied(true));
  };

  return (
    <div className="import-report" data-testid="import-report">
      <div className="import-done" role="status" data-testid="import-done">
        <span className="import-done__icon">
          <Icon name="check" size={22} />
        </span>
        <div>
          <p className="import-done__title">{title}</p>
          {regions && (
            <p className="import-report__regions" data-testid="import-regions-added">
              {regions}
            </p>
          )}
          <p className="muted">{t('actionList.import.doneHint')}</p>
        </div>
      </div>
      {outcome.skipped.length > 0 && (
        <section className="import-section import-errors" data-testid="import-skipped">
          <h3 className="import-section__title import-errors__title">
            <Icon name="alert" size={16} />
            {skippedTitle}
          </h3>
          <ul className="import-errors__list" tabIndex={0}>
            {outcome.skipped.map(({ row, errors }) => (
              <li key={row} className="import-errors__item" data-testid="import-skipped-row">
                <span className="import-errors__row">
                  {t('actionList.import.errorRow', { row })}
                </span>
                <span className="import-errors__message">{errors.map(problem).join('; ')}</span>
              </li>
            ))}
          </ul>
        </section>
      )}
      <button type="button" className="button" data-testid="import-copy-report" onClick={copy}>
        <Icon name={copied ? 'check' : 'copy'} size={16} />
        {copied ? t('actionList.import.report.copied') : t('actionList.import.report.copy')}
      </button>
    </div>
  );
}
