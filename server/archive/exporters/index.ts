/**
 * The export formats of a workshop record: what each one is called, its content type and file
 * extension, and how it is rendered (pure functions, except the PDF, printed by Chromium).
 */
import type { WorkshopRecord } from '../../../shared/record/schema';
import { exportCsvZip } from './csv';
import { exportHtml } from './html';
import { exportJson } from './json';
import { exportMarkdown } from './markdown';
import type { PdfPrinter } from './pdf';

export const EXPORT_FORMATS = ['json', 'csv', 'md', 'html', 'pdf'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export const EXPORT_TYPES: Record<ExportFormat, { contentType: string; extension: string }> = {
  json: { contentType: 'application/json; charset=utf-8', extension: 'json' },
  csv: { contentType: 'application/zip', extension: 'zip' },
  md: { contentType: 'text/markdown; charset=utf-8', extension: 'md' },
  html: { contentType: 'text/html; charset=utf-8', extension: 'html' },
  pdf: { contentType: 'application/pdf', extension: 'pdf' },
};

export async function renderExport(
  format: ExportFormat,
  record: WorkshopRecord,
  pdf: PdfPrinter,
): Promise<string | Uint8Array> {
  switch (format) {
    case 'json':
      return exportJson(record);
    case 'csv':
      return exportCsvZip(record);
    case 'md':
      return exportMarkdown(record);
    case 'html':
      return exportHtml(record);
    case 'pdf':
      return pdf.print(exportHtml(record));
  }
}

export { exportCsvTables, exportCsvZip, CSV_FILES } from './csv';
export { exportHtml } from './html';
export { exportJson } from './json';
export { exportMarkdown } from './markdown';
export { PdfPrinter, PdfUnavailableError } from './pdf';
export { slugify } from './recordIndex';
