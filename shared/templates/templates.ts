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
  'questionnaires',
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
  'questionnaires',
];
/** Any workshop can run the StressTest or an evaluation (issue 12) on its questionnaires board. */
const ADW_BOARDS: BoardKind[] = ['activity-canvas', 'action-list', 'notes', 'questionnaires'];

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
    // The seed's steps 3–5: each manager fills the table alone (held by the server until the
    // reveal), the answers side by side with the coach, then the two summaries.
    boards: ['questionnaires', 'notes'],
    phases: [
      { key: 'individual-reflection', minutes: 45, board: 'questionnaires' },
      { key: 'discussion-with-coach', minutes: 60, board: 'questionnaires' },
      { key: 'summaries', minutes: 30, board: 'questionnaires' },
    ],
  },
};

export function templateOf(id: WorkshopTemplate): Template {
  return TEMPLATES[id];
}

/** Boards that hold cards; the questionnaires board holds answers (no private writing, no areas). */
export type CardBoardKind = Exclude<BoardKind, 'questionnaires'>;

export function isCardBoard(board: BoardKind): board is CardBoardKind {
  return board !== 'questionnaires';
}

/** A template's boards that hold cards (where private writing and breakout areas can go). */
export function cardBoardsOf(id: WorkshopTemplate): CardBoardKind[] {
  return TEMPLATES[id].boards.filter(isCardBoard);
}
