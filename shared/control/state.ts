/**
 * The facilitation state the server holds for each workshop (not in the Y.Doc: it is authoritative,
 * validated and persisted by the server): the agenda and its phases, the timer, and the locks.
 * Facilitator commands change it through `applyControlCommand` (control/commands.ts), a pure function
 * shared by server and client.
 */
import { z } from 'zod';
import { BOARD_KINDS, templateOf } from '../templates/templates';
import type { WorkshopTemplate } from '../domain/workshop';
import { voteSessionSchema } from './votes';

export const boardKindSchema = z.enum(BOARD_KINDS);

/** No practical cap on a timer (a day-long phase is fine); the bound only keeps numbers sane. */
export const MAX_TIMER_MS = 30 * 24 * 3600 * 1000;

export const phaseSchema = z.object({
  id: z.string().min(1).max(64),
  name: z.string().trim().min(1).max(120),
  minutes: z
    .number()
    .int()
    .min(1)
    .max(MAX_TIMER_MS / 60_000),
  board: boardKindSchema,
});
export type Phase = z.infer<typeof phaseSchema>;

export const phaseRunSchema = z.object({
  phaseId: z.string(),
  startedAt: z.number(),
  endedAt: z.number().nullable(),
});
export type PhaseRun = z.infer<typeof phaseRunSchema>;

export const timerSchema = z.object({
  status: z.enum(['idle', 'running', 'paused']),
  /** Total length including extensions, for the progress ring. */
  durationMs: z.number().min(0),
  /** Server clock (ms since epoch) at which a running timer ends. */
  endsAt: z.number().nullable(),
  /** What is left of a paused timer. */
  remainingMs: z.number().nullable(),
});
export type TimerState = z.infer<typeof timerSchema>;

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
      })),
      currentPhaseId: null,
      log: [],
    },
    timer: { status: 'idle', durationMs: 0, endsAt: null, remainingMs: null },
    locks: { workshop: false, boards: [] },
    followMe: { on: false, leader: null },
    vote: null,
    wall: { showCursors: true, joinUrl: null },
  };
}

/** Milliseconds left on the timer at server time `now` (0 when idle or over). */
export function timerRemainingMs(timer: TimerState, now: number): number {
  if (timer.status === 'running' && timer.endsAt !== null) return Math.max(0, timer.endsAt - now);
  if (timer.status === 'paused') return Math.max(0, timer.remainingMs ?? 0);
  return 0;
}

/** Whether participants may edit a board now. */
export function isBoardLocked(state: ControlState, board: string): boolean {
  return state.locks.workshop || (state.locks.boards as string[]).includes(board);
}
