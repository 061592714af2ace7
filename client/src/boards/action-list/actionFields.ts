/**
 * The action list's columns and value handling: how each field is shown, sorted, filtered, parsed
 * from what someone typed, and written back through the doc operations (shared/doc/actions.ts).
 */
import type * as Y from 'yjs';
import {
  isIsoDate,
  resolveLinks,
  setActionActivity,
  setCardTitle,
  updateAction,
  type Action,
} from '@shared/doc';
import type { ActionStatus, ActionType, FundingSource, NotSet } from '@shared/domain/s3';
import type { ActionListSnapshot } from './actionStore';
import { currentLanguage, type Language } from '@client/i18n';
import { formatters } from '@shared/i18n/format';
import { parseAmount } from '@shared/i18n/parseAmount';

export const COLUMN_KEYS = [
  'title',
  'activity',
  'actionType',
  'status',
  'lead',
  'partners',
  'regions',
  'start',
  'end',
  'budget',
  'fundingSource',
  'clusterService',
  'indicators',
] as const;
export type ColumnKey = (typeof COLUMN_KEYS)[number];

export type EditorKind = 'text' | 'select' | 'date' | 'budget' | 'list' | 'regions' | 'none';

export interface ColumnDef {
  key: ColumnKey;
  width: number;
  editor: EditorKind;
}

export const COLUMNS: ColumnDef[] = [
  { key: 'title', width: 260, editor: 'text' },
  { key: 'activity', width: 200, editor: 'select' },
  { key: 'actionType', width: 160, editor: 'select' },
  { key: 'status', width: 118, editor: 'select' },
  { key: 'lead', width: 160, editor: 'text' },
  { key: 'partners', width: 200, editor: 'list' },
  { key: 'regions', width: 170, editor: 'regions' },
  { key: 'start', width: 128, editor: 'date' },
  { key: 'end', width: 128, editor: 'date' },
  { key: 'budget', width: 140, editor: 'budget' },
  { key: 'fundingSource', width: 190, editor: 'select' },
  { key: 'clusterService', width: 180, editor: 'text' },
  { key: 'indicators', width: 110, editor: 'none' },
];

/** The row header (open the details) before the first column. */
export const ROW_HEADER_WIDTH = 44;
export const TABLE_WIDTH = ROW_HEADER_WIDTH + COLUMNS.reduce((sum, c) => sum + c.width, 0);

export interface ActivityLabel {
  title: string;
  removed: boolean;
}

/** The activity an action belongs to, or what is left of it (resolveLinks reads the tombstone). */
export function activityLabel(
  doc: Y.Doc,
  snapshot: ActionListSnapshot,
  activityId: string,
): ActivityLabel {
  const live = snapshot.activityById.get(activityId);
  if (live) return { title: live.title, removed: false };
  const [link] = resolveLinks(doc, [activityId]);
  return { title: link?.title ?? '', removed: true };
}

/** An action's budget in euros (cents only when it has any), in the UI language (empty when not set). */
export function formatBudget(budget: number | null, lng: Language = currentLanguage()): string {
  return budget == null ? '' : formatters(lng).money(budget);
}

/**
 * What people type as an amount in EUR, in any of the five languages' formats (parseAmount):
 * null for an empty field, NaN when it is not an amount.
 */
export function parseBudget(text: string, lng: Language = currentLanguage()): number | null {
  return parseAmount(text, lng);
}

export function formatDate(iso: string, lng: Language = currentLanguage()): string {
  return isIsoDate(iso) ? formatters(lng).date(iso) : '';
}

/** "A; B, C" or one per line → trimmed, non-empty, de-duplicated names. */
export function parseList(text: string): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const part of text.split(/[;\n]/)) {
    const name = part.trim().slice(0, 200);
    if (name && !seen.has(name.toLowerCase())) {
      seen.add(name.toLowerCase());
      out.push(name);
    }
  }
  return out.slice(0, 100);
}

export type FieldValue = string | string[] | number | null;

export type WriteError = 'dateOrder' | 'dateInvalid' | 'budgetInvalid' | 'failed';

/** Writes one field through the doc operations; returns what went wrong, or null. */
export function writeField(
  doc: Y.Doc,
  action: Action,
  key: ColumnKey,
  value: FieldValue,
): WriteError | null {
  try {
    switch (key) {
      case 'title':
        setCardTitle(doc, action.id, String(value ?? ''));
        return null;
      case 'activity':
        return setActionActivity(doc, action.id, String(value)) ? null : 'failed';
      case 'actionType':
        updateAction(doc, action.id, { actionType: value as ActionType });
        return null;
      case 'status':
        updateAction(doc, action.id, { status: value as ActionStatus });
        return null;
      case 'fundingSource':
        updateAction(doc, action.id, { fundingSource: value as FundingSource });
        return null;
      case 'lead':
      case 'clusterService':
        updateAction(doc, action.id, { [key]: String(value ?? '') });
        return null;
      case 'partners':
        updateAction(doc, action.id, { partners: value as string[] });
        return null;
      case 'regions':
        updateAction(doc, action.id, { regionIds: value as string[] });
        return null;
      case 'start':
      case 'end': {
        const date = String(value ?? '');
        if (date !== '' && !isIsoDate(date)) return 'dateInvalid';
        const start = key === 'start' ? date : action.start;
        const end = key === 'end' ? date : action.end;
        if (start && end && end < start) return 'dateOrder';
        updateAction(doc, action.id, { [key]: date });
        return null;
      }
      case 'budget':
        if (typeof value === 'number' && !Number.isFinite(value)) return 'budgetInvalid';
        updateAction(doc, action.id, { budget: value as number | null });
        return null;
      case 'indicators':
        return null;
    }
  } catch (error) {
    if (error instanceof Error && /end date must not be before/.test(error.message))
      return 'dateOrder';
    return 'failed';
  }
}

/** The value a column sorts by (strings compare case-insensitively; empty values sort last). */
export function sortValue(
  action: Action,
  key: ColumnKey,
  context: { activityTitle: (id: string) => string; regionNames: (ids: string[]) => string },
): string | number | null {
  switch (key) {
    case 'title':
      return action.title.trim().toLowerCase() || null;
    case 'activity':
      return context.activityTitle(action.activityId).toLowerCase() || null;
    case 'actionType':
      return action.actionType;
    case 'status':
      return STATUS_ORDER[action.status];
    case 'lead':
      return action.lead.toLowerCase() || null;
    case 'partners':
      return action.partners.join(', ').toLowerCase() || null;
    case 'regions':
      return context.regionNames(action.regionIds).toLowerCase() || null;
    case 'start':
      return action.start || null;
    case 'end':
      return action.end || null;
    case 'budget':
      return action.budget;
    case 'fundingSource':
      return action.fundingSource;
    case 'clusterService':
      return action.clusterService.toLowerCase() || null;
    case 'indicators':
      return action.indicators.length;
  }
}

/** Not set sorts first, before the workflow's first step. */
const STATUS_ORDER: Record<ActionStatus | NotSet, number> = {
  '': -1,
  idea: 0,
  planned: 1,
  running: 2,
  done: 3,
};

/** One collator for every comparison (localeCompare with options builds one per call: slow). */
const collator = new Intl.Collator(undefined, { numeric: true }); // sorting only: shows nothing

export function compareValues(a: string | number | null, b: string | number | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return collator.compare(String(a), String(b));
}
