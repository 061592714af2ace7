/**
 * Turns spreadsheet rows into validated capacities or opportunities, with one clear error per bad
 * cell, and applies them to a doc all at once. A file with any bad row imports nothing, unless the
 * importer chooses to skip the rows with problems; every value the file did not give stays not set
 * (''), and each row says what was not set or read from another form (e.g. "2035 → long").
 */
import * as Y from 'yjs';
import {
  CAPACITY_KINDS,
  type HelixOrNotSet,
  NOT_SET,
  OPPORTUNITY_KINDS,
  regionSchema,
  TIME_HORIZONS,
  type Region,
} from '../domain/s3';
import {
  addRegion,
  cardBody,
  createCapacity,
  createOpportunity,
  createOpportunityGroup,
  getCard,
  listOpportunityGroups,
  listRegions,
  newCapacitySchema,
  newOpportunitySchema,
  type NewCapacity,
  type NewOpportunity,
} from '../doc';
import type { ColumnMapping, ImportTarget } from './fields';
import { IMPORT_FIELDS } from './fields';
import {
  capacityKindFromText,
  helixFromText,
  horizonFromText,
  isCanonical,
  normaliseWord,
  opportunityKindFromText,
} from './vocabulary';

export const MAX_IMPORT_ROWS = 2000;

export interface RowError {
  /** 1-based row number as the spreadsheet shows it (the header is row 1). */
  row: number;
  field: string;
  message: string;
}

/**
 * What a row did not say or said in another form, shown in the preview so nothing is given a
 * value silently: a field left not set, holders without a helix, or a text read as a value.
 */
export type RowNote =
  | { field: string; note: 'not-set' }
  | { field: 'holders'; note: 'helix-not-set'; names: string[] }
  | { field: string; note: 'read-as'; from: string; to: string };

export interface PreparedRow {
  row: number;
  description: string;
  /** Opportunity group name ('' = none). */
  group: string;
  card: NewCapacity | NewOpportunity;
  /** The new region (a key of plan.newRegions) this capacity goes to, once added. */
  newRegion?: string;
  notes: RowNote[];
}

/** A region the file names that the workshop does not have yet. */
export interface NewRegion {
  key: string;
  name: string;
  country: string;
  nuts: string;
  /** The rows that name it. */
  rows: number[];
}

export interface ImportPlan {
  target: ImportTarget;
  rows: PreparedRow[];
  errors: RowError[];
  /** Regions to add before importing (only when the importer may add regions). */
  newRegions: NewRegion[];
}

export interface ImportContext {
  regions: Region[];
  createdBy: string;
  /** The facilitator may add the regions the file names; others get an error per such row. */
  canAddRegions?: boolean;
  /** Years in the horizon column count from this date (default: now). */
  today?: Date;
  /** The paragraph that keeps a horizon given as years: (original text) → text. */
  horizonNote?: (original: string) => string;
  /** Hyperlink targets of the cells (XLSX), same indices as the rows. */
  links?: (string | undefined)[][];
}

const defaultHorizonNote = (original: string) => `Time horizon in the imported file: ${original}`;

/** A name or NUTS code as compared: case, accents, spacing and punctuation ignored. */
export function regionKey(value: string): string {
  return normaliseWord(value).replace(/\s+/g, '');
}

const NUTS_PATTERN = /^[A-Z]{2}[A-Z0-9]{0,3}$/;

/**
 * "Org A (business); Infineon (Villach); AIT (Austrian Institute of Technology) (research)": a
 * trailing "(…)" is the helix only when it names one (or a synonym); otherwise it belongs to the
 * name and the helix is not set.
 */
export function parseHolders(value: string): { name: string; helix: HelixOrNotSet }[] {
  const holders: { name: string; helix: HelixOrNotSet }[] = [];
  for (const part of value
    .split(/[;\n]/)
    .map((p) => p.trim())
    .filter(Boolean)) {
    const match = /^(.*\S)\s*\(([^()]*)\)$/.exec(part);
    const helix = match ? helixFromText(match[2]!) : undefined;
    if (match && helix) holders.push({ name: match[1]!.trim(), helix });
    else holders.push({ name: part, helix: NOT_SET });
  }
  return holders;
}

