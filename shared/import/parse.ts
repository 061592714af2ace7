/**
 * Reads a preparation spreadsheet (CSV or XLSX) into rows of strings. exceljs is loaded only when
 * an XLSX file is read, so it stays out of the main client bundle.
 */
import Papa from 'papaparse';

export const MAX_IMPORT_BYTES = 5 * 1024 * 1024;

export class SpreadsheetError extends Error {}

export function parseCsv(text: string): string[][] {
  const result = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { skipEmptyLines: 'greedy' });
  const fatal = result.errors.find((e) => e.type === 'Quotes');
  if (fatal) throw new SpreadsheetError(`CSV row ${(fatal.row ?? 0) + 1}: ${fatal.message}`);
  return result.data.map((row) => row.map((cell) => String(cell ?? '')));
}

export async function parseXlsx(data: ArrayBuffer): Promise<string[][]> {
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(data);
  } catch {
    throw new SpreadsheetError('not a readable XLSX file');
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new SpreadsheetError('the workbook has no worksheet');
  const rows: string[][] = [];
  sheet.eachRow({ includeEmpty: false }, (row) => {
    const values: string[] = [];
    row.eachCell({ includeEmpty: true }, (cell, col) => {
      values[col - 1] = cell.text ?? '';
    });
    rows.push(Array.from(values, (v) => v ?? ''));
  });
  return rows;
}

/** CSV or XLSX by file name (or content), with a size limit. */
export async function parseSpreadsheet(name: string, data: ArrayBuffer): Promise<string[][]> {
  if (data.byteLength > MAX_IMPORT_BYTES) {
    throw new SpreadsheetError(`file is larger than ${MAX_IMPORT_BYTES / 1024 / 1024} MB`);
  }
  const bytes = new Uint8Array(data);
  const isZip = bytes[0] === 0x50 && bytes[1] === 0x4b; // XLSX is a ZIP container
  if (/\.xlsx$/i.test(name) || isZip) return parseXlsx(data);
  return parseCsv(new TextDecoder('utf-8').decode(data));
}
