/**
 * The S3 method's vocabulary (see ../shared/DOMAIN.md beside the project): the closed lists a
 * capacity, an opportunity, a transformative activity and an action choose from.
 */
import { z } from 'zod';

/** Quadruple helix, plus cluster organisations. */
export const HELICES = ['business', 'research', 'government', 'civil-society', 'cluster'] as const;
export const helixSchema = z.enum(HELICES);
export type Helix = z.infer<typeof helixSchema>;

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

export const OPPORTUNITY_KINDS = [
  'technology-trend',
  'societal-challenge',
  'market',
  'regulation',
  'other',
] as const;
export const opportunityKindSchema = z.enum(OPPORTUNITY_KINDS);
export type OpportunityKind = z.infer<typeof opportunityKindSchema>;

/** When an opportunity is expected to matter. */
export const TIME_HORIZONS = ['now', 'short', 'medium', 'long'] as const;
export const timeHorizonSchema = z.enum(TIME_HORIZONS);
export type TimeHorizon = z.infer<typeof timeHorizonSchema>;

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

export const ACTION_STATUSES = ['idea', 'planned', 'running', 'done'] as const;
export const actionStatusSchema = z.enum(ACTION_STATUSES);
export type ActionStatus = z.infer<typeof actionStatusSchema>;

export const INDICATOR_KINDS = ['output', 'result'] as const;
export const indicatorKindSchema = z.enum(INDICATOR_KINDS);
export type IndicatorKind = z.infer<typeof indicatorKindSchema>;

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
