/**
 * The S3 method's vocabulary (see ../shared/DOMAIN.md beside the project): the closed lists a
 * capacity, an opportunity, a transformative activity and an action choose from.
 */
import { z } from 'zod';

/**
 * "Not set": a closed field nobody has chosen a value for. It is the empty string everywhere (doc,
 * record, CSV), like an unset date or region, and reads as "not set" in the UI and human exports.
 * Nothing fills a closed field with a plausible value the user did not choose.
 */
export const NOT_SET = '' as const;
export type NotSet = typeof NOT_SET;

/** A closed list's schema that also accepts "not set" (''). */
export function orNotSet<T extends z.ZodEnum>(schema: T) {
  return z.union([schema, z.literal(NOT_SET)]);
}

/** Reads a value a peer or an old file may have written: a known value, otherwise not set. */
export function enumOrNotSet<T extends string>(schema: z.ZodType<T>, value: unknown): T | NotSet {
  // Not set needs no parse (a refused parse is slow, and the capacity map reads 2,000 kinds a pass).
  if (value === NOT_SET || value === undefined) return NOT_SET;
  const parsed = schema.safeParse(value);
  return parsed.success ? parsed.data : NOT_SET;
}

/** Quadruple helix, plus cluster organisations. */
export const HELICES = ['business', 'research', 'government', 'civil-society', 'cluster'] as const;
export const helixSchema = z.enum(HELICES);
export type Helix = z.infer<typeof helixSchema>;
export type HelixOrNotSet = Helix | NotSet;

export const CAPACITY_KINDS = [
  'industry',
  'research',
  'technology',
  'skills',
  'infrastructure',
  'other',
] as const;
export const capacityKindSchema = z.enum(CAPACITY_KINDS);
export type CapacityKind = z.infer<typeof capacityKindSchema>;
export type CapacityKindOrNotSet = CapacityKind | NotSet;

export const OPPORTUNITY_KINDS = [
  'technology-trend',
  'societal-challenge',
  'market',
  'regulation',
  'other',
] as const;
export const opportunityKindSchema = z.enum(OPPORTUNITY_KINDS);
export type OpportunityKind = z.infer<typeof opportunityKindSchema>;
export type OpportunityKindOrNotSet = OpportunityKind | NotSet;

/** When an opportunity is expected to matter. */
export const TIME_HORIZONS = ['now', 'short', 'medium', 'long'] as const;
export const timeHorizonSchema = z.enum(TIME_HORIZONS);
export type TimeHorizon = z.infer<typeof timeHorizonSchema>;
export type TimeHorizonOrNotSet = TimeHorizon | NotSet;

export const ACTIVITY_STATUSES = ['candidate', 'selected', 'parked'] as const;
export const activityStatusSchema = z.enum(ACTIVITY_STATUSES);
export type ActivityStatus = z.infer<typeof activityStatusSchema>;

export const ACTION_TYPES = [
  'rd-project',
  'networking',
  'cooperation-scheme',
  'skills-development',
  'infrastructure',
  'cluster-service',
  'other',
] as const;
export const actionTypeSchema = z.enum(ACTION_TYPES);
export type ActionType = z.infer<typeof actionTypeSchema>;
export type ActionTypeOrNotSet = ActionType | NotSet;

export const FUNDING_SOURCES = [
  'regional-programme',
  'synchronised-call',
  'interreg',
  'horizon-europe',
  'private',
  'other',
] as const;
export const fundingSourceSchema = z.enum(FUNDING_SOURCES);
export type FundingSource = z.infer<typeof fundingSourceSchema>;
export type FundingSourceOrNotSet = FundingSource | NotSet;

export const ACTION_STATUSES = ['idea', 'planned', 'running', 'done'] as const;
export const actionStatusSchema = z.enum(ACTION_STATUSES);
export type ActionStatus = z.infer<typeof actionStatusSchema>;
export type ActionStatusOrNotSet = ActionStatus | NotSet;

export const INDICATOR_KINDS = ['output', 'result'] as const;
export const indicatorKindSchema = z.enum(INDICATOR_KINDS);
export type IndicatorKind = z.infer<typeof indicatorKindSchema>;
export type IndicatorKindOrNotSet = IndicatorKind | NotSet;

/** A region taking part in a workshop. NUTS codes: 2–5 characters, country prefix first. */
export const regionSchema = z.object({
  id: z.string().min(1).max(64),
  name: z.string().trim().min(1).max(120),
  country: z.string().trim().max(80).default(''),
  nuts: z
    .string()
    .trim()
    .regex(
      /^$|^[A-Z]{2}[A-Z0-9]{0,3}$/,
      'NUTS code: two capital letters, then up to three letters or digits',
    )
    .default(''),
});
export type Region = z.infer<typeof regionSchema>;

/** Strength of a capacity and critical mass of an activity: 1 (weak) to 5 (strong); 0 = not judged. */
export const scoreSchema = z.number().int().min(0).max(5);
