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

/** A vote split as text, largest first: "Business 3, Research 1". */
export function tallyText(tally: Record<string, number>, name: (key: string) => string): string {
  return Object.entries(tally)
    .filter(([, n]) => n > 0)
    .sort(([, a], [, b]) => b - a)
    .map(([key, n]) => `${name(key)} ${n}`)
    .join(', ');
}

/** Whole minutes between two ISO times (null when one is missing). */
export function minutesBetween(start: string, end: string | null): number | null {
  if (!end) return null;
  return Math.max(0, Math.round((Date.parse(end) - Date.parse(start)) / 60_000));
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

/* Phrases every export prints the same way ---------------------------------------------------- */

/** How long a phase run took: "45 min", or "still running" when it had not ended. */
export function took(startedAt: string, endedAt: string | null, words: ExportVocabulary): string {
  const minutes = minutesBetween(startedAt, endedAt);
  return minutes === null
    ? words.t('agenda.running')
    : words.t('agenda.minutes', { count: minutes });
}

/** One vote's result for an activity: "Which activities? — 9 dots, rank 1". */
export function voteResult(
  title: string,
  dots: number,
  rank: number,
  words: ExportVocabulary,
): string {
  const { t } = words;
  return t('votes.result', { title, dots: t('votes.dots', { count: dots }), rank });
}

/** "7 voters, 5 dots each, revealed 2026-11-23 11:00 UTC." */
export function voteFacts(
  vote: Pick<RecordVote, 'voters' | 'budget' | 'revealedAt'>,
  words: ExportVocabulary,
): string {
  const { t } = words;
  return t('votes.facts', {
    voters: t('votes.voters', { count: vote.voters }),
    dotsEach: t('votes.dotsEach', { count: vote.budget }),
    at: words.time(vote.revealedAt),
  });
}

/** A record this workshop started from: "workshop abc, version 2" or "… (live copy)". */
export function sourceRecord(
  source: WorkshopRecord['provenance']['sourceRecords'][number],
  words: ExportVocabulary,
): string {
  return source.version === null
    ? words.t('provenance.sourceLive', { workshopId: source.workshopId })
    : words.t('provenance.sourceVersion', {
        workshopId: source.workshopId,
        version: source.version,
      });
}
