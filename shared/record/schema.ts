/**
 * The record of a workshop: what organisers take away when it is archived (or snapshotted).
 * A record is extracted from the workshop's Y.Doc, its control state (agenda) and the people who
 * joined (extract.ts), validated with `recordSchema`, and stored immutably as one version.
 *
 * Versioning: `schemaVersion` is RECORD_SCHEMA_VERSION when the record was written. A change that
 * adds optional fields keeps the number; any other change bumps it, and readers of older records
 * convert them. Version 2 added `questionnaires` (always written from 2 on); a version-1 record
 * has none and still validates (read it with `recordQuestionnaires`, which gives [] for it). Records never change once written; each archive or snapshot is a new version
 * (provenance.recordVersion), numbered 1, 2, 3, … per workshop across both kinds.
 *
 * Conventions: times are ISO 8601 UTC strings; "not set" is null for dates, numbers and
 * references, '' for free text; ids are those of the workshop's doc (cards, groups, regions), so
 * links inside a record resolve within it. docs/record.md describes every field.
 */
import { z } from 'zod';
import { cardProvenanceSchema } from '../doc/cards';
import { sourceRecordSchema } from '../doc/provenance';
import {
  activityStatusSchema,
  actionStatusSchema,
  actionTypeSchema,
  capacityKindSchema,
  fundingSourceSchema,
  helixSchema,
  indicatorKindSchema,
  opportunityKindSchema,
  orNotSet,
  scoreSchema,
  timeHorizonSchema,
} from '../domain/s3';
import { workshopTemplateSchema } from '../domain/workshop';
import { boardKindSchema } from '../control/state';
import { recordQuestionnaireSchema, type RecordQuestionnaire } from './questionnaireSchema';
import { richTextSchema } from './richText';

export const RECORD_SCHEMA_VERSION = 2;
/** Every schema version a reader accepts: 1 is 2 without questionnaires. */
export const RECORD_SCHEMA_VERSIONS = [1, 2] as const;

export const RECORD_KINDS = ['archive', 'snapshot'] as const;
/** archive: taken when the facilitator closed the workshop; snapshot: taken while it stayed open. */
export const recordKindSchema = z.enum(RECORD_KINDS);
export type RecordKind = z.infer<typeof recordKindSchema>;

const id = z.string().min(1).max(64);
const time = z.iso.datetime();
/** A calendar date as YYYY-MM-DD. */
const day = z.iso.date();
const count = z.number().int().min(0);
/**
 * Dots per helix ('unspecified' for people without one) or per region id ('unspecified'); 'other'
 * holds the groups too small to show (see recordVoteSchema.splitMinVoters).
 */
const tally = z.record(z.string(), count);
const provenance = cardProvenanceSchema.nullable();

export const recordRegionSchema = z.object({
  id,
  name: z.string(),
  country: z.string(),
  /** NUTS code, '' when not given. */
  nuts: z.string(),
});

export const recordWorkshopSchema = z.object({
  id,
  title: z.string(),
  template: workshopTemplateSchema,
  /** The field (topic) the workshop agreed on. */
  field: z.string(),
  /** UI language of the workshop (en, de, fr, it, sl). */
  language: z.string(),
  regions: z.array(recordRegionSchema),
  dates: z.object({
    createdAt: time,
    /** When the first agenda phase actually started; null when no phase was run. */
    firstPhaseStartedAt: time.nullable(),
    /** When the last phase that ended did; null when none ended. */
    lastPhaseEndedAt: time.nullable(),
    archivedAt: time,
  }),
  /** Display names of the people who facilitated (joined as or promoted to facilitator). */
  facilitators: z.array(z.string()),
});

const HELIX_COUNT_KEYS = [...helixSchema.options, 'unspecified'] as const;

export const recordParticipantsSchema = z.object({
  /** People who joined as participants (facilitators are listed by name instead; removed people are left out). */
  total: count,
  byHelix: z.object(
    Object.fromEntries(HELIX_COUNT_KEYS.map((k) => [k, count])) as Record<
      (typeof HELIX_COUNT_KEYS)[number],
      typeof count
    >,
  ),
  /** One entry per region with participants; regionId null for people who named no region. */
  byRegion: z.array(z.object({ regionId: id.nullable(), count })),
  /**
   * Participants who agreed, when they joined, to be named in the record.
   */
  named: z.array(
    z.object({
      name: z.string(),
      organisation: z.string(),
      helix: helixSchema.nullable(),
      regionId: id.nullable(),
    }),
  ),
});

