/**
 * Facilitator commands of the control plane and the pure function that applies them. The server
 * validates a command with `controlCommandSchema`, checks the sender's role, applies it here with its
 * own clock, persists the result and broadcasts it.
 */
import { z } from 'zod';
import {
  boardKindSchema,
  MAX_TIMER_MS,
  phaseSchema,
  timerRemainingMs,
  type ControlState,
} from './state';

const durationSchema = z.number().int().min(1000).max(MAX_TIMER_MS);

export const controlCommandSchema = z.discriminatedUnion('type', [
  /** Replaces the agenda: add, rename, reorder and re-time phases in one go. */
  z.object({
    type: z.literal('agenda:set'),
    phases: z
      .array(phaseSchema)
      .max(50)
      .refine((ps) => new Set(ps.map((p) => p.id)).size === ps.length, 'phase ids must be unique'),
  }),
  /** Starts a phase: everyone is brought to its board; the timer starts with its duration. */
  z.object({
    type: z.literal('phase:start'),
    phaseId: z.string().min(1).max(64),
    startTimer: z.boolean().default(true),
  }),
  z.object({ type: z.literal('phase:end') }),
  z.object({ type: z.literal('timer:start'), durationMs: durationSchema }),
  z.object({ type: z.literal('timer:pause') }),
  z.object({ type: z.literal('timer:resume') }),
  /** Adds (or, negative, removes) time; a timer never goes below zero. */
  z.object({
    type: z.literal('timer:extend'),
    ms: z.number().int().min(-MAX_TIMER_MS).max(MAX_TIMER_MS),
  }),
  z.object({ type: z.literal('timer:reset') }),
  /** Locks or unlocks one board, or the whole workshop, for participants. */
  z.object({
    type: z.literal('lock:set'),
    target: z.union([z.literal('workshop'), boardKindSchema]),
    locked: z.boolean(),
  }),
  /** Turns follow-me on (led by the sender's presence id) or off. */
  z.object({
    type: z.literal('follow:set'),
    on: z.boolean(),
    leader: z.number().int().min(0).nullable().default(null),
  }),
  /** Opens a dot vote on cards (replacing a finished one); ballots start empty. */
  z.object({
    type: z.literal('vote:open'),
    title: z.string().trim().max(200).default(''),
    cardIds: z
      .array(z.string().min(1).max(64))
      .min(1, 'choose at least one card')
      .max(300)
      .refine((ids) => new Set(ids).size === ids.length, 'cards must not repeat'),
    budget: z.number().int().min(1).max(100).default(5),
    maxPerCard: z.number().int().min(1).max(100).default(3),
  }),
  /** Stops voting; results stay secret until revealed. */
  z.object({ type: z.literal('vote:close') }),
  /** Reveals the results: the server writes them into the workshop. */
  z.object({ type: z.literal('vote:reveal') }),
  /** Abandons the vote and its ballots. */
  z.object({ type: z.literal('vote:cancel') }),
  /** Wall-screen options: show cursors; the participant link to show as a QR code (null hides it). */
  z.object({
    type: z.literal('wall:set'),
    showCursors: z.boolean().optional(),
    joinUrl: z
      .url({ protocol: /^https?$/ })
      .max(2000)
      .nullable()
      .optional(),
  }),
]);
export type ControlCommand = z.infer<typeof controlCommandSchema>;
export type ControlCommandInput = z.input<typeof controlCommandSchema>;

export type CommandResult = { ok: true; state: ControlState } | { ok: false; error: string };

