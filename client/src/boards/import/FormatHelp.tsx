/**
 * The import format, inline in the dialog: a self-hosted install serves no docs and may have no
 * route to the repository, so the help travels with the app. Column names come from the same
 * table the mapping uses (never out of date); docs/import.md says the same at more length.
 */
import { useTranslation } from 'react-i18next';
import { IMPORT_FIELDS, type ImportTarget } from '@shared/import';

/** The first few header words per field, enough to show the idea. */
const WORDS_SHOWN = 6;

export function FormatHelp({
  target,
  fieldName,
}: {
  target: ImportTarget;
  fieldName: (key: string) => string;
}) {
  const { t } = useTranslation();
  return (
    <details className="import-help" data-testid="import-format-help">
      <summary className="import-help__summary">{t('actionList.import.formatHelp')}</summary>
      <div className="import-help__body">
        <p>{t('actionList.import.formatColumns')}</p>
        <ul className="import-help__columns">
          {IMPORT_FIELDS[target].map((field) => (
            <li key={field.key}>
              <strong>{fieldName(field.key)}</strong>
              {field.required ? ' *' : ''}: {field.synonyms.slice(0, WORDS_SHOWN).join(', ')}…
            </li>
          ))}
        </ul>
        <p>{t(`actionList.import.formatKinds.${target}`)}</p>
        {target === 'capacity' ? (
          <>
            <p>{t('actionList.import.formatRegions')}</p>
            <p>{t('actionList.import.formatHolders')}</p>
            <p>{t('actionList.import.formatHelices')}</p>
          </>
        ) : (
          <p>{t('actionList.import.formatHorizon')}</p>
        )}
        <p>{t('actionList.import.formatNotSet')}</p>
        <p className="muted">{t('actionList.import.formatHelpSource')}</p>
      </div>
    </details>
  );
}
