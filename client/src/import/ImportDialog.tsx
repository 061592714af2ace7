/**
 * Preparation import: organisers fill capacities or opportunities in a spreadsheet before the
 * workshop and bring them onto a board. Choose a CSV or XLSX file (or drop it), check the column
 * mapping and a preview, fix every reported row, then import all rows in one transaction: peers
 * see all of them at once, and a file with any bad row imports nothing.
 *
 * Lazily loaded by the capacity map and the opportunity board (their "Import" button), so the
 * spreadsheet parsers stay out of the first screen's bundle.
 */
import { useEffect, useId, useMemo, useRef, useState, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import { listOpportunities, listRegions, regionsArray } from '../../../shared/doc';
import type { Region } from '../../../shared/domain/s3';
import {
  applyImport,
  guessMapping,
  IMPORT_FIELDS,
  planImport,
  type ColumnMapping,
  type ImportTarget,
  type RowError,
} from '../../../shared/import';
import { Icon } from '../app/Icon';
import { useYValue } from '../sync/useY';
import { columnLetter, readSpreadsheetFile, sameHeaders, templateCsv } from './importFile';
import '../styles/import.css';

export interface ImportDialogProps {
  doc: Y.Doc;
  target: ImportTarget;
  createdBy: string;
  onClose: () => void;
}

const PREVIEW_ROWS = 5;

type Sheet = { name: string; rows: string[][] };
type Stage =
  | { step: 'choose'; reading?: string; error?: string }
  | { step: 'review'; sheet: Sheet; mapping: ColumnMapping; applyError?: string }
  | { step: 'done'; count: number };

const readRegions = (array: Y.Array<Region>) => listRegions(array.doc!);

export default function ImportDialog({ doc, target, createdBy, onClose }: ImportDialogProps) {
  const { t } = useTranslation();
  const dialogRef = useRef<HTMLDialogElement>(null);
  const fileInputRef = useRef<HTMLInputElement>(null);
  const titleId = useId();
  const introId = useId();
  const [stage, setStage] = useState<Stage>({ step: 'choose' });
  const [dragging, setDragging] = useState(false);
  const regions = useYValue(regionsArray(doc), readRegions);
  const readSeq = useRef(0);

  useEffect(() => {
    const dialog = dialogRef.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => dialog?.close();
  }, []);

  const templateHref = useMemo(
    () => URL.createObjectURL(new Blob([templateCsv(target)], { type: 'text/csv;charset=utf-8' })),
    [target],
  );
  useEffect(() => () => URL.revokeObjectURL(templateHref), [templateHref]);

  const openFile = async (file: File) => {
    const seq = ++readSeq.current;
    const previous = stage.step === 'review' ? stage : null;
    setStage({ step: 'choose', reading: file.name });
    try {
      const rows = await readSpreadsheetFile(file);
      if (seq !== readSeq.current) return;
      if (rows.length < 2 || rows.slice(1).every((r) => r.every((c) => c.trim() === ''))) {
        setStage({ step: 'choose', error: t('actionList.import.noRows', { name: file.name }) });
        return;
      }
      // A corrected file with the same columns keeps the mapping the organiser chose.
      const mapping =
        previous && sameHeaders(previous.sheet.rows[0], rows[0])
          ? previous.mapping
          : guessMapping(rows[0] ?? [], target);
      setStage({ step: 'review', sheet: { name: file.name, rows }, mapping });
    } catch (error) {
      if (seq !== readSeq.current) return;
      const message = error instanceof Error ? error.message : String(error);
      setStage({
        step: 'choose',
        error: t('actionList.import.readError', { name: file.name, message }),
      });
    }
  };

  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    setDragging(false);
    const file = event.dataTransfer.files[0];
    if (file) void openFile(file);
  };
  const onDragOver = (event: DragEvent) => {
    if (!event.dataTransfer.types.includes('Files')) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'copy';
    setDragging(true);
  };

  const plan = useMemo(
    () =>
      stage.step === 'review'
        ? planImport(stage.sheet.rows, target, stage.mapping, { regions, createdBy })
        : null,
    [stage, target, regions, createdBy],
  );

  const runImport = () => {
    if (stage.step !== 'review' || !plan || plan.errors.length > 0 || plan.rows.length === 0)
      return;
    try {
      applyImport(doc, plan, target === 'opportunity' ? opportunityOrigin(doc) : undefined);
      setStage({ step: 'done', count: plan.rows.length });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      setStage({ ...stage, applyError: t('actionList.import.applyError', { message }) });
    }
  };

  const chooseFile = () => fileInputRef.current?.click();

  return (
    <dialog
      ref={dialogRef}
      className="dialog import-dialog"
      aria-labelledby={titleId}
      aria-describedby={introId}
      data-testid="import-dialog"
      data-target={target}
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
      onDragOver={onDragOver}
      onDragLeave={(e) => {
        if (e.currentTarget === e.target) setDragging(false);
      }}
      onDrop={onDrop}
    >
      <header className="import-dialog__header">
        <h2 id={titleId} className="dialog__title">
          {t(`actionList.import.title.${target}`)}
        </h2>
        <button
          type="button"
          className="icon-button"
          aria-label={t('actionList.import.close')}
          onClick={onClose}
        >
          <Icon name="close" />
        </button>
      </header>
      <p id={introId} className="dialog__text">
        {t('actionList.import.intro')}{' '}
        <a
          href={templateHref}
          download={t(`actionList.import.templateFile.${target}`)}
          className="import-dialog__template"
          data-testid="import-template"
        >
          {t('actionList.import.template')}
        </a>
      </p>

      <input
        ref={fileInputRef}
        type="file"
        className="visually-hidden"
        accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        aria-label={t('actionList.import.fileLabel')}
        data-testid="import-file-input"
        tabIndex={-1}
        onChange={(e) => {
          const file = e.currentTarget.files?.[0];
          e.currentTarget.value = '';
          if (file) void openFile(file);
        }}
      />

      {stage.step === 'choose' && (
        <div
          className={dragging ? 'import-drop import-drop--active' : 'import-drop'}
          data-testid="import-drop"
        >
          <Icon name="note" size={28} />
          <p className="import-drop__text">{t('actionList.import.drop')}</p>
          <p className="muted">{t('actionList.import.or')}</p>
          <button
            type="button"
            className="button button--primary"
            onClick={chooseFile}
            disabled={!!stage.reading}
            data-testid="import-choose"
          >
            {t('actionList.import.choose')}
          </button>
          {stage.reading && (
            <p className="muted" role="status">
              {t('actionList.import.reading', { name: stage.reading })}
            </p>
          )}
          {stage.error && (
            <p className="field__error" role="alert" data-testid="import-read-error">
              {stage.error}
            </p>
          )}
          <p className="import-drop__hint">{t(`actionList.import.hints.${target}`)}</p>
        </div>
      )}

      {stage.step === 'review' && plan && (
        <Review
          target={target}
          sheet={stage.sheet}
          mapping={stage.mapping}
          errors={plan.errors}
          dragging={dragging}
          onMappingChange={(mapping) => setStage({ ...stage, mapping, applyError: undefined })}
          onChooseAnother={chooseFile}
        />
      )}

      {stage.step === 'done' && (
        <div className="import-done" role="status" data-testid="import-done">
          <span className="import-done__icon">
            <Icon name="check" size={22} />
          </span>
          <div>
            <p className="import-done__title">
              {t(`actionList.import.done.${target}`, { count: stage.count })}
            </p>
            <p className="muted">{t('actionList.import.doneHint')}</p>
          </div>
        </div>
      )}

      {stage.step === 'review' && stage.applyError && (
        <p className="field__error" role="alert">
          {stage.applyError}
        </p>
      )}

      <div className="dialog__actions">
        {stage.step === 'done' ? (
          <>
            <button type="button" className="button" onClick={() => setStage({ step: 'choose' })}>
              {t('actionList.import.importAnother')}
            </button>
            <button
              type="button"
              className="button button--primary"
              onClick={onClose}
              data-testid="import-close"
              autoFocus
            >
              {t('actionList.import.close')}
            </button>
          </>
        ) : (
          <>
            <button type="button" className="button button--ghost" onClick={onClose}>
              {t('actionList.import.cancel')}
            </button>
            {stage.step === 'review' && plan && (
              <button
                type="button"
                className="button button--primary"
                data-testid="import-submit"
                disabled={plan.errors.length > 0 || plan.rows.length === 0}
                onClick={runImport}
              >
                {t(`actionList.import.submit.${target}`, { count: plan.rows.length })}
              </button>
            )}
          </>
        )}
      </div>
    </dialog>
  );
}

