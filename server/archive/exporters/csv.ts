/**
 * The record as spreadsheets: a ZIP of activities.csv, actions.csv, capacities.csv and
 * opportunities.csv, plus the questionnaire tables when the record has questionnaires
 * (questionnaireTables.ts). RFC 4180 (papaparse), CRLF line ends, UTF-8 with a BOM so Excel reads the
 * accents right. Cells that a spreadsheet would run as a formula (starting with = + - @, a tab or a
 * carriage return) are prefixed with ' . Linked ids are kept and resolved to titles in extra
 * columns; regions appear by name.
 *
 * Separator and decimal mark suit the language, as a spreadsheet set to it opens a CSV with a
 * double click: English `,` and `.`; German, French, Italian and Slovenian `;` and `,`. `separator`
 * overrides it (`&sep=comma|semicolon|tab`); with a comma separator the decimal mark is `.`, so a
 * number never needs quotes. Numbers are otherwise written as they are (no thousands separators),
 * dates as ISO dates.
 *
 * `recordTables` is the same four tables as typed cells: the XLSX export writes them as sheets.
 */
import { strToU8, zipSync } from 'fflate';
import Papa from 'papaparse';
import type { WorkshopRecord } from '../../../shared/record/schema';
import {
  QUESTIONNAIRE_CSV_FILES,
  questionnaireTables,
  type QuestionnaireCsvFile,
} from './questionnaireTables';
import type { CsvSeparator } from './formats';
import { indexRecord, voteResult } from './recordIndex';
import { VOCABULARY_EN, type ExportVocabulary, closedLabel } from './vocabulary';

export const CSV_FILES = [
  'activities.csv',
  'actions.csv',
  'capacities.csv',
  'opportunities.csv',
] as const;
export type CsvFile = (typeof CSV_FILES)[number];

const DELIMITER: Record<CsvSeparator, string> = { comma: ',', semicolon: ';', tab: '\t' };

/** The separator a spreadsheet in this language expects: only English uses the decimal point. */
export function defaultSeparator(words: ExportVocabulary): CsvSeparator {
  return words.lng === 'en' ? 'comma' : 'semicolon';
}

const BOM = '\uFEFF';
/** What a spreadsheet would evaluate; anywhere in a multi-line cell counts only at its start. */
const FORMULA_START = /^[=+\-@\t\r]/;
/** Several values in one cell. */
const LIST = '; ';

/** A day (an action's start or end, ISO `YYYY-MM-DD`): text in a CSV, a date cell in XLSX. */
export interface DayCell {
  day: string;
}
/** A table cell: text, a number (amount, count, score, rank), a day, or null for not set. */
export type Cell = string | number | DayCell | null;
export interface Table {
  header: string[];
  rows: Cell[][];
}

function table(header: string[], rows: Cell[][]): Table {
  return { header, rows };
}

function csvText({ header, rows }: Table, separator: CsvSeparator): string {
  const decimal = separator === 'comma' ? '.' : ',';
  const text = (cell: Cell): string => {
    if (cell === null) return '';
    if (typeof cell === 'number') return String(cell).replace('.', decimal);
    if (typeof cell === 'object') return cell.day;
    return cell;
  };
  return (
    BOM +
    Papa.unparse(
      { fields: header, data: rows.map((row) => row.map(text)) },
      { newline: '\r\n', delimiter: DELIMITER[separator], escapeFormulae: FORMULA_START },
    ) +
    '\r\n'
  );
}

/**
 * The CSV files as text (BOM included), by file name: the four tables, then the questionnaire
 * tables the record has content for.
 */
export function exportCsvTables(
  record: WorkshopRecord,
  words: ExportVocabulary = VOCABULARY_EN,
  separator: CsvSeparator = defaultSeparator(words),
): Record<CsvFile, string> & Partial<Record<QuestionnaireCsvFile, string>> {
  const tables = recordTables(record, words);
  const extra = questionnaireTables(record, words);
  return Object.fromEntries([
    ...CSV_FILES.map((name) => [name, csvText(tables[name], separator)]),
    ...QUESTIONNAIRE_CSV_FILES.flatMap((name) => {
      const found = extra[name];
      return found ? [[name, csvText(found, separator)]] : [];
    }),
  ]) as Record<CsvFile, string> & Partial<Record<QuestionnaireCsvFile, string>>;
}

