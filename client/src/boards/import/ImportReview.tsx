/**
 * The import dialog's review step: the column mapping, the regions the file would add, a preview
 * with what each row leaves not set or reads in another form, and the problems (with the choice to
 * skip the rows that have them).
 */
import { Fragment, useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  fileErrors,
  IMPORT_FIELDS,
  rowsWithProblems,
  type ColumnMapping,
  type ImportPlan,
  type ImportTarget,
  type NewRegion,
} from '@shared/import';
import { Icon } from '@client/ui/Icon';
import { columnLetter } from './importFile';
import { fieldsNotInFile, rowNoteTexts } from './rowNotes';

const PREVIEW_ROWS = 5;
/** The notes column comes right after the title: on screen without scrolling a wide file. */
const NOTES_AFTER = 1;

interface ReviewProps {
  target: ImportTarget;
  name: string;
  rows: string[][];
  mapping: ColumnMapping;
  plan: ImportPlan;
  skipRows: boolean;
  dragging: boolean;
  fieldName: (key: string) => string;
  onMappingChange: (mapping: ColumnMapping) => void;
  onSkipRowsChange: (skip: boolean) => void;
  onChooseAnother: () => void;
}

export function ImportReview({
  target,
  name,
  rows,
  mapping,
  plan,
  skipRows,
  dragging,
  fieldName,
  onMappingChange,
  onSkipRowsChange,
  onChooseAnother,
}: ReviewProps) {
  const { t } = useTranslation();
  const [showAll, setShowAll] = useState(false);
  const fields = IMPORT_FIELDS[target];
  const headers = rows[0] ?? [];
  const dataRows = rows.length - 1;
  const previewRows = rows.slice(1, 1 + (showAll ? dataRows : PREVIEW_ROWS));
  const mapped = fields.filter((f) => mapping[f.key] != null);
  const errors = plan.errors;
  const errorCells = useMemo(() => new Set(errors.map((e) => `${e.row}:${e.field}`)), [errors]);
  const notesByRow = useMemo(
    () =>
      new Map(plan.rows.map((r) => [r.row, rowNoteTexts(t, target, r.notes, mapping, fieldName)])),
    [plan, t, target, mapping, fieldName],
  );
  const notInFile = fieldsNotInFile(plan, mapping);
  const badRows = rowsWithProblems(plan).length;
  const canSkip = errors.length > 0 && fileErrors(plan).length === 0 && plan.rows.length > 0;
  const notesHeader = (
    <th scope="col" className="import-preview__notes-header">
      {t('actionList.import.notesHeader')}
    </th>
  );
  const mappingTitleId = useId();
  const previewTitleId = useId();
  const errorsTitleId = useId();

  return (
    <div className={dragging ? 'import-review import-review--drop' : 'import-review'}>
      <div className="import-review__file">
        <span className="import-review__name" data-testid="import-file-summary">
          {t('actionList.import.fileSummary', { name, count: dataRows })}
        </span>
        <button
          type="button"
          className="button"
          onClick={onChooseAnother}
          data-testid="import-choose-another"
        >
          {t('actionList.import.chooseAnother')}
        </button>
      </div>

      <section className="import-section" aria-labelledby={mappingTitleId}>
        <h3 id={mappingTitleId} className="import-section__title">
          {t('actionList.import.mappingTitle')}
        </h3>
        <p className="muted import-section__intro">{t('actionList.import.mappingIntro')}</p>
        <div className="import-mapping">
          {fields.map((field) => (
            <MappingSelect
              key={field.key}
              label={fieldName(field.key)}
              required={field.required}
              headers={headers}
              value={mapping[field.key] ?? null}
              testId={`import-map-${field.key}`}
              onChange={(column) => {
                const next: ColumnMapping = { ...mapping };
                // One column fills one field: taking it from another field unmaps that one.
                if (column != null)
                  for (const key of Object.keys(next)) if (next[key] === column) next[key] = null;
                next[field.key] = column;
                onMappingChange(next);
              }}
            />
          ))}
        </div>
      </section>

      {plan.newRegions.length > 0 && <NewRegions regions={plan.newRegions} />}

      <section className="import-section" aria-labelledby={previewTitleId}>
        <h3 id={previewTitleId} className="import-section__title">
          {t('actionList.import.previewTitle')}
        </h3>
        {notInFile.length > 0 && (
          <p className="import-not-in-file" data-testid="import-not-in-file">
            {t('actionList.import.notInFile', { fields: notInFile.map(fieldName).join(', ') })}
          </p>
        )}
        <div className="import-preview" tabIndex={0} aria-labelledby={previewTitleId}>
          <table data-testid="import-preview">
            <caption className="visually-hidden">
              {t('actionList.import.previewCaption', { count: previewRows.length })}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t('actionList.import.rowHeader')}</th>
                {mapped.map((f, i) => (
                  <Fragment key={f.key}>
                    {i === NOTES_AFTER && notesHeader}
                    <th scope="col">{fieldName(f.key)}</th>
                  </Fragment>
                ))}
                {mapped.length <= NOTES_AFTER && notesHeader}
              </tr>
            </thead>
            <tbody>
              {previewRows.map((cells, i) => {
                const row = i + 2;
                const notes = notesByRow.get(row) ?? [];
                return (
                  <tr key={row}>
                    <th scope="row">{row}</th>
                    {mapped.map((f, c) => {
                      const bad = errorCells.has(`${row}:${f.key}`);
                      return (
                        <Fragment key={f.key}>
                          {c === NOTES_AFTER && <NotesCell notes={notes} />}
                          <td className={bad ? 'import-preview__bad' : undefined}>
                            {cells[mapping[f.key]!] ?? ''}
                          </td>
                        </Fragment>
                      );
                    })}
                    {mapped.length <= NOTES_AFTER && <NotesCell notes={notes} />}
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
        {dataRows > PREVIEW_ROWS && (
          <button
            type="button"
            className="button button--ghost import-section__more"
            data-testid="import-show-all"
            aria-expanded={showAll}
            onClick={() => setShowAll(!showAll)}
          >
            {showAll
              ? t('actionList.import.showFirstRows', { count: PREVIEW_ROWS })
              : t('actionList.import.showAllRows', { count: dataRows })}
          </button>
        )}
      </section>

      {errors.length > 0 ? (
        <section
          className="import-section import-errors"
          aria-labelledby={errorsTitleId}
          data-testid="import-errors"
        >
          <h3 id={errorsTitleId} className="import-section__title import-errors__title">
            <Icon name="alert" size={16} />
            {t('actionList.import.errorsTitle', { count: errors.length })}
          </h3>
          <p className="muted import-section__intro">{t('actionList.import.errorsHint')}</p>
          <ul className="import-errors__list" tabIndex={0} aria-labelledby={errorsTitleId}>
            {errors.map((error, i) => (
              <li key={i} className="import-errors__item" data-testid="import-error">
                <span className="import-errors__row">
                  {error.row === 1
                    ? t('actionList.import.headerRow')
                    : t('actionList.import.errorRow', { row: error.row })}
                </span>
                {error.field && (
                  <span className="import-errors__field">{fieldName(error.field)}</span>
                )}
                <span className="import-errors__message">{error.message}</span>
              </li>
            ))}
          </ul>
          {canSkip && (
            <label className="import-skip">
              <input
                type="checkbox"
                checked={skipRows}
                data-testid="import-skip-rows"
                onChange={(e) => onSkipRowsChange(e.currentTarget.checked)}
              />
              <span>
                {t('actionList.import.skipRows', { count: badRows })}
                <span className="muted import-skip__hint">
                  {t('actionList.import.skipRowsHint')}
                </span>
              </span>
            </label>
          )}
        </section>
      ) : (
        <p className="import-ok" data-testid="import-ok">
          <Icon name="check" size={16} />
          {t('actionList.import.noErrors')}
        </p>
      )}
    </div>
  );
}

function NotesCell({ notes }: { notes: string[] }) {
  return (
    <td className="import-preview__notes" data-testid="import-row-notes">
      {notes.map((text, n) => (
        <span key={n} className="import-preview__note">
          {text}
        </span>
      ))}
    </td>
  );
}

function NewRegions({ regions }: { regions: NewRegion[] }) {
  const { t } = useTranslation();
  const titleId = useId();
  return (
    <section
      className="import-section import-regions"
      aria-labelledby={titleId}
      data-testid="import-new-regions"
    >
      <h3 id={titleId} className="import-section__title">
        {t('actionList.import.newRegionsTitle', { count: regions.length })}
      </h3>
      <p className="muted import-section__intro">{t('actionList.import.newRegionsIntro')}</p>
      <ul className="import-regions__list">
        {regions.map((region) => (
          <li key={region.key} className="import-regions__item" data-testid="import-new-region">
            <span className="import-regions__name">{region.name}</span>
            <span className={region.country ? undefined : 'muted'}>
              {region.country || t('actionList.import.noCountry')}
            </span>
            <span className={region.nuts ? 'import-regions__nuts' : 'muted'}>
              {region.nuts || t('actionList.import.noNuts')}
            </span>
            <span className="muted">
              {t('actionList.import.newRegionRows', {
                count: region.rows.length,
                rows: compactRows(region.rows),
              })}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** [3, 15, 27, 39, 51] → "3, 15, 27 …" : enough to find them, short enough for one line. */
function compactRows(rows: number[]): string {
  return rows.length > 4 ? `${rows.slice(0, 3).join(', ')} …` : rows.join(', ');
}

interface MappingSelectProps {
  label: string;
  required: boolean;
  headers: string[];
  value: number | null;
  testId: string;
  onChange: (column: number | null) => void;
}

function MappingSelect({ label, required, headers, value, testId, onChange }: MappingSelectProps) {
  const { t } = useTranslation();
  const id = useId();
  const missing = required && value == null;
  return (
    <div className="import-mapping__field">
      <label htmlFor={id} className="field__label">
        {label}
        {required && (
          <span className="import-mapping__required" title={t('actionList.import.required')}>
            {' *'}
            <span className="visually-hidden">{t('actionList.import.required')}</span>
          </span>
        )}
      </label>
      <select
        id={id}
        className="field__input field__select import-mapping__select"
        value={value == null ? '' : String(value)}
        aria-invalid={missing || undefined}
        data-testid={testId}
        onChange={(e) => onChange(e.target.value === '' ? null : Number(e.target.value))}
      >
        <option value="">{t('actionList.import.notImported')}</option>
        {headers.map((header, index) => (
          <option key={index} value={String(index)}>
            {header.trim()
              ? t('actionList.import.column', {
                  letter: columnLetter(index),
                  header: header.trim(),
                })
              : t('actionList.import.columnUntitled', { letter: columnLetter(index) })}
          </option>
        ))}
      </select>
    </div>
  );
}
