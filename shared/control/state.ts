/**
 * The facilitation state the server holds for each workshop (not in the Y.Doc: it is authoritative,
 * validated and persisted by the server): the agenda and its phases, the timer, and the locks.
 * Facilitator commands change it through `applyControlCommand` (control/commands.ts), a pure function
 * shared by server and client.
 */
import { z } from 'zod';
import { BOARD_KINDS, templateOf } from '../templates/templates';
import type { WorkshopTemplate } from '../domain/workshop';
import { breakoutsSchema } from './breakouts';
import { privateRoundSchema } from './privateWriting';
import { IDLE_TIMER, MAX_TIMER_MS, timerSchema } from './timer';
import { voteSessionSchema } from './votes';

export { MAX_TIMER_MS, timerRemainingMs, timerSchema, type TimerState } from './timer';

export const boardKindSchema = z.enum(BOARD_KINDS);

export const phaseSchema = z.object({
  id: z.string().min(1).max(64),
  name: z.string().trim().min(1).max(120),
  minutes: z
    .number()
    .int()
    .min(1)
    .max(MAX_TIMER_MS / 60_000),
  board: boardKindSchema,
  /** A private-writing phase: starting it opens a private round on its board. */
  privateWriting: z.boolean().default(false),
});
export type Phase = z.infer<typeof phaseSchema>;

export const phaseRunSchema = z.object({
  phaseId: z.string(),
  startedAt: z.number(),
  endedAt: z.number().nullable(),
});
export type PhaseRun = z.infer<typeof phaseRunSchema>;

export const controlStateSchema = z.object({
  /** Increases with every accepted command; clients ignore older states. */
  version: z.number().int().min(0),
  agenda: z.object({
    phases: z.array(phaseSchema).max(50),
    currentPhaseId: z.string().nullable(),
    /** When each phase actually ran (the record keeps it). */
    log: z.array(phaseRunSchema).max(500),
  }),
  timer: timerSchema,
  locks: z.object({
    workshop: z.boolean(),
    boards: z.array(boardKindSchema),
  }),
  /**
   * Follow-me: while on, participants and the wall follow the leader's board, viewport and focused
   * card, which the leader publishes in its Yjs presence (awareness client id `leader`).
   */
  followMe: z
    .object({ on: z.boolean(), leader: z.number().int().nullable() })
    .default({ on: false, leader: null }),
  /** The current dot vote, without any ballot (ballots never leave the server before the reveal). */
  vote: voteSessionSchema.nullable().default(null),
  /** The wall screen (projector): cursors shown or not; the join link it shows as a QR code. */
  wall: z
    .object({ showCursors: z.boolean(), joinUrl: z.url().max(2000).nullable() })
    .default({ showCursors: true, joinUrl: null }),
  /** The current private-writing round, without any draft (drafts stay on the server). */
  privateRound: privateRoundSchema.nullable().default(null),
  /** Breakout groups, while running (and after, for the plenary roll-up until cleared). */
  breakouts: breakoutsSchema.nullable().default(null),
});
export type ControlState = z.infer<typeof controlStateSchema>;

/** The state of a new workshop: the template's phases (names are i18n keys until renamed). */
export function initialControlState(template: WorkshopTemplate): ControlState {
  return {
    version: 0,
    agenda: {
      phases: templateOf(template).phases.map((p) => ({
        id: p.key,
        name: p.key,
        minutes: p.minutes,
        board: p.board,
        privateWriting: p.privateWriting ?? false,
      })),
      currentPhaseId: null,
      log: [],
    },
    timer: IDLE_TIMER,
    locks: { workshop: false, boards: [] },
    followMe: { on: false, leader: null },
    vote: null,
    wall: { showCursors: true, joinUrl: null },
    privateRound: null,
    breakouts: null,
  };
}

/** Whether participants may edit a board now. */
export function isBoardLocked(state: ControlState, board: string): boolean {
  return state.locks.workshop || (state.locks.boards as string[]).includes(board);
}
