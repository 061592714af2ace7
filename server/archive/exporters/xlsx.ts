/**
 * The record as one Excel workbook: the CSV ZIP's tables as sheets (the four, then the
 * questionnaire tables when the record has questionnaires; named in the export's language), with
 * typed cells: amounts, counts, scores and ranks as numbers, an action's start and end as dates
 * (ISO date format); a value not set is an empty cell, never 0. The header row is bold
 * and frozen; columns are as wide as their longest line (within bounds). Text is written as text,
 * never as a formula, so no cell needs defusing.
 *
 * exceljs is loaded on the first XLSX export, not at server start (it is large).
 */
import type { WorkshopRecord } from '../../../shared/record/schema';
import { CSV_FILES, recordTables, type Cell, type CsvFile, type Table } from './csv';
import {
  QUESTIONNAIRE_CSV_FILES,
  QUESTIONNAIRE_SHEET_NAME,
  questionnaireTables,
} from './questionnaireTables';
import { VOCABULARY_EN, type ExportVocabulary, type ExportKey } from './vocabulary';

const SHEET_NAME: Record<CsvFile, ExportKey> = {
  'activities.csv': 'sheets.activities',
  'actions.csv': 'sheets.actions',
  'capacities.csv': 'sheets.capacities',
  'opportunities.csv': 'sheets.opportunities',
};

/** A date cell's number format: the ISO date, read alike in every language. */
export const DATE_FORMAT = 'yyyy-mm-dd';
const MIN_WIDTH = 6;
const MAX_WIDTH = 60;

/** Excel's rules for sheet names: at most 31 characters, none of : \ / ? * [ ]. */
function sheetName(name: string): string {
  return (
    name
      .replace(/[:\\/?*[\]]/g, ' ')
      .slice(0, 31)
      .trim() || 'Sheet'
  );
}

function cellValue(cell: Cell): string | number | Date | null {
  if (cell === null || cell === '') return null;
  if (typeof cell === 'object') return new Date(`${cell.day}T00:00:00Z`);
  return cell;
}

/** The widest line a cell shows, in characters. */
function cellWidth(cell: Cell): number {
  if (cell === null) return 0;
  if (typeof cell === 'object') return cell.day.length;
  return Math.max(
    ...String(cell)
      .split('\n')
      .map((line) => line.length),
  );
}

export async function exportXlsx(
  record: WorkshopRecord,
  words: ExportVocabulary = VOCABULARY_EN,
): Promise<Uint8Array> {
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  // Dated when the record was taken, so a record always gives the same workbook metadata.
  const taken = new Date(record.provenance.archivedAt);
  workbook.creator = 'Transforma';
  workbook.created = taken;
  workbook.modified = taken;
  workbook.title = record.workshop.title;

  const tables = recordTables(record, words);
  const extra = questionnaireTables(record, words);
  const sheets: [ExportKey, Table][] = [
    ...CSV_FILES.map((file): [ExportKey, Table] => [SHEET_NAME[file], tables[file]]),
    // The questionnaire sheets follow, when the record has questionnaires.
    ...QUESTIONNAIRE_CSV_FILES.flatMap((file): [ExportKey, Table][] => {
      const found = extra[file];
      return found ? [[QUESTIONNAIRE_SHEET_NAME[file], found]] : [];
    }),
  ];
  for (const [name, { header, rows }] of sheets) {
    const sheet = workbook.addWorksheet(sheetName(words.t(name)), {
      views: [{ state: 'frozen', ySplit: 1 }],
    });
    sheet.addRow(header).font = { bold: true };
    for (const row of rows) {
      const added = sheet.addRow(row.map(cellValue));
      row.forEach((cell, i) => {
        if (cell !== null && typeof cell === 'object') added.getCell(i + 1).numFmt = DATE_FORMAT;
      });
    }
    header.forEach((title, i) => {
      const widest = Math.max(title.length, ...rows.map((row) => cellWidth(row[i] ?? null)));
      sheet.getColumn(i + 1).width = Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, widest + 2));
    });
  }
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