/** Applies a (validated) command at server time `now`; never mutates `state`. */
export function applyControlCommand(
  state: ControlState,
  command: ControlCommand,
  now: number,
): CommandResult {
  const next = structuredClone(state);
  const fail = (error: string): CommandResult => ({ ok: false, error });
  const { timer, agenda, locks } = next;

  switch (command.type) {
    case 'agenda:set': {
      agenda.phases = command.phases;
      if (agenda.currentPhaseId && !command.phases.some((p) => p.id === agenda.currentPhaseId)) {
        endCurrentPhase(next, now);
      }
      break;
    }
    case 'phase:start': {
      const phase = agenda.phases.find((p) => p.id === command.phaseId);
      if (!phase) return fail(`no phase "${command.phaseId}" in the agenda`);
      endCurrentPhase(next, now);
      agenda.currentPhaseId = phase.id;
      agenda.log.push({ phaseId: phase.id, startedAt: now, endedAt: null });
      if (agenda.log.length > 500) agenda.log.splice(0, agenda.log.length - 500);
      if (command.startTimer) startTimer(next, phase.minutes * 60_000, now);
      break;
    }
    case 'phase:end': {
      if (!agenda.currentPhaseId) return fail('no phase is running');
      endCurrentPhase(next, now);
      break;
    }
    case 'timer:start':
      startTimer(next, command.durationMs, now);
      break;
    case 'timer:pause': {
      if (timer.status !== 'running') return fail('the timer is not running');
      next.timer = {
        status: 'paused',
        durationMs: timer.durationMs,
        endsAt: null,
        remainingMs: timerRemainingMs(timer, now),
      };
      break;
    }
    case 'timer:resume': {
      if (timer.status !== 'paused') return fail('the timer is not paused');
      next.timer = {
        status: 'running',
        durationMs: timer.durationMs,
        endsAt: now + (timer.remainingMs ?? 0),
        remainingMs: null,
      };
      break;
    }
    case 'timer:extend': {
      if (timer.status === 'idle') return fail('start the timer first');
      const remaining = Math.min(
        MAX_TIMER_MS,
        Math.max(0, timerRemainingMs(timer, now) + command.ms),
      );
      timer.durationMs = Math.max(0, timer.durationMs + command.ms);
      if (timer.status === 'running') timer.endsAt = now + remaining;
      else timer.remainingMs = remaining;
      break;
    }
    case 'timer:reset':
      next.timer = { status: 'idle', durationMs: 0, endsAt: null, remainingMs: null };
      break;
    case 'lock:set': {
      if (command.target === 'workshop') {
        locks.workshop = command.locked;
      } else {
        const boards = new Set(locks.boards);
        if (command.locked) boards.add(command.target);
        else boards.delete(command.target);
        locks.boards = [...boards];
      }
      break;
    }
    case 'follow:set': {
      if (command.on && command.leader === null) return fail('follow-me needs a leader');
      next.followMe = { on: command.on, leader: command.on ? command.leader : null };
      break;
    }
    case 'vote:open': {
      if (state.vote && state.vote.status !== 'revealed') {
        return fail('a vote is already running: close and reveal it, or cancel it');
      }
      if (command.maxPerCard > command.budget) {
        return fail('the maximum per card cannot exceed the budget');
      }
      next.vote = {
        id: `vote-${state.version + 1}`,
        title: command.title,
        cardIds: command.cardIds,
        budget: command.budget,
        maxPerCard: command.maxPerCard,
        status: 'open',
        openedAt: now,
        closedAt: null,
      };
      break;
    }
    case 'vote:close': {
      if (next.vote?.status !== 'open') return fail('no vote is open');
      next.vote.status = 'closed';
      next.vote.closedAt = now;
      break;
    }
    case 'vote:reveal': {
      if (!next.vote || next.vote.status === 'revealed') return fail('no vote to reveal');
      next.vote.status = 'revealed';
      next.vote.closedAt ??= now;
      break;
    }
    case 'vote:cancel': {
      if (!next.vote) return fail('no vote to cancel');
      next.vote = null;
      break;
    }
    case 'wall:set': {
      if (command.showCursors !== undefined) next.wall.showCursors = command.showCursors;
      if (command.joinUrl !== undefined) next.wall.joinUrl = command.joinUrl;
      break;
    }
  }
  next.version = state.version + 1;
  return { ok: true, state: next };
}

function startTimer(state: ControlState, durationMs: number, now: number): void {
  state.timer = { status: 'running', durationMs, endsAt: now + durationMs, remainingMs: null };
}

function endCurrentPhase(state: ControlState, now: number): void {
  const run = state.agenda.log.at(-1);
  if (run && run.endedAt === null) run.endedAt = now;
  state.agenda.currentPhaseId = null;
}