function findRegion(value: string, regions: Region[]): Region | undefined {
  const key = regionKey(value);
  if (!key) return undefined;
  return regions.find(
    (r) =>
      regionKey(r.name) === key ||
      (r.nuts !== '' && regionKey(r.nuts) === key) ||
      r.id === value.trim(),
  );
}

/** Every problem the schema finds in a row, except in fields already reported for that row. */
function reportSchemaIssues(
  parsed:
    | { success: true }
    | { success: false; error: { issues: { path: PropertyKey[]; message: string }[] } },
  rowErrors: RowError[],
  fail: (field: string, message: string) => void,
): void {
  if (parsed.success) return;
  const reported = new Set(rowErrors.map((e) => e.field));
  for (const issue of parsed.error.issues) {
    const field = String(issue.path[0] ?? '');
    if (reported.has(field)) continue;
    reported.add(field);
    fail(field, issue.message);
  }
}

/** Validates every data row (rows[0] is the header). */
export function planImport(
  rows: string[][],
  target: ImportTarget,
  mapping: ColumnMapping,
  context: ImportContext,
): ImportPlan {
  const errors: RowError[] = [];
  const prepared: PreparedRow[] = [];
  const today = context.today ?? new Date();
  const horizonNote = context.horizonNote ?? defaultHorizonNote;
  for (const field of IMPORT_FIELDS[target]) {
    if (field.required && mapping[field.key] == null) {
      errors.push({ row: 1, field: field.key, message: `no column is mapped to "${field.key}"` });
    }
  }
  const data = rows.slice(1);
  if (data.length > MAX_IMPORT_ROWS) {
    errors.push({
      row: MAX_IMPORT_ROWS + 2,
      field: '',
      message: `at most ${MAX_IMPORT_ROWS} rows per import`,
    });
  }
  if (errors.length > 0) return { target, rows: [], errors, newRegions: [] };

  const newRegions = new Map<string, NewRegion>();
  /** New regions by name and by NUTS code, so rows naming either find the same one. */
  const aliases = new Map<string, NewRegion>();
  data.forEach((cells, index) => {
    const row = index + 2;
    const cell = (key: string) => {
      const col = mapping[key];
      return col == null ? '' : (cells[col] ?? '').trim();
    };
    /** A link column's value: the hyperlink's target when the cell is one (XLSX). */
    const link = (key: string) => {
      const col = mapping[key];
      const target = col == null ? undefined : context.links?.[index + 1]?.[col];
      return target?.trim() || cell(key);
    };
    if (cells.every((c) => (c ?? '').trim() === '')) return; // blank line
    const rowErrors: RowError[] = [];
    const notes: RowNote[] = [];
    const fail = (field: string, message: string) => rowErrors.push({ row, field, message });
    const notSet = (field: string) => notes.push({ field, note: 'not-set' });

    const title = cell('title');
    if (!title) fail('title', 'title is empty');
    let card: NewCapacity | NewOpportunity;
    let description = cell('description');
    let newRegion: NewRegion | undefined;
    if (target === 'capacity') {
      const kindText = cell('kind');
      const kind = kindText ? capacityKindFromText(kindText) : NOT_SET;
      if (kind === undefined)
        fail('kind', `unknown kind "${kindText}" (use ${CAPACITY_KINDS.join(', ')})`);
      else if (kind === NOT_SET) notSet('kind');
      else if (!isCanonical(kindText, [kind]))
        notes.push({ field: 'kind', note: 'read-as', from: kindText, to: kind });

      const regionText = cell('region');
      const nutsText = cell('nuts').toUpperCase();
      const region =
        (regionText ? findRegion(regionText, context.regions) : undefined) ??
        (nutsText ? findRegion(nutsText, context.regions) : undefined);
      if (!region && (regionText || nutsText)) {
        const name = regionText || nutsText;
        if (!context.canAddRegions) {
          fail('region', `unknown region "${name}": a facilitator can add it to the workshop`);
        } else {
          const nuts = nutsText || (NUTS_PATTERN.test(regionText) ? regionText : '');
          const known =
            aliases.get(regionKey(name)) ?? (nuts ? aliases.get(regionKey(nuts)) : undefined);
          if (known) {
            // Later rows may fill what the first row left empty.
            if (!known.country) known.country = cell('country').slice(0, 80);
            if (!known.nuts && NUTS_PATTERN.test(nuts)) known.nuts = nuts;
            newRegion = known;
          } else {
            const country = cell('country');
            const checked = regionSchema.safeParse({ id: 'new', name, country, nuts });
            if (!checked.success) {
              const issue = checked.error.issues[0]!;
              const at = issue.path[0];
              const field = at === 'nuts' ? 'nuts' : at === 'country' ? 'country' : 'region';
              fail(field, `region "${name}": ${issue.message}`);
            } else {
              const { data } = checked;
              newRegion = {
                key: regionKey(name),
                name: data.name,
                country: data.country,
                nuts: data.nuts,
                rows: [],
              };
              aliases.set(regionKey(name), newRegion);
              if (data.nuts) aliases.set(regionKey(data.nuts), newRegion);
            }
          }
        }
      } else if (!region) notSet('region');

      const strengthText = cell('strength');
      const strength = strengthText === '' ? 0 : Number(strengthText.replace(',', '.'));
      if (!Number.isInteger(strength) || strength < 0 || strength > 5)
        fail('strength', `strength must be a whole number from 1 to 5, not "${strengthText}"`);
      else if (strength === 0) notSet('strength');
      const holders = parseHolders(cell('holders'));
      const withoutHelix = holders.filter((h) => h.helix === NOT_SET).map((h) => h.name);
      if (withoutHelix.length > 0)
        notes.push({ field: 'holders', note: 'helix-not-set', names: withoutHelix });
      card = {
        title,
        kind: kind ?? NOT_SET,
        regionId: region?.id ?? '',
        field: cell('field'),
        strength: Number.isInteger(strength) ? strength : 0,
        holders,
        evidenceUrl: link('evidenceUrl'),
        createdBy: context.createdBy,
      };
      reportSchemaIssues(newCapacitySchema.safeParse(card), rowErrors, fail);
    } else {
      const kindText = cell('kind');
      const kind = kindText ? opportunityKindFromText(kindText) : NOT_SET;
      if (kind === undefined)
        fail('kind', `unknown kind "${kindText}" (use ${OPPORTUNITY_KINDS.join(', ')})`);
      else if (kind === NOT_SET) notSet('kind');
      else if (!isCanonical(kindText, [kind]))
        notes.push({ field: 'kind', note: 'read-as', from: kindText, to: kind });

      const horizonText = cell('horizon');
      const reading = horizonText ? horizonFromText(horizonText, today) : undefined;
      if (horizonText && !reading)
        fail(
          'horizon',
          `unknown horizon "${horizonText}" (use ${TIME_HORIZONS.join(', ')}, a year or a span of years)`,
        );
      else if (!reading) notSet('horizon');
      else if (!isCanonical(horizonText, [reading.horizon]))
        notes.push({ field: 'horizon', note: 'read-as', from: horizonText, to: reading.horizon });
      // A year says more than the horizon it maps to: the card keeps it in its description.
      if (reading?.fromNumbers)
        description = [description, horizonNote(horizonText)].filter(Boolean).join('\n');
      card = {
        title,
        kind: kind ?? NOT_SET,
        horizon: reading?.horizon ?? NOT_SET,
        sourceUrl: link('sourceUrl'),
        createdBy: context.createdBy,
      };
      reportSchemaIssues(newOpportunitySchema.safeParse(card), rowErrors, fail);
    }
    if (rowErrors.length > 0) {
      errors.push(...rowErrors);
      return;
    }
    if (newRegion) {
      newRegions.set(newRegion.key, newRegion);
      newRegion.rows.push(row);
    }
    prepared.push({
      row,
      card,
      description,
      group: cell('group'),
      notes,
      ...(newRegion ? { newRegion: newRegion.key } : {}),
    });
  });
  return { target, rows: prepared, errors, newRegions: [...newRegions.values()] };
}