/** Below the opportunities already on the board, so imported cards cover none of them. */
function opportunityOrigin(doc: Y.Doc): { x: number; y: number } {
  const existing = listOpportunities(doc);
  if (existing.length === 0) return { x: 40, y: 40 };
  return {
    x: Math.min(...existing.map((o) => o.x)),
    y: Math.max(...existing.map((o) => o.y)) + 220,
  };
}

interface ReviewProps {
  target: ImportTarget;
  sheet: Sheet;
  mapping: ColumnMapping;
  errors: RowError[];
  dragging: boolean;
  onMappingChange: (mapping: ColumnMapping) => void;
  onChooseAnother: () => void;
}

function Review({
  target,
  sheet,
  mapping,
  errors,
  dragging,
  onMappingChange,
  onChooseAnother,
}: ReviewProps) {
  const { t } = useTranslation();
  const fields = IMPORT_FIELDS[target];
  const headers = sheet.rows[0] ?? [];
  const dataRows = sheet.rows.length - 1;
  const previewRows = sheet.rows.slice(1, 1 + PREVIEW_ROWS);
  const mapped = fields.filter((f) => mapping[f.key] != null);
  const errorCells = useMemo(() => new Set(errors.map((e) => `${e.row}:${e.field}`)), [errors]);
  const fieldName = (key: string) =>
    key in FIELD_KEYS ? t(`actionList.import.fields.${key as FieldKey}`) : key;
  const mappingTitleId = useId();
  const previewTitleId = useId();
  const errorsTitleId = useId();

  return (
    <div className={dragging ? 'import-review import-review--drop' : 'import-review'}>
      <div className="import-review__file">
        <span className="import-review__name" data-testid="import-file-summary">
          {t('actionList.import.fileSummary', { name: sheet.name, count: dataRows })}
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

      <section className="import-section" aria-labelledby={previewTitleId}>
        <h3 id={previewTitleId} className="import-section__title">
          {t('actionList.import.previewTitle')}
        </h3>
        <div className="import-preview" tabIndex={0} aria-labelledby={previewTitleId}>
          <table data-testid="import-preview">
            <caption className="visually-hidden">
              {t('actionList.import.previewCaption', { count: previewRows.length })}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t('actionList.import.rowHeader')}</th>
                {mapped.map((f) => (
                  <th scope="col" key={f.key}>
                    {fieldName(f.key)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {previewRows.map((cells, i) => {
                const row = i + 2;
                return (
                  <tr key={row}>
                    <th scope="row">{row}</th>
                    {mapped.map((f) => {
                      const bad = errorCells.has(`${row}:${f.key}`);
                      return (
                        <td key={f.key} className={bad ? 'import-preview__bad' : undefined}>
                          {cells[mapping[f.key]!] ?? ''}
                        </td>
                      );
                    })}
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
        {dataRows > PREVIEW_ROWS && (
          <p className="muted import-section__intro">
            {t('actionList.import.moreRows', { count: dataRows - PREVIEW_ROWS })}
          </p>
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

const FIELD_KEYS = {
  title: true,
  description: true,
  region: true,
  kind: true,
  field: true,
  holders: true,
  strength: true,
  evidenceUrl: true,
  horizon: true,
  sourceUrl: true,
  group: true,
} as const;
type FieldKey = keyof typeof FIELD_KEYS;

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
