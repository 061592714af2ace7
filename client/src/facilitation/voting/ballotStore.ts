/**
 * This person's dots in the current vote, kept beside the control connection (one store per
 * connection, shared by the vote bar and every card). Dots show at once (optimistic) and are
 * reconciled with the server's answer, which carries the sender's own ballot only. `vote:mine`
 * restores the ballot after a reload or a reconnect; a null answer while a vote runs means this
 * connection is no person who joined, so it cannot vote.
 */
import type { Allocation, VoteSession } from '@shared/control/votes';
import type { ControlConnection, ControlStatus } from '@client/connection/controlConnection';
import { dotRefusal, dotsUsed, refusalFromServer, withPending, type DotRefusal } from './ballot';

export interface Refusal {
  /** Increases with every refusal, so the same reason twice is shown twice. */
  id: number;
  reason: DotRefusal;
  cardId: string;
}

export interface BallotView {
  voteId: string | null;
  /** Dots given, with those still in flight. */
  allocation: Allocation;
  remaining: number;
  /** Null until the server said; false for a connection that is no joined person. */
  canVote: boolean | null;
  refusal: Refusal | null;
}

const EMPTY: BallotView = {
  voteId: null,
  allocation: {},
  remaining: 0,
  canVote: null,
  refusal: null,
};

interface PendingDot {
  seq: number;
  cardId: string;
  delta: 1 | -1;
}

export class BallotStore {
  private readonly listeners = new Set<() => void>();
  private voteId: string | null = null;
  private confirmed: Allocation = {};
  private pending: PendingDot[] = [];
  private seq = 0;
  /** The latest cast whose answer set `confirmed` (answers arriving late are older news). */
  private appliedSeq = 0;
  private fetches = 0;
  private canVote: boolean | null = null;
  private refusal: Refusal | null = null;
  private refusals = 0;
  private lastStatus: ControlStatus = 'connecting';
  private view: BallotView = EMPTY;

  constructor(private readonly control: ControlConnection) {
    control.subscribe(this.onControl);
    queueMicrotask(this.onControl);
  }

  getView = (): BallotView => this.view;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** Gives or takes back one dot; a dot the rules refuse is explained and not sent. */
  async cast(cardId: string, delta: 1 | -1): Promise<void> {
    const vote = this.vote();
    if (!vote) return;
    const refusal =
      this.canVote === false ? 'notJoined' : dotRefusal(vote, this.view.allocation, cardId, delta);
    if (refusal) {
      this.refuse(refusal, cardId);
      return;
    }
    const seq = ++this.seq;
    this.pending.push({ seq, cardId, delta });
    this.update();
    const reply = await this.control.castVote({ voteId: vote.id, cardId, delta });
    if (this.voteId !== vote.id) return;
    this.pending = this.pending.filter((dot) => dot.seq !== seq);
    if (reply.ok && reply.value) {
      this.canVote = true;
      if (seq > this.appliedSeq) {
        this.appliedSeq = seq;
        this.confirmed = reply.value.allocation;
      }
      this.update();
      return;
    }
    const error = reply.ok ? 'failed' : reply.error;
    const reason = refusalFromServer(error);
    if (reason === 'notJoined') this.canVote = false;
    this.refuse(reason, cardId);
    // Lost in transit: the server may or may not have counted it; ask.
    if (error === 'timeout') void this.fetchMine();
  }

  clearRefusal(id: number): void {
    if (this.refusal?.id !== id) return;
    this.refusal = null;
    this.update();
  }

  private vote(): VoteSession | null {
    return this.control.getState()?.vote ?? null;
  }

  private readonly onControl = () => {
    const vote = this.vote();
    const status = this.control.getStatus();
    const reconnected = status === 'connected' && this.lastStatus !== 'connected';
    this.lastStatus = status;
    const id = vote?.id ?? null;
    const changed = id !== this.voteId;
    if (changed) {
      this.voteId = id;
      this.confirmed = {};
      this.pending = [];
      this.refusal = null;
    }
    if (vote && vote.status !== 'revealed' && (changed || reconnected)) void this.fetchMine();
    this.update();
  };

  private async fetchMine(): Promise<void> {
    const voteId = this.voteId;
    const fetch = ++this.fetches;
    const reply = await this.control.myBallot();
    if (fetch !== this.fetches || voteId !== this.voteId || !reply.ok) return;
    const ballot = reply.value ?? null;
    if (ballot === null) {
      this.canVote = false;
    } else if (ballot.voteId === this.voteId) {
      this.canVote = true;
      this.confirmed = ballot.allocation;
      this.appliedSeq = this.seq;
    }
    this.update();
  }

  private refuse(reason: DotRefusal, cardId: string): void {
    this.refusal = { id: ++this.refusals, reason, cardId };
    this.update();
  }

  private update(): void {
    const vote = this.vote();
    const allocation =
      vote && vote.id === this.voteId
        ? withPending(vote, this.confirmed, this.pending)
        : this.confirmed;
    const next: BallotView = {
      voteId: this.voteId,
      allocation,
      remaining: vote ? Math.max(0, vote.budget - dotsUsed(allocation)) : 0,
      canVote: this.canVote,
      refusal: this.refusal,
    };
    // The control connection also speaks for clock samples: re-render only on a real change.
    const same = (Object.keys(next) as (keyof BallotView)[]).every(
      (key) => next[key] === this.view[key],
    );
    if (same) return;
    this.view = next;
    for (const listener of this.listeners) listener();
  }
}

const stores = new WeakMap<ControlConnection, BallotStore>();

export function ballotStoreFor(control: ControlConnection): BallotStore {
  let store = stores.get(control);
  if (!store) {
    store = new BallotStore(control);
    stores.set(control, store);
  }
  return store;
}

export const EMPTY_BALLOT = EMPTY;
