/**
 * The authoritative facilitation state of every workshop: loads it (or starts it from the template),
 * applies facilitator commands one at a time per workshop, persists each result before anyone hears
 * of it, and tells listeners (the socket.io room, the relay's lock gate).
 *
 * Several processes may serve one workshop: each command re-reads the stored version first (so it
 * never acts on a stale copy) and writes with compare-and-set; a write that lost a race re-reads
 * and runs the command again. Ballots are read and written the same way, never cached.
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
import type { ControlStateStore, Identities, Workshops } from '../storage/storage';

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
  /** The stored version each cached state was read at (0: nothing stored yet). */
  private readonly versions = new Map<string, number>();
  private readonly queue = new KeyedQueue();
  private readonly listeners = new Set<ControlListener>();
  private revealListener: RevealListener | null = null;
  private privateRounds: PrivateRoundHandler | null = null;
  private guard: (workshopId: string) => Promise<string | null> = () => Promise.resolve(null);
  /** Other processes change the stored state too (scale-out): see `joinCluster`. */
  private inCluster = false;

  constructor(
    private readonly storage: ControlStateStore & Identities & Pick<Workshops, 'getWorkshop'>,
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

  /**
   * The current state, for a task already running in `exclusive` (which must not queue again).
   * With other processes, checked against the stored version first (the task acts on it).
   */
  stateInQueue(workshopId: string): Promise<ControlState> {
    if (this.inCluster) return this.load(workshopId, true);
    return Promise.resolve(this.states.get(workshopId) ?? this.load(workshopId));
  }

  /**
   * Other processes serve the same workshops: the queue here no longer orders every change, so
   * tasks read the stored version (`stateInQueue`) and the others' changes arrive by `refresh`.
   */
  joinCluster(): void {
    this.inCluster = true;
  }

  get clustered(): boolean {
    return this.inCluster;
  }

  /**
   * Another process stored a new state: the copy here (read by the lock gate and by new
   * connections) is reloaded. A workshop not held here is left to load on first use.
   */
  refresh(workshopId: string): Promise<void> {
    if (!this.states.has(workshopId)) return Promise.resolve();
    return this.queue.run(workshopId, async () => {
      await this.load(workshopId, true);
    });
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
      for (let attempt = 0; attempt < MAX_WRITE_ATTEMPTS; attempt++) {
        const current = await this.load(workshopId, true);
        const version = this.versions.get(workshopId) ?? 0;
        const result: CommandResult = applyControlCommand(current, parsed.data, this.now());
        if (!result.ok) return result;
        const type = parsed.data.type;
        if (type === 'vote:open' || type === 'vote:cancel') await this.resetBallots(workshopId);
        if (type === 'vote:reveal') await this.reveal(workshopId, result.state.vote!);
        await this.settlePrivateRound(workshopId, current, result.state);
        const json = JSON.stringify(result.state);
        if (!(await this.storage.putControlState(workshopId, json, version))) {
          this.log.warn({ workshopId, type }, 'control state changed meanwhile; running again');
          continue;
        }
        this.states.set(workshopId, result.state);
        this.versions.set(workshopId, version + 1);
        const event = this.event(result.state);
        for (const listener of this.listeners) listener(workshopId, event);
        return { ok: true, value: event };
      }
      return { ok: false, error: 'the workshop changed at the same time: try again' };
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
      const vote = (await this.load(workshopId, true)).vote;
      if (!vote || vote.id !== voteId) return { ok: false, error: 'that vote is not running' };
      for (let attempt = 0; attempt < MAX_WRITE_ATTEMPTS; attempt++) {
        const { ballots, version } = await this.loadBallots(workshopId);
        const cast = castDot(vote, ballots[identityId] ?? {}, cardId, delta);
        if (!cast.ok) return cast;
        const json = JSON.stringify({ ...ballots, [identityId]: cast.allocation });
        if (!(await this.storage.putBallots(workshopId, json, version))) continue;
        return {
          ok: true,
          value: {
            voteId,
            allocation: cast.allocation,
            remaining: remainingDots(vote, cast.allocation),
          },
        };
      }
      return { ok: false, error: 'many votes at the same time: try again' };
    });
  }

  /** A person's own ballot in the current vote (to show their dots after a reload). */
  async myBallot(workshopId: string, identityId: string | null): Promise<MyBallot | null> {
    const vote = (await this.get(workshopId)).vote;
    if (!vote || !identityId) return null;
    const allocation = (await this.loadBallots(workshopId)).ballots[identityId] ?? {};
    return { voteId: vote.id, allocation, remaining: remainingDots(vote, allocation) };
  }

  /** The current vote's ballots (turnout counts them; they never leave the server). */
  async currentBallots(
    workshopId: string,
  ): Promise<{ vote: VoteSession; ballots: Ballots } | null> {
    const vote = (await this.get(workshopId)).vote;
    if (!vote) return null;
    return { vote, ballots: (await this.loadBallots(workshopId)).ballots };
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
    const { ballots } = await this.loadBallots(workshopId);
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

  /** The stored ballots (read each time: another process may have counted a dot). */
  private async loadBallots(workshopId: string): Promise<{ ballots: Ballots; version: number }> {
    const stored = await this.storage.getBallots(workshopId);
    const parsed = stored ? (safeJson(stored.json) as Ballots | null) : null;
    const ballots = parsed && typeof parsed === 'object' ? parsed : {};
    return { ballots, version: stored?.version ?? 0 };
  }

  /** A new or cancelled vote starts from no ballots, whatever was stored meanwhile. */
  private async resetBallots(workshopId: string): Promise<void> {
    for (let attempt = 0; attempt < MAX_WRITE_ATTEMPTS; attempt++) {
      const { version } = await this.loadBallots(workshopId);
      if (await this.storage.putBallots(workshopId, '{}', version)) return;
    }
    throw new Error(`could not reset the ballots of ${workshopId}`);
  }

  /** Forgets a workshop's state (it is reloaded from storage on next use). */
  evict(workshopId: string): void {
    this.states.delete(workshopId);
    this.versions.delete(workshopId);
  }

  /**
   * The state from the cache, or from storage when not cached or when `fresh` (a command is about
   * to act on it) and the stored version is not the cached one.
   */
  private async load(workshopId: string, fresh = false): Promise<ControlState> {
    const cached = this.states.get(workshopId);
    if (cached && !fresh) return cached;
    const stored = await this.storage.getControlState(workshopId);
    const version = stored?.version ?? 0;
    if (cached && this.versions.get(workshopId) === version) return cached;
    let state: ControlState | null = null;
    if (stored) {
      const parsed = controlStateSchema.safeParse(safeJson(stored.json));
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
    this.versions.set(workshopId, version);
    return state;
  }

  /** Runs `task` after every earlier task of the same workshop (commands never interleave). */
  exclusive<T>(workshopId: string, task: () => Promise<T>): Promise<T> {
    return this.queue.run(workshopId, task);
  }
}

/** Compare-and-set writes that lost a race are retried this many times in all. */
const MAX_WRITE_ATTEMPTS = 5;

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
