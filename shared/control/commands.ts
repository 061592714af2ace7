/**
 * Facilitator commands of the control plane and the pure function that applies them. The server
 * validates a command with `controlCommandSchema`, checks the sender's role, applies it here with its
 * own clock, persists the result and broadcasts it.
 */
import { z } from 'zod';
import { BREAKOUT_GROUPS_MAX, checkGroups, newGroupTimer, plannedGroupSchema } from './breakouts';
import { boardKindSchema, phaseSchema, type ControlState } from './state';
import {
  applyTimerAction,
  MAX_TIMER_MS,
  startedTimer,
  timerActionSchema,
  timerDurationSchema as durationSchema,
  type TimerAction,
} from './timer';

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
  /** Opens a private-writing round on a board (for the action list: for one activity). */
  z.object({
    type: z.literal('private:open'),
    board: boardKindSchema,
    prompt: z.string().trim().max(300).default(''),
    activityId: z.string().min(1).max(64).nullable().default(null),
  }),
  /** Publishes every draft of the open round to its board, with or without the authors' names. */
  z.object({ type: z.literal('private:reveal'), showAuthors: z.boolean() }),
  /** Ends the round without publishing (the drafts are discarded). */
  z.object({ type: z.literal('private:cancel') }),
  /** Starts breakout groups (replacing ended ones); each has its own area and timer. */
  z.object({
    type: z.literal('breakout:start'),
    groups: z.array(plannedGroupSchema).min(1).max(BREAKOUT_GROUPS_MAX),
    /** Starts every group's timer with this duration. */
    durationMs: durationSchema.nullable().default(null),
  }),
  /** Runs one group's timer, or every group's (`groupId: null`). */
  z.object({
    type: z.literal('breakout:timer'),
    groupId: z.string().min(1).max(64).nullable(),
    timer: timerActionSchema,
  }),
  /** Moves a person into a group (or out of every group, `groupId: null`) while groups run. */
  z.object({
    type: z.literal('breakout:assign'),
    identityId: z.string().min(1).max(64),
    groupId: z.string().min(1).max(64).nullable(),
  }),
  /** Brings everyone back to the plenary; the groups' layout stays for the roll-up. */
  z.object({ type: z.literal('breakout:end') }),
  /** Forgets the groups (the plenary roll-up closes). */
  z.object({ type: z.literal('breakout:clear') }),
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
  const { agenda, locks } = next;

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
      if (command.startTimer) {
        next.timer = { ...startedTimer(phase.minutes * 60_000, now), phaseId: phase.id };
      }
      // An action-list round needs its activity, which only the facilitator can choose.
      const canOpen = phase.board !== 'action-list' && next.privateRound?.status !== 'open';
      if (phase.privateWriting && canOpen) {
        openPrivateRound(next, phase.board, '', null, now);
      }
      break;
    }
    case 'phase:end': {
      if (!agenda.currentPhaseId) return fail('no phase is running');
      endCurrentPhase(next, now);
      break;
    }
    case 'timer:start':
    case 'timer:pause':
    case 'timer:resume':
    case 'timer:extend':
    case 'timer:reset': {
      const result = applyTimerAction(next.timer, timerActionOf(command), now);
      if (!result.ok) return result;
      next.timer = result.timer;
      break;
    }
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
    case 'private:open': {
      if (next.privateRound?.status === 'open') {
        return fail('a private-writing round is open: reveal or cancel it first');
      }
      if (command.board === 'action-list' && !command.activityId) {
        return fail('choose the activity the actions are for');
      }
      openPrivateRound(next, command.board, command.prompt, command.activityId, now);
      break;
    }
    case 'private:reveal': {
      const round = next.privateRound;
      if (round?.status !== 'open') return fail('no private-writing round is open');
      round.status = 'revealed';
      round.revealedAt = now;
      round.showAuthors = command.showAuthors;
      break;
    }
    case 'private:cancel': {
      if (next.privateRound?.status !== 'open') return fail('no private-writing round is open');
      next.privateRound = null;
      break;
    }
    case 'breakout:start': {
      if (next.breakouts?.status === 'running')
        return fail('breakout groups are running: end them first');
      const problem = checkGroups(command.groups);
      if (problem) return fail(problem);
      next.breakouts = {
        id: `breakouts-${state.version + 1}`,
        status: 'running',
        startedAt: now,
        endedAt: null,
        groups: command.groups.map((g) => ({
          ...g,
          timer: command.durationMs ? startedTimer(command.durationMs, now) : newGroupTimer(),
        })),
      };
      break;
    }
    case 'breakout:timer': {
      const breakouts = next.breakouts;
      if (breakouts?.status !== 'running') return fail('no breakout groups are running');
      const groups = breakouts.groups.filter(
        (g) => command.groupId === null || g.id === command.groupId,
      );
      if (groups.length === 0) return fail(`no group "${command.groupId}"`);
      let refusal: string | null = null;
      let applied = 0;
      for (const group of groups) {
        const result = applyTimerAction(group.timer, command.timer, now);
        // One group's refusal (e.g. pausing an idle timer) must not block the others.
        if (result.ok) {
          group.timer = result.timer;
          applied++;
        } else refusal ??= result.error;
      }
      // …but an action that fits no group at all is refused, like the workshop timer's.
      if (applied === 0) return fail(refusal ?? 'nothing to do');
      break;
    }
    case 'breakout:assign': {
      const breakouts = next.breakouts;
      if (breakouts?.status !== 'running') return fail('no breakout groups are running');
      const target = breakouts.groups.find((g) => g.id === command.groupId);
      if (command.groupId !== null && !target) return fail(`no group "${command.groupId}"`);
      for (const group of breakouts.groups) {
        group.memberIds = group.memberIds.filter((id) => id !== command.identityId);
      }
      target?.memberIds.push(command.identityId);
      break;
    }
    case 'breakout:end': {
      if (next.breakouts?.status !== 'running') return fail('no breakout groups are running');
      next.breakouts.status = 'ended';
      next.breakouts.endedAt = now;
      break;
    }
    case 'breakout:clear': {
      if (!next.breakouts) return fail('there are no breakout groups');
      next.breakouts = null;
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

function timerActionOf(command: Extract<ControlCommand, { type: `timer:${string}` }>): TimerAction {
  switch (command.type) {
    case 'timer:start':
      return { action: 'start', durationMs: command.durationMs };
    case 'timer:extend':
      return { action: 'extend', ms: command.ms };
    case 'timer:pause':
      return { action: 'pause' };
    case 'timer:resume':
      return { action: 'resume' };
    case 'timer:reset':
      return { action: 'reset' };
  }
}

function openPrivateRound(
  state: ControlState,
  board: ControlState['agenda']['phases'][number]['board'],
  prompt: string,
  activityId: string | null,
  now: number,
): void {
  state.privateRound = {
    id: `round-${state.version + 1}`,
    board,
    prompt,
    activityId,
    status: 'open',
    openedAt: now,
    revealedAt: null,
    showAuthors: null,
    published: null,
  };
}

function endCurrentPhase(state: ControlState, now: number): void {
  const run = state.agenda.log.at(-1);
  if (run && run.endedAt === null) run.endedAt = now;
  state.agenda.currentPhaseId = null;
}