/** The four tables with typed cells, by CSV file name. */
export function recordTables(
  record: WorkshopRecord,
  words: ExportVocabulary = VOCABULARY_EN,
): Record<CsvFile, Table> {
  const { t } = words;
  const index = indexRecord(record, words);
  const regionNames = (ids: string[]) => ids.map((id) => index.regionName(id)).join(LIST);

  const activities = table(
    [
      t('fields.id'),
      t('fields.rank'),
      t('fields.title'),
      t('fields.status'),
      t('fields.field'),
      t('fields.description'),
      t('csv.capacityIds'),
      t('fields.capacities'),
      t('csv.opportunityIds'),
      t('fields.opportunities'),
      t('fields.actors'),
      t('fields.structuralChange'),
      t('csv.criticalMass'),
      t('fields.criticalMassRationale'),
      t('fields.crossRegionalNeeds'),
      t('csv.dots'),
      t('fields.votes'),
    ],
    index.rankedActivities.map((a) => [
      a.id,
      a.rank,
      a.title,
      words.activityStatus[a.status],
      a.field,
      a.description.text,
      a.capacityIds.join(LIST),
      index.capacityTitles(a).join(LIST),
      a.opportunityIds.join(LIST),
      index.opportunityTitles(a).join(LIST),
      a.actors
        .map((actor) => {
          const facts = actor.helix ? [closedLabel(words.helix, actor.helix, '')] : [];
          if (actor.regionId) facts.push(index.regionName(actor.regionId));
          return `${actor.name} (${facts.join(', ')})`;
        })
        .join(LIST),
      a.structuralChange,
      a.criticalMass || null,
      a.criticalMassRationale,
      a.crossRegionalNeeds
        .map((n) => `${index.regionName(n.regionId)}: ${n.contribution}`)
        .join(LIST),
      a.votes.at(-1)?.total ?? null,
      a.votes
        .map((v) => {
          const when = words.time(
            record.votes.find((r) => r.voteId === v.voteId)?.revealedAt ?? null,
          );
          return voteResult(v.title || when, v.total, v.rank, words);
        })
        .join(LIST),
    ]),
  );

  const actions = table(
    [
      t('fields.id'),
      t('csv.activityId'),
      t('fields.activity'),
      t('fields.title'),
      t('fields.description'),
      t('fields.type'),
      t('fields.status'),
      t('fields.lead'),
      t('fields.partners'),
      t('fields.regions'),
      t('fields.start'),
      t('fields.end'),
      t('csv.budget'),
      t('fields.fundingSource'),
      t('fields.clusterService'),
      t('fields.indicators'),
    ],
    record.actions.map((a) => [
      a.id,
      a.activityId,
      a.activityId ? (index.activity(a.activityId)?.title ?? '') : '',
      a.title,
      a.description.text,
      closedLabel(words.actionType, a.actionType, ''),
      closedLabel(words.actionStatus, a.status, ''),
      a.lead,
      a.partners.join(LIST),
      regionNames(a.regionIds),
      a.start ? { day: a.start } : null,
      a.end ? { day: a.end } : null,
      a.budget,
      closedLabel(words.fundingSource, a.fundingSource, ''),
      a.clusterService,
      a.indicators
        .map((i) => {
          const unit = i.unit ? ` (${i.unit})` : '';
          const values = `${i.baseline ?? '?'} → ${i.target ?? '?'}`;
          const kind = i.kind ? `${words.indicatorKind[i.kind]}: ` : '';
          return `${kind}${i.name}${unit} ${values}`;
        })
        .join(LIST),
    ]),
  );

  const capacities = table(
    [
      t('fields.id'),
      t('fields.title'),
      t('fields.region'),
      t('fields.kind'),
      t('fields.field'),
      t('csv.strength'),
      t('fields.holders'),
      t('csv.evidenceUrl'),
      t('fields.description'),
      t('csv.usedBy'),
    ],
    record.capacities.map((c) => [
      c.id,
      c.title,
      index.regionName(c.regionId),
      closedLabel(words.capacityKind, c.kind, ''),
      c.field,
      c.strength || null,
      c.holders.map((h) => (h.helix ? `${h.name} (${words.helix[h.helix]})` : h.name)).join(LIST),
      c.evidenceUrl,
      c.description.text,
      index
        .activitiesLinking(c.id)
        .map((a) => a.title)
        .join(LIST),
    ]),
  );

  const opportunities = table(
    [
      t('fields.id'),
      t('fields.title'),
      t('fields.kind'),
      t('fields.horizon'),
      t('fields.group'),
      t('csv.sourceUrl'),
      t('fields.description'),
      t('csv.usedBy'),
    ],
    record.opportunities.map((o) => [
      o.id,
      o.title,
      closedLabel(words.opportunityKind, o.kind, ''),
      closedLabel(words.horizon, o.horizon, ''),
      index.groupName(o.groupId),
      o.sourceUrl,
      o.description.text,
      index
        .activitiesLinking(o.id)
        .map((a) => a.title)
        .join(LIST),
    ]),
  );

  return {
    'activities.csv': activities,
    'actions.csv': actions,
    'capacities.csv': capacities,
    'opportunities.csv': opportunities,
  };
}

/** The CSV files zipped; entries are dated when the record was taken, so a record always zips alike. */
export function exportCsvZip(
  record: WorkshopRecord,
  words?: ExportVocabulary,
  separator?: CsvSeparator,
): Uint8Array {
  const tables = exportCsvTables(record, words, separator);
  // ZIP dates start in 1980.
  const mtime = new Date(Math.max(Date.parse(record.provenance.archivedAt), Date.UTC(1980, 0, 2)));
  return zipSync(
    Object.fromEntries(Object.entries(tables).map(([name, text]) => [name, strToU8(text)])),
    { level: 6, mtime },
  );
}
