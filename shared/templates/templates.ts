/**
 * Workshop templates as data: which boards a workshop has and its agenda phases (with default
 * durations in minutes). The facilitator edits the agenda of a workshop; these are the defaults.
 */
import type { WorkshopTemplate } from '../domain/workshop';

export const BOARD_KINDS = [
  'capacity-map',
  'opportunity-board',
  'activity-canvas',
  'action-list',
  'notes',
] as const;
export type BoardKind = (typeof BOARD_KINDS)[number];

export interface PhaseTemplate {
  /** Stable key, also the i18n key of the phase name. */
  key: string;
  minutes: number;
  /** The board everyone is brought to when the phase starts. */
  board: BoardKind;
  /** Participants first write privately; the facilitator reveals the drafts to the board. */
  privateWriting?: boolean;
}

export interface Template {
  id: WorkshopTemplate;
  crossRegional: boolean;
  boards: BoardKind[];
  phases: PhaseTemplate[];
}

/** An EDW ends by sketching first actions for the selected activities; the ADW develops them. */
const EDW_BOARDS: BoardKind[] = [
  'capacity-map',
  'opportunity-board',
  'activity-canvas',
  'action-list',
  'notes',
];
const ADW_BOARDS: BoardKind[] = ['activity-canvas', 'action-list', 'notes'];

export const TEMPLATES: Record<WorkshopTemplate, Template> = {
  edw: {
    id: 'edw',
    crossRegional: false,
    boards: EDW_BOARDS,
    phases: [
      { key: 'agree-field', minutes: 20, board: 'notes' },
      { key: 'map-capacities', minutes: 40, board: 'capacity-map' },
      { key: 'map-opportunities', minutes: 40, board: 'opportunity-board' },
      { key: 'combine-activities', minutes: 45, board: 'activity-canvas' },
      { key: 'prioritise', minutes: 25, board: 'activity-canvas' },
      { key: 'wrap-up', minutes: 10, board: 'action-list' },
    ],
  },
  cedw: {
    id: 'cedw',
    crossRegional: true,
    boards: EDW_BOARDS,
    phases: [
      { key: 'agree-field', minutes: 20, board: 'notes' },
      { key: 'compare-regions', minutes: 40, board: 'capacity-map' },
      { key: 'map-opportunities', minutes: 30, board: 'opportunity-board' },
      { key: 'merge-activities', minutes: 50, board: 'activity-canvas' },
      { key: 'prioritise', minutes: 25, board: 'activity-canvas' },
      { key: 'wrap-up', minutes: 10, board: 'action-list' },
    ],
  },
  adw: {
    id: 'adw',
    crossRegional: false,
    boards: ADW_BOARDS,
    phases: [
      { key: 'review-activities', minutes: 20, board: 'activity-canvas' },
      { key: 'develop-actions', minutes: 60, board: 'action-list' },
      { key: 'plan-funding', minutes: 30, board: 'action-list' },
      { key: 'wrap-up', minutes: 10, board: 'action-list' },
    ],
  },
  cadw: {
    id: 'cadw',
    crossRegional: true,
    boards: ADW_BOARDS,
    phases: [
      { key: 'review-activities', minutes: 20, board: 'activity-canvas' },
      { key: 'develop-cross-regional-actions', minutes: 60, board: 'action-list' },
      { key: 'synchronise-funding', minutes: 30, board: 'action-list' },
      { key: 'wrap-up', minutes: 10, board: 'action-list' },
    ],
  },
  'self-assessment': {
    id: 'self-assessment',
    crossRegional: false,
    boards: ['notes'],
    phases: [
      { key: 'individual-reflection', minutes: 45, board: 'notes', privateWriting: true },
      { key: 'discussion-with-coach', minutes: 60, board: 'notes' },
      { key: 'summaries', minutes: 30, board: 'notes' },
    ],
  },
};

export function templateOf(id: WorkshopTemplate): Template {
  return TEMPLATES[id];
}