/** Rows that cannot be skipped: the whole file is wrong (no title column, too many rows). */
export function fileErrors(plan: ImportPlan): RowError[] {
  return plan.errors.filter((e) => e.row === 1 || e.field === '');
}

/** The rows that have problems, each with its problems (for the "skipped rows" report). */
export function rowsWithProblems(plan: ImportPlan): { row: number; errors: RowError[] }[] {
  const byRow = new Map<number, RowError[]>();
  for (const error of plan.errors) byRow.set(error.row, [...(byRow.get(error.row) ?? []), error]);
  return [...byRow].map(([row, errors]) => ({ row, errors }));
}

export interface ApplyOptions {
  /** Where the opportunities' grid starts. */
  origin?: { x: number; y: number };
  /** Import the valid rows of a plan that has row errors (never with file errors). */
  skipRowsWithProblems?: boolean;
}

export interface ApplyResult {
  ids: string[];
  /** Ids of the regions added for this import. */
  regionIds: string[];
}

/**
 * Adds the plan's new regions and creates every planned card in ONE transaction (peers see all or
 * nothing; one undo step removes it all). Refuses a plan with errors unless skipping rows with
 * problems. Opportunity groups are matched by name, or created. Opportunities are laid out in a
 * grid below `origin`.
 */
export function applyImportPlan(
  doc: Y.Doc,
  plan: ImportPlan,
  options: ApplyOptions = {},
): ApplyResult {
  if (plan.errors.length > 0 && (!options.skipRowsWithProblems || fileErrors(plan).length > 0))
    throw new Error('the import has errors: fix them first');
  const origin = options.origin ?? { x: 0, y: 0 };
  const ids: string[] = [];
  const regionIds: string[] = [];
  doc.transact(() => {
    // A region someone added meanwhile (same name or NUTS code) is used, not added twice.
    const regionOf = new Map<string, string>();
    for (const region of plan.newRegions) {
      const existing = listRegions(doc).find(
        (r) =>
          regionKey(r.name) === regionKey(region.name) ||
          (region.nuts !== '' && r.nuts === region.nuts),
      );
      const id =
        existing?.id ??
        addRegion(doc, { name: region.name, country: region.country, nuts: region.nuts });
      if (!existing) regionIds.push(id);
      regionOf.set(region.key, id);
    }
    const groups = new Map(listOpportunityGroups(doc).map((g) => [g.name.toLowerCase(), g.id]));
    plan.rows.forEach((row, i) => {
      let id: string;
      if (plan.target === 'capacity') {
        const card = row.card as NewCapacity;
        const regionId = row.newRegion ? (regionOf.get(row.newRegion) ?? '') : card.regionId;
        id = createCapacity(doc, { ...card, regionId });
      } else {
        const x = origin.x + (i % 6) * 240;
        const y = origin.y + Math.floor(i / 6) * 160;
        id = createOpportunity(doc, { ...(row.card as NewOpportunity), x, y });
        if (row.group) {
          const key = row.group.toLowerCase();
          let groupId = groups.get(key);
          if (!groupId) {
            groupId = createOpportunityGroup(doc, row.group);
            groups.set(key, groupId);
          }
          (getCard(doc, id) as Y.Map<unknown>).set('groupId', groupId);
        }
      }
      if (row.description) writePlainText(cardBody(getCard(doc, id)!)!, row.description);
      ids.push(id);
    });
  });
  return { ids, regionIds };
}

/** The new card ids (see applyImportPlan). */
export function applyImport(doc: Y.Doc, plan: ImportPlan, origin = { x: 0, y: 0 }): string[] {
  return applyImportPlan(doc, plan, { origin }).ids;
}

/** Plain text into a rich-text body: one paragraph per line. */
export function writePlainText(fragment: Y.XmlFragment, text: string): void {
  const paragraphs = text.split(/\r?\n/).map((line) => {
    const p = new Y.XmlElement('paragraph');
    if (line) p.insert(0, [new Y.XmlText(line)]);
    return p;
  });
  fragment.insert(fragment.length, paragraphs);
}
