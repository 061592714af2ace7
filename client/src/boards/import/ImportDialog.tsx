/**
 * Preparation import: organisers fill capacities or opportunities in a spreadsheet before the
 * workshop and bring them onto a board. Choose a CSV or XLSX file (or drop it), check the column
 * mapping and a preview (with what each row leaves not set), then import all rows in one
 * transaction: peers see all of them at once. A file with any bad row imports nothing unless the
 * importer chooses to skip the rows with problems; the regions the file names that the workshop
 * lacks are added in the same step (facilitators only: regions are workshop settings).
 *
 * Lazily loaded by the capacity map and the opportunity board (their "Import" button), so the
 * spreadsheet parsers stay out of the first screen's bundle.
 */
import { useCallback, useEffect, useId, useMemo, useRef, useState, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import { listOpportunities, listRegions, regionsArray } from '@shared/doc';
import type { Region } from '@shared/domain/s3';
import {
  applyImportPlan,
  fileErrors,
  guessMapping,
  planImport,
  rowsWithProblems,
  type ColumnMapping,
  type ImportPlan,
  type ImportTarget,
  type Sheet,
} from '@shared/import';
import { Icon } from '@client/ui/Icon';
import { useYValue } from '@client/sync/useY';
import { FormatHelp } from './FormatHelp';
import { ImportReport, type ImportOutcome } from './ImportReport';
import { ImportReview } from './ImportReview';
import { readSpreadsheetFile, sameHeaders, templateCsv } from './importFile';
import '@client/styles/import.css';
import { ModalDialog } from '@client/ui/ModalDialog';

export interface ImportDialogProps {
  doc: Y.Doc;
  target: ImportTarget;
  createdBy: string;
  /** The facilitator may add the regions a file names (regions are workshop settings). */
  canAddRegions?: boolean;
  onClose: () => void;
}

type NamedSheet = Sheet & { name: string };
type Stage =
  | { step: 'choose'; reading?: string; error?: string }
  | {
      step: 'review';
      sheet: NamedSheet;
      mapping: ColumnMapping;
      skipRows: boolean;
      applyError?: string;
    }
  | { step: 'done'; outcome: ImportOutcome };

const readRegions = (array: Y.Array<Region>) => listRegions(array.doc!);

/** Nothing imports while a row has a problem, unless the importer skips those rows. */
function importable(plan: ImportPlan, skipRows: boolean): boolean {
  if (plan.rows.length === 0 || fileErrors(plan).length > 0) return false;
  return plan.errors.length === 0 || skipRows;
}

export default function ImportDialog({
  doc,
  target,
  createdBy,
  canAddRegions = false,
  onClose,
}: ImportDialogProps) {
  const { t } = useTranslation();
  const fileInputRef = useRef<HTMLInputElement>(null);
  const titleId = useId();
  const introId = useId();
  const [stage, setStage] = useState<Stage>({ step: 'choose' });
  const [dragging, setDragging] = useState(false);
  const regions = useYValue(regionsArray(doc), readRegions);
  const readSeq = useRef(0);
  const fieldName = useCallback(
    (key: string) => (key in FIELD_KEYS ? t(`actionList.import.fields.${key as FieldKey}`) : key),
    [t],
  );

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
      const sheet = await readSpreadsheetFile(file);
      const rows = sheet.rows;
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
      setStage({
        step: 'review',
        sheet: { ...sheet, name: file.name },
        mapping,
        skipRows: false,
      });
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
        ? planImport(stage.sheet.rows, target, stage.mapping, {
            regions,
            createdBy,
            canAddRegions,
            links: stage.sheet.links,
            horizonNote: (text) => t('actionList.import.horizonNote', { text }),
          })
        : null,
    [stage, target, regions, createdBy, canAddRegions, t],
  );
  const canImport = stage.step === 'review' && plan !== null && importable(plan, stage.skipRows);

  const runImport = () => {
    if (stage.step !== 'review' || !plan || !canImport) return;
    try {
      const { regionIds } = applyImportPlan(doc, plan, {
        origin: target === 'opportunity' ? opportunityOrigin(doc) : undefined,
        skipRowsWithProblems: stage.skipRows,
      });
      const added = new Set(regionIds);
      setStage({
        step: 'done',
        outcome: {
          fileName: stage.sheet.name,
          count: plan.rows.length,
          regionsAdded: listRegions(doc)
            .filter((r) => added.has(r.id))
            .map((r) => r.name),
          skipped: rowsWithProblems(plan),
        },
      });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      setStage({ ...stage, applyError: t('actionList.import.applyError', { message }) });
    }
  };

  /** The button says exactly what will happen, and never a count that will not import. */
  const submitLabel = () => {
    if (!plan || !canImport) return t('actionList.import.submitBlocked');
    const importCards = t(`actionList.import.submit.${target}`, { count: plan.rows.length });
    if (target !== 'capacity' || plan.newRegions.length === 0) return importCards;
    return t('actionList.import.submitWithRegions', {
      addRegions: t('actionList.import.addRegions', { count: plan.newRegions.length }),
      importCards: t('actionList.import.importCards.capacity', { count: plan.rows.length }),
    });
  };

  const chooseFile = () => fileInputRef.current?.click();

  return (
    <ModalDialog
      className="dialog import-dialog"
      labelledBy={titleId}
      describedBy={introId}
      testId="import-dialog"
      data-target={target}
      onClose={onClose}
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
      {stage.step !== 'done' && <FormatHelp target={target} fieldName={fieldName} />}

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
        <ImportReview
          target={target}
          name={stage.sheet.name}
          rows={stage.sheet.rows}
          mapping={stage.mapping}
          plan={plan}
          skipRows={stage.skipRows}
          dragging={dragging}
          fieldName={fieldName}
          onMappingChange={(mapping) => setStage({ ...stage, mapping, applyError: undefined })}
          onSkipRowsChange={(skipRows) => setStage({ ...stage, skipRows })}
          onChooseAnother={chooseFile}
        />
      )}

      {stage.step === 'done' && (
        <ImportReport target={target} outcome={stage.outcome} fieldName={fieldName} />
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
                disabled={!canImport}
                onClick={runImport}
              >
                {submitLabel()}
              </button>
            )}
          </>
        )}
      </div>
    </ModalDialog>
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
  country: true,
  nuts: true,
} as const;
type FieldKey = keyof typeof FIELD_KEYS;