export const recordCapacitySchema = z.object({
  id,
  title: z.string(),
  description: richTextSchema,
  regionId: id.nullable(),
  kind: orNotSet(capacityKindSchema),
  /** Free tag (e.g. "ICT") that custom diamond axes match. */
  field: z.string(),
  /** 1 (weak) to 5 (strong); 0 = not judged. */
  strength: scoreSchema,
  evidenceUrl: z.string(),
  /** Organisations that hold the capacity. */
  holders: z.array(z.object({ name: z.string(), helix: orNotSet(helixSchema) })),
  provenance,
});

export const recordOpportunityGroupSchema = z.object({ id, name: z.string() });

export const recordOpportunitySchema = z.object({
  id,
  title: z.string(),
  description: richTextSchema,
  kind: orNotSet(opportunityKindSchema),
  horizon: orNotSet(timeHorizonSchema),
  sourceUrl: z.string(),
  /** The opportunity group it belongs to (opportunityGroups), or null. */
  groupId: id.nullable(),
  provenance,
});

/** How one card fared in one revealed dot vote. */
export const recordCardVoteSchema = z.object({
  voteId: id,
  /** The vote's title ('' when the facilitator gave none). */
  title: z.string(),
  total: count,
  /** 1 = most dots; equal totals share a rank. */
  rank: z.number().int().min(1),
  byHelix: tally,
  byRegion: tally,
});

export const recordActivitySchema = z.object({
  id,
  /** The activity's name. */
  title: z.string(),
  description: richTextSchema,
  field: z.string(),
  status: activityStatusSchema,
  /** Capacities combined (ids of `capacities`). */
  capacityIds: z.array(id),
  /** Opportunities targeted (ids of `opportunities`). */
  opportunityIds: z.array(id),
  /** Links to cards deleted before the record was taken, with the title they had. */
  removedLinks: z.array(
    z.object({ id, kind: z.enum(['capacity', 'opportunity']), title: z.string() }),
  ),
  actors: z.array(
    z.object({ name: z.string(), helix: orNotSet(helixSchema), regionId: id.nullable() }),
  ),
  /** The structural change targeted. */
  structuralChange: z.string(),
  /** Critical mass, 1–5; 0 = not judged. */
  criticalMass: scoreSchema,
  criticalMassRationale: z.string(),
  /** Cross-regional need: which (complementary) region brings what. */
  crossRegionalNeeds: z.array(z.object({ regionId: id, contribution: z.string() })),
  /** Every revealed vote that included this activity, oldest first. */
  votes: z.array(recordCardVoteSchema),
  /** Its rank in the latest of those votes; null when it was never voted on. */
  rank: z.number().int().min(1).nullable(),
  provenance,
});

export const recordIndicatorSchema = z.object({
  kind: orNotSet(indicatorKindSchema),
  name: z.string(),
  unit: z.string(),
  baseline: z.number().nullable(),
  target: z.number().nullable(),
});

export const recordActionSchema = z.object({
  id,
  /** The transformative activity it develops (an id of `activities`, or of a deleted one). */
  activityId: id.nullable(),
  title: z.string(),
  description: richTextSchema,
  actionType: orNotSet(actionTypeSchema),
  lead: z.string(),
  partners: z.array(z.string()),
  regionIds: z.array(id),
  start: day.nullable(),
  end: day.nullable(),
  /** EUR. */
  budget: z.number().min(0).nullable(),
  fundingSource: orNotSet(fundingSourceSchema),
  /** The cluster service that carries it ('' for none). */
  clusterService: z.string(),
  indicators: z.array(recordIndicatorSchema),
  status: orNotSet(actionStatusSchema),
  provenance,
});

export const recordDiamondSchema = z.object({
  /** false: the default axes, one per capacity kind (labels are the kind names). */
  customAxes: z.boolean(),
  axes: z.array(
    z.object({
      id,
      label: z.string(),
      kinds: z.array(capacityKindSchema),
      fields: z.array(z.string()),
    }),
  ),
  /** One polygon per region: a value per axis (sum of strengths, unjudged = 1) and capacity counts. */
  series: z.array(
    z.object({
      regionId: id,
      regionName: z.string(),
      values: z.array(z.number().min(0)),
      counts: z.array(count),
    }),
  ),
  /** The chart's outer ring: the largest value, at least 1. */
  max: z.number().min(1),
});

