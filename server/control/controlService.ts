/**
 * The authoritative facilitation state of every workshop: loads it (or starts it from the template),
 * applies facilitator commands one at a time per workshop, persists each result before anyone hears
 * of it, and tells listeners (the socket.io room, the relay's lock gate).
 */
import {
  applyControlCommand,
  controlCommandSchema,
  type CommandResult,
} from '../../shared/control/commands';
import type { ControlStateEvent } from '../../shared/control/events';
import {
  castDot,
  castVoteSchema,
  DEFAULT_SPLIT_MIN_VOTERS,
  remainingDots,
  tallyVotes,
  type Allocation,
  type MyBallot,
  type VoteResult,
  type VoteSession,
} from '../../shared/control/votes';
import {
  controlStateSchema,
  initialControlState,
  type ControlState,
} from '../../shared/control/state';
import type { PrivateRound } from '../../shared/control/privateWriting';
import type { Role } from '../../shared/domain/workshop';
import { KeyedQueue } from '../lib/keyedQueue';
import type { Logger } from '../log';
import type { Storage } from '../storage/storage';

export type ControlListener = (workshopId: string, event: ControlStateEvent) => void;
/** Called when a vote is revealed, with its tally, to write it into the workshop. */
export type RevealListener = (workshopId: string, result: VoteResult) => Promise<void>;
export type BallotReply = { ok: true; value: MyBallot } | { ok: false; error: string };
type Ballots = Record<string, Allocation>;
export type ControlReply = { ok: true; value: ControlStateEvent } | { ok: false; error: string };
/** Private writing's part in commands: publish a revealed round's drafts, or drop a round's drafts. */
export interface PrivateRoundHandler {
  reveal(workshopId: string, round: PrivateRound): Promise<number>;
  discard(workshopId: string): Promise<void>;
}

export class ControlService {
  private readonly states = new Map<string, ControlState>();
  private readonly queue = new KeyedQueue();
  private readonly listeners = new Set<ControlListener>();
  /** Secret ballots of each workshop's current vote: identity id → allocation. */
  private readonly ballots = new Map<string, Ballots>();
  private revealListener: RevealListener | null = null;
  private privateRounds: PrivateRoundHandler | null = null;
  private guard: (workshopId: string) => Promise<string | null> = () => Promise.resolve(null);

  constructor(
    private readonly storage: Storage,
    private readonly log: Logger,
    private readonly now: () => number = Date.now,
    /** Revealed splits show no group of fewer voters (VOTE_SPLIT_MIN_VOTERS). */
    private readonly splitMinVoters: number = DEFAULT_SPLIT_MIN_VOTERS,
  ) {}

  onChange(listener: ControlListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  onReveal(listener: RevealListener): void {
    this.revealListener = listener;
  }

  /** A reason to refuse every change to a workshop now (it is archived), or null. */
  setGuard(guard: (workshopId: string) => Promise<string | null>): void {
    this.guard = guard;
  }

  /** Why changes to the workshop are refused now, or null when they are allowed. */
  refusal(workshopId: string): Promise<string | null> {
    return this.guard(workshopId);
  }

  onPrivateRound(handler: PrivateRoundHandler): void {
    this.privateRounds = handler;
  }

  /** The current state (loaded once; later reads come from memory). */
  get(workshopId: string): Promise<ControlState> {
    const cached = this.states.get(workshopId);
    if (cached) return Promise.resolve(cached);
    return this.queue.run(workshopId, () => this.load(workshopId));
  }

  /** The current state, for a task already running in `exclusive` (which must not queue again). */
  stateInQueue(workshopId: string): Promise<ControlState> {
    return Promise.resolve(this.states.get(workshopId) ?? this.load(workshopId));
  }

  /** The current state if loaded (the relay's lock gate calls this on its hot path). */
  peek(workshopId: string): ControlState | undefined {
    return this.states.get(workshopId);
  }

  event(state: ControlState): ControlStateEvent {
    return { state, serverTime: this.now() };
  }

  /** Validates, authorises and applies one command; the reply carries the new state or the error. */
  apply(workshopId: string, role: Role, raw: unknown): Promise<ControlReply> {
    if (role !== 'facilitator') {
      return Promise.resolve({ ok: false, error: 'only facilitators can run the workshop' });
    }
    const parsed = controlCommandSchema.safeParse(raw);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const where = issue?.path.length ? `${issue.path.join('.')}: ` : '';
      return Promise.resolve({
        ok: false,
        error: `invalid command: ${where}${issue?.message ?? ''}`,
      });
    }
    return this.queue.run(workshopId, async (): Promise<ControlReply> => {
      const refused = await this.guard(workshopId);
      if (refused) return { ok: false, error: refused };
      const current = this.states.get(workshopId) ?? (await this.load(workshopId));
      const result: CommandResult = applyControlCommand(current, parsed.data, this.now());
      if (!result.ok) return result;
      const type = parsed.data.type;
      if (type === 'vote:open' || type === 'vote:cancel') await this.saveBallots(workshopId, {});
      if (type === 'vote:reveal') await this.reveal(workshopId, result.state.vote!);
      await this.settlePrivateRound(workshopId, current, result.state);
      await this.storage.putControlState(workshopId, JSON.stringify(result.state));
      this.states.set(workshopId, result.state);
      const event = this.event(result.state);
      for (const listener of this.listeners) listener(workshopId, event);
      return { ok: true, value: event };
    });
  }

