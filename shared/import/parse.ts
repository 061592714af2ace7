/**
 * Reads a preparation spreadsheet (CSV or XLSX) into rows of strings. exceljs is loaded only when
 * an XLSX file is read, so it stays out of the main client bundle.
 */
import Papa from 'papaparse';

export const MAX_IMPORT_BYTES = 5 * 1024 * 1024;

export class SpreadsheetError extends Error {}

/**
 * A read spreadsheet: its cells as text, and the link target of each hyperlink cell (XLSX), whose
 * text may be a caption ("Strategy, p. 12") rather than the URL a link column needs.
 */
export interface Sheet {
  rows: string[][];
  /** links[row][column]: the cell's hyperlink, when it has one. */
  links: (string | undefined)[][];
}

/**
 * CSV as Excel and LibreOffice save it: comma, semicolon (European locales) or tab separated, with
 * or without a BOM, quoted fields holding separators and line breaks. Papaparse guesses the
 * separator from the first rows.
 */
export function parseCsv(text: string): string[][] {
  const result = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), {
    skipEmptyLines: 'greedy',
    delimitersToGuess: [',', ';', '\t', '|'],
  });
  const fatal = result.errors.find((e) => e.type === 'Quotes');
  if (fatal) throw new SpreadsheetError(`CSV row ${(fatal.row ?? 0) + 1}: ${fatal.message}`);
  return result.data.map((row) => row.map((cell) => String(cell ?? '')));
}

/** Windows-1252's bytes 0x80–0x9F (the rest is Latin-1); its five unassigned bytes stay C1 controls. */
const CP1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ';

/**
 * A CSV file's text: UTF-8 when the bytes are valid UTF-8, else Windows-1252 (what Excel on Windows
 * writes for "CSV (comma delimited)"), so "Kärnten" never turns into "K�rnten". Decoded by hand:
 * Node's TextDecoder reads 'windows-1252' as Latin-1 and would lose "–", "€" and curly quotes.
 */
export function decodeCsv(data: ArrayBuffer | Uint8Array): string {
  const bytes = data instanceof Uint8Array ? data : new Uint8Array(data);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    let out = '';
    for (const byte of bytes) {
      out += byte >= 0x80 && byte <= 0x9f ? CP1252_HIGH[byte - 0x80] : String.fromCharCode(byte);
    }
    return out;
  }
}

/** A cell's text as a person sees it; dates as YYYY-MM-DD (a year-only date as its year). */
function cellText(cell: { value: unknown; text: string }): string {
  const value = cell.value;
  if (value instanceof Date) return formatDate(value);
  if (value && typeof value === 'object' && 'result' in value) {
    const result = (value as { result: unknown }).result;
    if (result instanceof Date) return formatDate(result);
    if (result != null && typeof result !== 'object') return String(result);
  }
  if (value && typeof value === 'object' && 'richText' in value) {
    const parts = (value as { richText: { text?: string }[] }).richText;
    return parts.map((p) => p.text ?? '').join('');
  }
  if (value && typeof value === 'object' && 'hyperlink' in value) {
    const link = value as { text?: unknown; hyperlink?: string };
    if (typeof link.text === 'string') return link.text;
    if (link.text && typeof link.text === 'object' && 'richText' in link.text) {
      return (link.text as { richText: { text?: string }[] }).richText
        .map((p) => p.text ?? '')
        .join('');
    }
    return link.hyperlink ?? '';
  }
  if (value && typeof value === 'object' && 'error' in value) return '';
  return cell.text ?? '';
}

function formatDate(date: Date): string {
  const iso = date.toISOString();
  return iso.slice(0, 10);
}

export async function parseXlsx(data: ArrayBuffer): Promise<Sheet> {
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
  const links: (string | undefined)[][] = [];
  sheet.eachRow({ includeEmpty: false }, (row) => {
    const values: string[] = [];
    const rowLinks: (string | undefined)[] = [];
    row.eachCell({ includeEmpty: true }, (cell, col) => {
      values[col - 1] = cellText(cell);
      const hyperlink = (cell as { hyperlink?: unknown }).hyperlink;
      if (typeof hyperlink === 'string' && hyperlink) rowLinks[col - 1] = hyperlink;
    });
    rows.push(Array.from(values, (v) => v ?? ''));
    links.push(rowLinks);
  });
  return { rows, links };
}

/** CSV or XLSX by file name (or content), with a size limit. */
export async function readSpreadsheet(name: string, data: ArrayBuffer): Promise<Sheet> {
  if (data.byteLength > MAX_IMPORT_BYTES) {
    throw new SpreadsheetError(`file is larger than ${MAX_IMPORT_BYTES / 1024 / 1024} MB`);
  }
  const bytes = new Uint8Array(data);
  const isZip = bytes[0] === 0x50 && bytes[1] === 0x4b; // XLSX is a ZIP container
  if (/\.xlsx$/i.test(name) || isZip) return parseXlsx(data);
  return { rows: parseCsv(decodeCsv(bytes)), links: [] };
}

/** The cells only (see readSpreadsheet for hyperlink targets). */
export async function parseSpreadsheet(name: string, data: ArrayBuffer): Promise<string[][]> {
  return (await readSpreadsheet(name, data)).rows;
}