export const recordVoteSchema = z.object({
  voteId: id,
  title: z.string(),
  /** Dots per person, and the most one card could get from one person. */
  budget: z.number().int().min(1),
  maxPerCard: z.number().int().min(1),
  voters: count,
  revealedAt: time,
  /**
   * The vote-privacy threshold the splits were made with: a helix or region with fewer voters is
   * not shown on its own but merged into the key "other" (byHelix.other, byRegion.other), and a
   * split that would not keep two groups of at least this many is left out ({}). null: a vote
   * revealed before the rule, whose split is left out of the record. Absent in records written
   * before schema version 1 gained it (their splits are as tallied).
   */
  splitMinVoters: z.number().int().min(1).nullable().optional(),
  /** Every card in the vote, best first. */
  cards: z.array(
    z.object({
      cardId: id,
      /** The card's title (from its tombstone when it was deleted since). */
      title: z.string(),
      cardType: z.enum(['note', 'capacity', 'opportunity', 'activity', 'action']).nullable(),
      removed: z.boolean(),
      total: count,
      rank: z.number().int().min(1),
      byHelix: tally,
      byRegion: tally,
    }),
  ),
});

export const recordAgendaSchema = z.object({
  /** The agenda as planned (template phase names are keys such as "map-capacities"). */
  phases: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      minutes: z.number().int().min(1),
      board: boardKindSchema,
    }),
  ),
  /** When phases actually ran, in order (a phase run twice appears twice). */
  runs: z.array(
    z.object({
      phaseId: z.string(),
      name: z.string(),
      startedAt: time,
      /** null: still running when the record was taken. */
      endedAt: time.nullable(),
    }),
  ),
});

export const recordProvenanceSchema = z.object({
  workshopId: id,
  recordVersion: z.number().int().min(1),
  kind: recordKindSchema,
  archivedAt: time,
  /**
   * The records this workshop was started from (import), plus workshops its cards were copied
   * from live (an ADW derived from an EDW: version null).
   */
  sourceRecords: z.array(sourceRecordSchema),
});

export const recordSchema = z
  .object({
    schemaVersion: z.literal(RECORD_SCHEMA_VERSIONS),
    workshop: recordWorkshopSchema,
    participants: recordParticipantsSchema,
    capacities: z.array(recordCapacitySchema),
    opportunityGroups: z.array(recordOpportunityGroupSchema),
    opportunities: z.array(recordOpportunitySchema),
    activities: z.array(recordActivitySchema),
    actions: z.array(recordActionSchema),
    diamond: recordDiamondSchema,
    votes: z.array(recordVoteSchema),
    agenda: recordAgendaSchema,
    /**
     * The workshop's questionnaires, oldest first (shared/record/questionnaireSchema.ts). Written
     * by schema version 2 on, absent from version 1 records: absent means none.
     */
    questionnaires: z.array(recordQuestionnaireSchema).optional(),
    provenance: recordProvenanceSchema,
  })
  .meta({
    title: 'Transforma workshop record',
    description:
      'An archived S3 workshop: its capacities, opportunities, transformative activities, actions, votes, diamond, agenda and questionnaires.',
  });

export type WorkshopRecord = z.infer<typeof recordSchema>;
export type RecordCapacity = z.infer<typeof recordCapacitySchema>;
export type RecordOpportunity = z.infer<typeof recordOpportunitySchema>;
export type RecordActivity = z.infer<typeof recordActivitySchema>;
export type RecordAction = z.infer<typeof recordActionSchema>;
export type RecordVote = z.infer<typeof recordVoteSchema>;

/** A record's questionnaires: [] for a version-1 record, written before they were recorded. */
export function recordQuestionnaires(record: WorkshopRecord): RecordQuestionnaire[] {
  return record.questionnaires ?? [];
}

/** The record's JSON Schema (draft 2020-12), served at GET /api/schema/record.json. */
export function recordJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(recordSchema) as Record<string, unknown>;
}
