/**
 * The record as spreadsheets: a ZIP of activities.csv, actions.csv, capacities.csv and
 * opportunities.csv. RFC 4180 (papaparse), CRLF line ends, UTF-8 with a BOM so Excel reads the
 * accents right. Cells that a spreadsheet would run as a formula (starting with = + - @, a tab or a
 * carriage return) are prefixed with ' . Linked ids are kept and resolved to titles in extra
 * columns; regions appear by name.
 */
import { strToU8, zipSync } from 'fflate';
import Papa from 'papaparse';
import type { WorkshopRecord } from '../../../shared/record/schema';
import { formatTime, indexRecord } from './recordIndex';
import { VOCABULARY_EN, type ExportVocabulary } from './vocabulary';

const LABELS_EN = {
  id: 'ID',
  title: 'Title',
  description: 'Description',
  rank: 'Rank',
  status: 'Status',
  field: 'Field',
  capacityIds: 'Capacity IDs',
  capacities: 'Capacities combined',
  opportunityIds: 'Opportunity IDs',
  opportunities: 'Opportunities targeted',
  actors: 'Actors',
  structuralChange: 'Structural change',
  criticalMass: 'Critical mass (1–5)',
  criticalMassRationale: 'Critical mass rationale',
  crossRegionalNeeds: 'Cross-regional needs',
  dots: 'Dots (latest vote)',
  votes: 'Votes',
  activityId: 'Activity ID',
  activity: 'Activity',
  type: 'Type',
  lead: 'Lead',
  partners: 'Partners',
  regions: 'Regions',
  start: 'Start',
  end: 'End',
  budget: 'Budget (EUR)',
  fundingSource: 'Funding source',
  clusterService: 'Cluster service',
  indicators: 'Indicators',
  region: 'Region',
  kind: 'Kind',
  strength: 'Strength (1–5)',
  holders: 'Holders',
  evidenceUrl: 'Evidence URL',
  activitiesLinking: 'Used by activities',
  horizon: 'Time horizon',
  group: 'Group',
  sourceUrl: 'Source URL',
  /** Vote cell: "<vote title>: <dots> dots, rank <n>" */
  voteCell: (title: string, dots: number, rank: number, when: string) =>
    `${title || when}: ${dots} dots, rank ${rank}`,
};

export const CSV_FILES = [
  'activities.csv',
  'actions.csv',
  'capacities.csv',
  'opportunities.csv',
] as const;
export type CsvFile = (typeof CSV_FILES)[number];

const BOM = '\uFEFF';
/** What a spreadsheet would evaluate; anywhere in a multi-line cell counts only at its start. */
const FORMULA_START = /^[=+\-@\t\r]/;
/** Several values in one cell. */
const LIST = '; ';

type Cell = string | number | null;

function table(header: string[], rows: Cell[][]): string {
  return (
    BOM +
    Papa.unparse(
      { fields: header, data: rows.map((row) => row.map((cell) => cell ?? '')) },
      { newline: '\r\n', escapeFormulae: FORMULA_START },
    ) +
    '\r\n'
  );
}

/** The four CSV files as text (BOM included), by file name. */
export function exportCsvTables(
  record: WorkshopRecord,
  words: ExportVocabulary = VOCABULARY_EN,
): Record<CsvFile, string> {
  const L = LABELS_EN;
  const index = indexRecord(record, words);
  const regionNames = (ids: string[]) => ids.map((id) => index.regionName(id)).join(LIST);

  const activities = table(
    [
      L.id,
      L.rank,
      L.title,
      L.status,
      L.field,
      L.description,
      L.capacityIds,
      L.capacities,
      L.opportunityIds,
      L.opportunities,
      L.actors,
      L.structuralChange,
      L.criticalMass,
      L.criticalMassRationale,
      L.crossRegionalNeeds,
      L.dots,
      L.votes,
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
          const facts = [words.helix[actor.helix]];
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
          const when = formatTime(
            record.votes.find((r) => r.voteId === v.voteId)?.revealedAt ?? null,
          );
          return L.voteCell(v.title, v.total, v.rank, when);
        })
        .join(LIST),
    ]),
  );

  const actions = table(
    [
      L.id,
      L.activityId,
      L.activity,
      L.title,
      L.description,
      L.type,
      L.status,
      L.lead,
      L.partners,
      L.regions,
      L.start,
      L.end,
      L.budget,
      L.fundingSource,
      L.clusterService,
      L.indicators,
    ],
    record.actions.map((a) => [
      a.id,
      a.activityId,
      a.activityId ? (index.activity(a.activityId)?.title ?? '') : '',
      a.title,
      a.description.text,
      words.actionType[a.actionType],
      words.actionStatus[a.status],
      a.lead,
      a.partners.join(LIST),
      regionNames(a.regionIds),
      a.start,
      a.end,
      a.budget,
      words.fundingSource[a.fundingSource],
      a.clusterService,
      a.indicators
        .map((i) => {
          const unit = i.unit ? ` (${i.unit})` : '';
          const values = `${i.baseline ?? '?'} → ${i.target ?? '?'}`;
          return `${words.indicatorKind[i.kind]}: ${i.name}${unit} ${values}`;
        })
        .join(LIST),
    ]),
  );

  const capacities = table(
    [
      L.id,
      L.title,
      L.region,
      L.kind,
      L.field,
      L.strength,
      L.holders,
      L.evidenceUrl,
      L.description,
      L.activitiesLinking,
    ],
    record.capacities.map((c) => [
      c.id,
      c.title,
      index.regionName(c.regionId),
      words.capacityKind[c.kind],
      c.field,
      c.strength || null,
      c.holders.map((h) => `${h.name} (${words.helix[h.helix]})`).join(LIST),
      c.evidenceUrl,
      c.description.text,
      index
        .activitiesLinking(c.id)
        .map((a) => a.title)
        .join(LIST),
    ]),
  );

  const opportunities = table(
    [L.id, L.title, L.kind, L.horizon, L.group, L.sourceUrl, L.description, L.activitiesLinking],
    record.opportunities.map((o) => [
      o.id,
      o.title,
      words.opportunityKind[o.kind],
      words.horizon[o.horizon],
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
export function exportCsvZip(record: WorkshopRecord, words?: ExportVocabulary): Uint8Array {
  const tables = exportCsvTables(record, words);
  // ZIP dates start in 1980.
  const mtime = new Date(Math.max(Date.parse(record.provenance.archivedAt), Date.UTC(1980, 0, 2)));
  return zipSync(Object.fromEntries(CSV_FILES.map((name) => [name, strToU8(tables[name])])), {
    level: 6,
    mtime,
  });
}
