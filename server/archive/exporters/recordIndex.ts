/**
 * What every exporter asks of a record: names for the ids it links (regions, cards, groups), the
 * activities in rank order, and the reverse links (which activities combine a capacity).
 */
import type {
  RecordActivity,
  RecordCapacity,
  RecordOpportunity,
  RecordVote,
  WorkshopRecord,
} from '../../../shared/record/schema';
import { VOTE_SPLIT_OTHER } from '../../../shared/control/votes';
import type { ExportVocabulary } from './vocabulary';

export interface RecordIndex {
  /** A region's name; "No region" for null or 'unspecified', "Removed region" for an unknown id. */
  regionName(regionId: string | null): string;
  capacity(id: string): RecordCapacity | undefined;
  opportunity(id: string): RecordOpportunity | undefined;
  activity(id: string): RecordActivity | undefined;
  groupName(groupId: string | null): string;
  /** The titles of linked capacities (live links, then deleted ones marked as such). */
  capacityTitles(activity: RecordActivity): string[];
  opportunityTitles(activity: RecordActivity): string[];
  /** Activities that combine this capacity or target this opportunity. */
  activitiesLinking(cardId: string): RecordActivity[];
  /** Ranked activities first (by rank), then the rest in board order. */
  rankedActivities: RecordActivity[];
}

export function indexRecord(record: WorkshopRecord, words: ExportVocabulary): RecordIndex {
  const regions = new Map(record.workshop.regions.map((r) => [r.id, r.name]));
  const capacities = new Map(record.capacities.map((c) => [c.id, c]));
  const opportunities = new Map(record.opportunities.map((o) => [o.id, o]));
  const activities = new Map(record.activities.map((a) => [a.id, a]));
  const groups = new Map(record.opportunityGroups.map((g) => [g.id, g.name]));

  const removedTitles = (activity: RecordActivity, kind: 'capacity' | 'opportunity') =>
    activity.removedLinks
      .filter((l) => l.kind === kind)
      .map((l) => `${l.title} (${words.removed})`);

  const order = new Map(record.activities.map((a, i) => [a.id, i]));
  const rankedActivities = [...record.activities].sort(
    (a, b) =>
      (a.rank ?? Number.MAX_SAFE_INTEGER) - (b.rank ?? Number.MAX_SAFE_INTEGER) ||
      order.get(a.id)! - order.get(b.id)!,
  );

  return {
    regionName: (id) =>
      id === null || id === 'unspecified'
        ? words.noRegion
        : (regions.get(id) ?? words.unknownRegion),
    capacity: (id) => capacities.get(id),
    opportunity: (id) => opportunities.get(id),
    activity: (id) => activities.get(id),
    groupName: (id) => (id === null ? '' : (groups.get(id) ?? '')),
    capacityTitles: (a) => [
      ...a.capacityIds.map((id) => capacities.get(id)?.title ?? id),
      ...removedTitles(a, 'capacity'),
    ],
    opportunityTitles: (a) => [
      ...a.opportunityIds.map((id) => opportunities.get(id)?.title ?? id),
      ...removedTitles(a, 'opportunity'),
    ],
    activitiesLinking: (cardId) =>
      record.activities.filter(
        (a) => a.capacityIds.includes(cardId) || a.opportunityIds.includes(cardId),
      ),
    rankedActivities,
  };
}

/**
 * A vote split's key as printed: the merged small groups ("other" in a vote revealed under the
 * privacy rule) as "Other (groups under 3 voters)", any other key by `name`.
 */
export function splitKeyName(
  key: string,
  vote: Pick<RecordVote, 'splitMinVoters'>,
  words: ExportVocabulary,
  name: (key: string) => string,
): string {
  return key === VOTE_SPLIT_OTHER && typeof vote.splitMinVoters === 'number'
    ? words.voteOther(vote.splitMinVoters)
    : name(key);
}

/** "2026-03-04 09:30 UTC" from an ISO time; '' for null. */
export function formatTime(iso: string | null): string {
  if (!iso) return '';
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;
}

/** Whole minutes between two ISO times (null when one is missing). */
export function minutesBetween(start: string, end: string | null): number | null {
  if (!end) return null;
  return Math.max(0, Math.round((Date.parse(end) - Date.parse(start)) / 60_000));
}

/** "EUR 1,250,000" (en), '' for null. */
export function formatBudget(budget: number | null): string {
  return budget === null ? '' : `EUR ${budget.toLocaleString('en-GB')}`;
}

/** A file name stem: lower-case ASCII words joined by dashes ("workshop" when nothing is left). */
export function slugify(text: string): string {
  const slug = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return slug || 'workshop';
}

/** A diamond axis as printed: the default axes carry a capacity kind as label, shown by its name. */
export function axisLabel(
  axis: WorkshopRecord['diamond']['axes'][number],
  words: ExportVocabulary,
): string {
  const kind = axis.label as keyof ExportVocabulary['capacityKind'];
  return axis.id === `kind:${axis.label}` && kind in words.capacityKind
    ? words.capacityKind[kind]
    : axis.label;
}
