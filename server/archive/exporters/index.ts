/**
 * The export formats of a workshop record: what each one is called, its content type and file
 * extension, and how it is rendered (pure functions, except the PDF, printed by Chromium).
 */
import type { WorkshopRecord } from '../../../shared/record/schema';
import { exportCsvZip } from './csv';
import type { CsvSeparator, ExportFormat } from './formats';
import { exportHtml } from './html';
import { exportJson } from './json';
import { exportMarkdown } from './markdown';
import { PAGE_MARKER, PAGES_MARKER, pageFooter, type PdfPrinter } from './pdf';
import type { ExportVocabulary } from './vocabulary';
import { exportXlsx } from './xlsx';

export interface ExportOptions {
  /** The language of the export's labels, dates and numbers. */
  words: ExportVocabulary;
  /** The CSV separator; the language's own when not given. */
  separator?: CsvSeparator | undefined;
}

export async function renderExport(
  format: ExportFormat,
  record: WorkshopRecord,
  pdf: PdfPrinter,
  { words, separator }: ExportOptions,
): Promise<string | Uint8Array> {
  switch (format) {
    case 'json':
      // The record itself: machine-readable, the same in every language.
      return exportJson(record);
    case 'csv':
      return exportCsvZip(record, words, separator);
    case 'xlsx':
      return exportXlsx(record, words);
    case 'md':
      return exportMarkdown(record, words);
    case 'html':
      return exportHtml(record, words);
    case 'pdf':
      return pdf.print(
        exportHtml(record, words),
        pageFooter(words.t('pdf.page', { page: PAGE_MARKER, pages: PAGES_MARKER })),
      );
  }
}

export { exportCsvTables, exportCsvZip, CSV_FILES } from './csv';
export {
  CSV_SEPARATORS,
  EXPORT_FORMATS,
  EXPORT_TYPES,
  type CsvSeparator,
  type ExportFormat,
} from './formats';
export { exportXlsx } from './xlsx';
export { exportVocabulary } from './vocabulary';
export { exportHtml } from './html';
export { exportJson } from './json';
export { exportMarkdown } from './markdown';
export { PdfPrinter, PdfUnavailableError } from './pdf';
export { slugify } from './recordIndex';
