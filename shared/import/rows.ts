/**
 * Turns spreadsheet rows into validated capacities or opportunities, with one clear error per bad
 * cell, and applies them to a doc all at once: a file with any bad row imports nothing.
 */
import * as Y from 'yjs';
import {
  CAPACITY_KINDS,
  HELICES,
  OPPORTUNITY_KINDS,
  TIME_HORIZONS,
  type CapacityKind,
  type Helix,
  type OpportunityKind,
  type Region,
  type TimeHorizon,
} from '../domain/s3';
import {
  cardBody,
  createCapacity,
  createOpportunity,
  createOpportunityGroup,
  getCard,
  listOpportunityGroups,
  newCapacitySchema,
  newOpportunitySchema,
  type NewCapacity,
  type NewOpportunity,
} from '../doc';
import type { ColumnMapping, ImportTarget } from './fields';
import { IMPORT_FIELDS } from './fields';

export const MAX_IMPORT_ROWS = 2000;

export interface RowError {
  /** 1-based row number as the spreadsheet shows it (the header is row 1). */
  row: number;
  field: string;
  message: string;
}

export interface PreparedRow {
  row: number;
  description: string;
  /** Opportunity group name ('' = none). */
  group: string;
  card: NewCapacity | NewOpportunity;
}

export interface ImportPlan {
  target: ImportTarget;
  rows: PreparedRow[];
  errors: RowError[];
}

/** Lower-case, words joined by '-': "Technology trend" → "technology-trend". */
function slug(value: string): string {
  return value
    .trim()
    .toLowerCase()
    .replace(/[\s_]+/g, '-');
}

function pick<T extends string>(value: string, allowed: readonly T[]): T | undefined {
  const s = slug(value);
  return allowed.find((a) => a === s);
}

/** "Org A (business); Org B (research)" → holders; an unknown helix is an error. */
function parseHolders(value: string): { holders: { name: string; helix: Helix }[]; bad?: string } {
  const holders: { name: string; helix: Helix }[] = [];
  for (const part of value
    .split(/[;\n]/)
    .map((p) => p.trim())
    .filter(Boolean)) {
    const match = /^(.*?)\s*\(([^)]*)\)\s*$/.exec(part);
    const name = (match ? match[1] : part)!.trim();
    const helixText = match ? match[2]!.trim() : 'business';
    const helix = pick(helixText, HELICES);
    if (!helix) return { holders, bad: `unknown helix "${helixText}" (use ${HELICES.join(', ')})` };
    if (name) holders.push({ name, helix });
  }
  return { holders };
}

function findRegion(value: string, regions: Region[]): Region | undefined {
  const v = value.trim().toLowerCase();
  return regions.find(
    (r) =>
      r.name.toLowerCase() === v ||
      (r.nuts !== '' && r.nuts.toLowerCase() === v) ||
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
  context: { regions: Region[]; createdBy: string },
): ImportPlan {
  const errors: RowError[] = [];
  const prepared: PreparedRow[] = [];
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
  if (errors.length > 0) return { target, rows: [], errors };

  data.forEach((cells, index) => {
    const row = index + 2;
    const cell = (key: string) => {
      const col = mapping[key];
      return col == null ? '' : (cells[col] ?? '').trim();
    };
    if (cells.every((c) => (c ?? '').trim() === '')) return; // blank line
    const rowErrors: RowError[] = [];
    const fail = (field: string, message: string) => rowErrors.push({ row, field, message });

    const title = cell('title');
    if (!title) fail('title', 'title is empty');
    let card: NewCapacity | NewOpportunity;
    if (target === 'capacity') {
      const kindText = cell('kind');
      const kind: CapacityKind | undefined = kindText ? pick(kindText, CAPACITY_KINDS) : 'industry';
      if (!kind) fail('kind', `unknown kind "${kindText}" (use ${CAPACITY_KINDS.join(', ')})`);
      const regionText = cell('region');
      const region = regionText ? findRegion(regionText, context.regions) : undefined;
      if (regionText && !region)
        fail('region', `unknown region "${regionText}": add it to the workshop first`);
      const strengthText = cell('strength');
      const strength = strengthText === '' ? 0 : Number(strengthText);
      if (!Number.isInteger(strength) || strength < 0 || strength > 5)
        fail('strength', `strength must be a whole number from 1 to 5, not "${strengthText}"`);
      const { holders, bad } = parseHolders(cell('holders'));
      if (bad) fail('holders', bad);
      card = {
        title,
        kind: kind ?? 'other',
        regionId: region?.id ?? '',
        field: cell('field'),
        strength: Number.isInteger(strength) ? strength : 0,
        holders,
        evidenceUrl: cell('evidenceUrl'),
        createdBy: context.createdBy,
      };
      reportSchemaIssues(newCapacitySchema.safeParse(card), rowErrors, fail);
    } else {
      const kindText = cell('kind');
      const kind: OpportunityKind | undefined = kindText
        ? pick(kindText, OPPORTUNITY_KINDS)
        : 'technology-trend';
      if (!kind) fail('kind', `unknown kind "${kindText}" (use ${OPPORTUNITY_KINDS.join(', ')})`);
      const horizonText = cell('horizon');
      const horizon: TimeHorizon | undefined = horizonText
        ? pick(horizonText, TIME_HORIZONS)
        : 'medium';
      if (!horizon)
        fail('horizon', `unknown horizon "${horizonText}" (use ${TIME_HORIZONS.join(', ')})`);
      card = {
        title,
        kind: kind ?? 'other',
        horizon: horizon ?? 'medium',
        sourceUrl: cell('sourceUrl'),
        createdBy: context.createdBy,
      };
      reportSchemaIssues(newOpportunitySchema.safeParse(card), rowErrors, fail);
    }
    if (rowErrors.length > 0) errors.push(...rowErrors);
    else prepared.push({ row, card, description: cell('description'), group: cell('group') });
  });
  return { target, rows: prepared, errors };
}

/**
 * Creates every planned card in ONE transaction (peers see all or nothing). Refuses a plan with
 * errors. Opportunity groups are matched by name, or created. Returns the new card ids; opportunities
 * are laid out in a grid below `origin`.
 */
export function applyImport(doc: Y.Doc, plan: ImportPlan, origin = { x: 0, y: 0 }): string[] {
  if (plan.errors.length > 0) throw new Error('the import has errors: fix them first');
  const ids: string[] = [];
  doc.transact(() => {
    const groups = new Map(listOpportunityGroups(doc).map((g) => [g.name.toLowerCase(), g.id]));
    plan.rows.forEach((row, i) => {
      let id: string;
      if (plan.target === 'capacity') {
        id = createCapacity(doc, row.card as NewCapacity);
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
  return ids;
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