  /** Gives or takes back one dot. Only people who joined (identity tokens) vote. */
  castVote(workshopId: string, identityId: string | null, raw: unknown): Promise<BallotReply> {
    if (!identityId) return Promise.resolve({ ok: false, error: 'join as a person to vote' });
    const parsed = castVoteSchema.safeParse(raw);
    if (!parsed.success) return Promise.resolve({ ok: false, error: 'invalid vote' });
    const { voteId, cardId, delta } = parsed.data;
    return this.queue.run(workshopId, async (): Promise<BallotReply> => {
      const refused = await this.guard(workshopId);
      if (refused) return { ok: false, error: refused };
      const vote = (this.states.get(workshopId) ?? (await this.load(workshopId))).vote;
      if (!vote || vote.id !== voteId) return { ok: false, error: 'that vote is not running' };
      const ballots = await this.loadBallots(workshopId);
      const cast = castDot(vote, ballots[identityId] ?? {}, cardId, delta);
      if (!cast.ok) return cast;
      await this.saveBallots(workshopId, { ...ballots, [identityId]: cast.allocation });
      return {
        ok: true,
        value: {
          voteId,
          allocation: cast.allocation,
          remaining: remainingDots(vote, cast.allocation),
        },
      };
    });
  }

  /** A person's own ballot in the current vote (to show their dots after a reload). */
  async myBallot(workshopId: string, identityId: string | null): Promise<MyBallot | null> {
    const vote = (await this.get(workshopId)).vote;
    if (!vote || !identityId) return null;
    const allocation = (await this.loadBallots(workshopId))[identityId] ?? {};
    return { voteId: vote.id, allocation, remaining: remainingDots(vote, allocation) };
  }

  /** A revealed round's drafts go to the board; a cancelled or replaced round's are dropped. */
  private async settlePrivateRound(
    workshopId: string,
    before: ControlState,
    after: ControlState,
  ): Promise<void> {
    const was = before.privateRound;
    const now = after.privateRound;
    if (!this.privateRounds || !was || was.status !== 'open') return;
    if (now && now.id === was.id && now.status === 'revealed') {
      now.published = await this.privateRounds.reveal(workshopId, now);
    } else if (!now || now.id !== was.id) {
      await this.privateRounds.discard(workshopId);
    }
  }

  private async reveal(workshopId: string, vote: VoteSession): Promise<void> {
    const ballots = await this.loadBallots(workshopId);
    const people = await this.storage.listIdentities(workshopId);
    const voters = Object.fromEntries(
      people.map((p) => [p.id, { helix: p.helix, regionId: p.regionId }]),
    );
    // The split is made safe here, before anything leaves the server (doc, sockets, record).
    const result = tallyVotes(vote, ballots, voters, this.now(), {
      splitMinVoters: this.splitMinVoters,
    });
    await this.revealListener?.(workshopId, result);
  }

  private async loadBallots(workshopId: string): Promise<Ballots> {
    const cached = this.ballots.get(workshopId);
    if (cached) return cached;
    const json = await this.storage.getBallots(workshopId);
    const parsed = json ? (safeJson(json) as Ballots | null) : null;
    const ballots = parsed && typeof parsed === 'object' ? parsed : {};
    this.ballots.set(workshopId, ballots);
    return ballots;
  }

  private async saveBallots(workshopId: string, ballots: Ballots): Promise<void> {
    await this.storage.putBallots(workshopId, JSON.stringify(ballots));
    this.ballots.set(workshopId, ballots);
  }

  /** Forgets a workshop's state (it is reloaded from storage on next use). */
  evict(workshopId: string): void {
    this.states.delete(workshopId);
    this.ballots.delete(workshopId);
  }

  private async load(workshopId: string): Promise<ControlState> {
    const cached = this.states.get(workshopId);
    if (cached) return cached;
    const json = await this.storage.getControlState(workshopId);
    let state: ControlState | null = null;
    if (json) {
      const parsed = controlStateSchema.safeParse(safeJson(json));
      if (parsed.success) state = parsed.data;
      else
        this.log.error(
          { workshopId },
          'stored control state is invalid; starting from the template',
        );
    }
    if (!state) {
      const workshop = await this.storage.getWorkshop(workshopId);
      state = initialControlState(workshop?.template ?? 'edw');
    }
    this.states.set(workshopId, state);
    return state;
  }

  /** Runs `task` after every earlier task of the same workshop (commands never interleave). */
  exclusive<T>(workshopId: string, task: () => Promise<T>): Promise<T> {
    return this.queue.run(workshopId, task);
  }
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
