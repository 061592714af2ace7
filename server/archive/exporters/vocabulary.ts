/**
 * The S3 vocabulary and record facts as the exports print them. Exports are English for now; a
 * language is one more `ExportVocabulary` table (the exporters' own headings live in their modules).
 */
import type {
  ActionStatus,
  ActionType,
  ActivityStatus,
  CapacityKind,
  FundingSource,
  Helix,
  IndicatorKind,
  OpportunityKind,
  TimeHorizon,
} from '../../../shared/domain/s3';
import type { WorkshopTemplate } from '../../../shared/domain/workshop';
import type { RecordKind } from '../../../shared/record/schema';
import { en } from '../../../client/src/i18n/locales/en';

export interface ExportVocabulary {
  helix: Record<Helix | 'unspecified', string>;
  capacityKind: Record<CapacityKind, string>;
  opportunityKind: Record<OpportunityKind, string>;
  horizon: Record<TimeHorizon, string>;
  activityStatus: Record<ActivityStatus, string>;
  actionType: Record<ActionType, string>;
  fundingSource: Record<FundingSource, string>;
  actionStatus: Record<ActionStatus, string>;
  indicatorKind: Record<IndicatorKind, string>;
  template: Record<WorkshopTemplate, string>;
  recordKind: Record<RecordKind, string>;
  /** Template phases keep a key as their name until the facilitator renames them. */
  phase: Record<string, string>;
  /** A region id the record does not know (a region removed from the workshop). */
  unknownRegion: string;
  /** Votes and participants without a region. */
  noRegion: string;
  /** A link to a card deleted before the record was taken. */
  removed: string;
  /** A value the record does not hold (free text '', a number or date null, a strength of 0). */
  notSet: string;
  /** A vote split's merged small groups (key "other"), with the threshold they were under. */
  voteOther: (minVoters: number) => string;
  /** A card's split that the vote-privacy rule left out (or a vote revealed before the rule). */
  voteSplitHidden: string;
}

/**
 * English: the app's own locale strings (one source for the boards and the exports), plus the few
 * words only the exports print.
 */
export const VOCABULARY_EN: ExportVocabulary = {
  helix: { ...en.s3.helix, unspecified: 'Not given' },
  capacityKind: en.s3.capacityKind,
  opportunityKind: en.s3.opportunityKind,
  horizon: en.s3.horizon,
  activityStatus: en.s3.activityStatus,
  actionType: en.s3.actionType,
  fundingSource: en.s3.fundingSource,
  actionStatus: en.s3.actionStatus,
  // Printed in a column headed "Indicator", so without the word again.
  indicatorKind: { output: 'Output', result: 'Result' },
  template: en.template,
  recordKind: { archive: 'Archive', snapshot: 'Snapshot' },
  phase: en.facilitation.phases,
  unknownRegion: 'Removed region',
  noRegion: 'No region',
  removed: 'deleted',
  notSet: 'not set',
  voteOther: (minVoters) => `Other (groups under ${minVoters} voters)`,
  voteSplitHidden: 'not shown, to keep the vote secret',
};

/** A phase's name as printed: a template key by its label, a name the facilitator gave as it is. */
export function phaseName(name: string, words: ExportVocabulary): string {
  return Object.hasOwn(words.phase, name) ? words.phase[name]! : name;
}
