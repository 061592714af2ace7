/**
 * The export formats of a workshop record: what each one is called, its content type and file
 * extension, and how it is rendered (pure functions, except the PDF, printed by Chromium).
 */
import type { WorkshopRecord } from '../../../shared/record/schema';
import { exportCsvZip, type CsvSeparator } from './csv';
import { exportHtml } from './html';
import { exportJson } from './json';
import { exportMarkdown } from './markdown';
import { PAGE_MARKER, PAGES_MARKER, pageFooter, type PdfPrinter } from './pdf';
import type { ExportVocabulary } from './vocabulary';
import { exportXlsx } from './xlsx';

export const EXPORT_FORMATS = ['json', 'csv', 'xlsx', 'md', 'html', 'pdf'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export const EXPORT_TYPES: Record<ExportFormat, { contentType: string; extension: string }> = {
  json: { contentType: 'application/json; charset=utf-8', extension: 'json' },
  csv: { contentType: 'application/zip', extension: 'zip' },
  xlsx: {
    contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    extension: 'xlsx',
  },
  md: { contentType: 'text/markdown; charset=utf-8', extension: 'md' },
  html: { contentType: 'text/html; charset=utf-8', extension: 'html' },
  pdf: { contentType: 'application/pdf', extension: 'pdf' },
};

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

export { exportCsvTables, exportCsvZip, CSV_FILES, CSV_SEPARATORS, type CsvSeparator } from './csv';
export { exportXlsx } from './xlsx';
export { exportVocabulary } from './vocabulary';
export { exportHtml } from './html';
export { exportJson } from './json';
export { exportMarkdown } from './markdown';
export { PdfPrinter, PdfUnavailableError } from './pdf';
export { slugify } from './recordIndex';
