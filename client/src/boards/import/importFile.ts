/**
 * Client helpers of the preparation import: reading a dropped or chosen file, spreadsheet column
 * letters, and the CSV template whose headers the column mapping recognises without help.
 */
import { IMPORT_FIELDS, readSpreadsheet, type ImportTarget, type Sheet } from '@shared/import';

/** The header of each importable field in the template (English: recognised by guessMapping). */
const TEMPLATE_HEADERS: Record<string, string> = {
  title: 'Title',
  description: 'Description',
  region: 'Region',
  country: 'Country',
  nuts: 'NUTS code',
  kind: 'Kind',
  field: 'Field',
  holders: 'Holders',
  strength: 'Strength',
  evidenceUrl: 'Evidence link',
  horizon: 'Time horizon',
  sourceUrl: 'Source link',
  group: 'Group',
};

export function templateHeaders(target: ImportTarget): string[] {
  return IMPORT_FIELDS[target].map((f) => TEMPLATE_HEADERS[f.key] ?? f.key);
}

/** A CSV file with the template's header row (with a BOM, so Excel opens it as UTF-8). */
export function templateCsv(target: ImportTarget): string {
  return '\uFEFF' + templateHeaders(target).join(',') + '\r\n';
}

/** A spreadsheet's column letter: 0 → A, 25 → Z, 26 → AA. */
export function columnLetter(index: number): string {
  let n = index;
  let out = '';
  do {
    out = String.fromCharCode(65 + (n % 26)) + out;
    n = Math.floor(n / 26) - 1;
  } while (n >= 0);
  return out;
}

/** Reads a chosen file into rows of strings (rows[0] = the header row) and hyperlink targets. */
export async function readSpreadsheetFile(file: File): Promise<Sheet> {
  const data = await file.arrayBuffer();
  return readSpreadsheet(file.name, data);
}

/** Same headers (trimmed, case ignored): a re-chosen, corrected file keeps the mapping. */
export function sameHeaders(a: string[] | undefined, b: string[] | undefined): boolean {
  if (!a || !b || a.length !== b.length) return false;
  return a.every((h, i) => h.trim().toLowerCase() === (b[i] ?? '').trim().toLowerCase());
}
