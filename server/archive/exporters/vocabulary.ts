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
}

export const VOCABULARY_EN: ExportVocabulary = {
  helix: {
    business: 'Business',
    research: 'Research',
    government: 'Government',
    'civil-society': 'Civil society',
    cluster: 'Cluster organisation',
    unspecified: 'Not given',
  },
  capacityKind: {
    industry: 'Industry',
    research: 'Research',
    technology: 'Technology',
    skills: 'Skills',
    infrastructure: 'Infrastructure',
    other: 'Other',
  },
  opportunityKind: {
    'technology-trend': 'Technology trend',
    'societal-challenge': 'Societal challenge',
    market: 'Market',
    regulation: 'Regulation',
    other: 'Other',
  },
  horizon: {
    now: 'Now',
    short: '1–2 years',
    medium: '3–5 years',
    long: 'More than 5 years',
  },
  activityStatus: { candidate: 'Candidate', selected: 'Selected', parked: 'Parked' },
  actionType: {
    'rd-project': 'R&D project',
    networking: 'Networking',
    'cooperation-scheme': 'Cooperation scheme',
    'skills-development': 'Skills development',
    infrastructure: 'Infrastructure',
    'cluster-service': 'Cluster service',
    other: 'Other',
  },
  fundingSource: {
    'regional-programme': 'Regional programme',
    'synchronised-call': 'Synchronised cross-regional call',
    interreg: 'Interreg',
    'horizon-europe': 'Horizon Europe',
    private: 'Private',
    other: 'Other',
  },
  actionStatus: { idea: 'Idea', planned: 'Planned', running: 'Running', done: 'Done' },
  indicatorKind: { output: 'Output', result: 'Result' },
  template: {
    edw: 'Entrepreneurial Discovery Workshop (EDW)',
    cedw: 'Cross-regional Entrepreneurial Discovery Workshop (cEDW)',
    adw: 'Action Development Workshop (ADW)',
    cadw: 'Cross-regional Action Development Workshop (cADW)',
    'self-assessment': 'Cluster management self-assessment',
  },
  recordKind: { archive: 'Archive', snapshot: 'Snapshot' },
  phase: {
    'agree-field': 'Agree the field',
    'map-capacities': 'Map capacities',
    'map-opportunities': 'Map opportunities',
    'combine-activities': 'Combine into activities',
    prioritise: 'Prioritise',
    'wrap-up': 'Wrap-up',
    'compare-regions': 'Compare regions',
    'merge-activities': 'Merge activities',
    'review-activities': 'Review activities',
    'develop-actions': 'Develop actions',
    'plan-funding': 'Plan funding',
    'develop-cross-regional-actions': 'Develop cross-regional actions',
    'synchronise-funding': 'Synchronise funding',
    'individual-reflection': 'Individual reflection',
    'discussion-with-coach': 'Discussion with the coach',
    summaries: 'Summaries',
  },
  unknownRegion: 'Removed region',
  noRegion: 'No region',
  removed: 'deleted',
};

/** A phase's name as printed: a template key by its label, a name the facilitator gave as it is. */
export function phaseName(name: string, words: ExportVocabulary): string {
  return Object.hasOwn(words.phase, name) ? words.phase[name]! : name;
}
