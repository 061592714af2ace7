/**
 * Timer arithmetic on the server clock, shared by the workshop timer and each breakout group's
 * timer: a running timer is an end time, a paused one what was left. Pure functions.
 */
import { z } from 'zod';

/** No practical cap on a timer (a day-long phase is fine); the bound only keeps numbers sane. */
export const MAX_TIMER_MS = 30 * 24 * 3600 * 1000;

export const timerSchema = z.object({
  status: z.enum(['idle', 'running', 'paused']),
  /** Total length including extensions, for the progress ring. */
  durationMs: z.number().min(0),
  /** Server clock (ms since epoch) at which a running timer ends. */
  endsAt: z.number().nullable(),
  /** What is left of a paused timer. */
  remainingMs: z.number().nullable(),
  /**
   * The phase whose timer this is (started with the phase); absent for a timer the facilitator
   * started by hand. Starting another timer over a phase's asks first (TimerWidget).
   */
  phaseId: z.string().max(64).optional(),
});
export type TimerState = z.infer<typeof timerSchema>;

export const IDLE_TIMER: TimerState = {
  status: 'idle',
  durationMs: 0,
  endsAt: null,
  remainingMs: null,
};

export const timerDurationSchema = z.number().int().min(1000).max(MAX_TIMER_MS);

/** What a facilitator can do to a timer. */
export const timerActionSchema = z.discriminatedUnion('action', [
  z.object({ action: z.literal('start'), durationMs: timerDurationSchema }),
  z.object({ action: z.literal('pause') }),
  z.object({ action: z.literal('resume') }),
  /** Adds (or, negative, removes) time; a timer never goes below zero. */
  z.object({
    action: z.literal('extend'),
    ms: z.number().int().min(-MAX_TIMER_MS).max(MAX_TIMER_MS),
  }),
  z.object({ action: z.literal('reset') }),
]);
export type TimerAction = z.infer<typeof timerActionSchema>;

/** Milliseconds left on the timer at server time `now` (0 when idle or over). */
export function timerRemainingMs(timer: TimerState, now: number): number {
  if (timer.status === 'running' && timer.endsAt !== null) return Math.max(0, timer.endsAt - now);
  if (timer.status === 'paused') return Math.max(0, timer.remainingMs ?? 0);
  return 0;
}

export function startedTimer(durationMs: number, now: number): TimerState {
  return { status: 'running', durationMs, endsAt: now + durationMs, remainingMs: null };
}

/** The timer after `action` at server time `now`, or an error for an action that makes no sense. */
export function applyTimerAction(
  timer: TimerState,
  action: TimerAction,
  now: number,
): { ok: true; timer: TimerState } | { ok: false; error: string } {
  switch (action.action) {
    case 'start': // a timer by hand: no longer the phase's
      return { ok: true, timer: startedTimer(action.durationMs, now) };
    case 'pause':
      if (timer.status !== 'running') return { ok: false, error: 'the timer is not running' };
      return {
        ok: true,
        timer: {
          ...timer,
          status: 'paused',
          durationMs: timer.durationMs,
          endsAt: null,
          remainingMs: timerRemainingMs(timer, now),
        },
      };
    case 'resume':
      if (timer.status !== 'paused') return { ok: false, error: 'the timer is not paused' };
      return {
        ok: true,
        timer: {
          ...timer,
          status: 'running',
          durationMs: timer.durationMs,
          endsAt: now + (timer.remainingMs ?? 0),
          remainingMs: null,
        },
      };
    case 'extend': {
      if (timer.status === 'idle') return { ok: false, error: 'start the timer first' };
      const remaining = Math.min(
        MAX_TIMER_MS,
        Math.max(0, timerRemainingMs(timer, now) + action.ms),
      );
      const durationMs = Math.max(0, timer.durationMs + action.ms);
      return timer.status === 'running'
        ? { ok: true, timer: { ...timer, durationMs, endsAt: now + remaining } }
        : { ok: true, timer: { ...timer, durationMs, remainingMs: remaining } };
    }
    case 'reset':
      return { ok: true, timer: IDLE_TIMER };
  }
}
