/**
 * The facilitation control plane, client side: one socket.io connection per workshop page. Keeps
 * the latest control state (older versions are ignored), the connection status, and an estimate
 * of the offset between this device's clock and the server's, so every client shows the same
 * remaining time whatever its own clock says.
 */
import { io, type Socket } from 'socket.io-client';
import type { ControlCommandInput } from '@shared/control/commands';
import {
  CONTROL_PATH,
  type Ack,
  type ClientToServerEvents,
  type ControlStateEvent,
  type ServerToClientEvents,
} from '@shared/control/events';
import type { ControlState } from '@shared/control/state';
import { PeopleChannel } from './peopleChannel';
import { WorkshopStatusChannel } from './statusChannel';
import { DraftChannel } from './draftChannel';
import { TurnoutChannel } from './turnoutChannel';
import { QuestionnaireChannel } from './questionnaireChannel';
import { ACK_TIMEOUT_MS, socketRequest } from './socketRequest';

const closed = <T>(): Promise<Ack<T>> => Promise.resolve({ ok: false, error: 'closed' });
import type { MyBallot } from '@shared/control/votes';

export type ControlStatus = 'connecting' | 'connected' | 'offline';
export type CommandAck = Ack<ControlStateEvent>;

/** Round trips at connect; the one with the smallest round-trip time wins. */
const SYNC_SAMPLES = 5;
const RESYNC_MS = 60_000;

/** One clock sample: offset = serverTime + rtt / 2 − local receive time. */
export function offsetFromSample(sentAt: number, serverTime: number, receivedAt: number) {
  const rtt = Math.max(0, receivedAt - sentAt);
  return { rtt, offset: serverTime + rtt / 2 - receivedAt };
}

export class ControlConnection {
  private readonly socket: Socket<ServerToClientEvents, ClientToServerEvents>;
  private readonly listeners = new Set<() => void>();
  private state: ControlState | null = null;
  private status: ControlStatus = 'connecting';
  private offset = 0;
  private bestRtt = Infinity;
  private resyncTimer: ReturnType<typeof setInterval> | null = null;
  private destroyed = false;
  /** Participants, hands, live role and removal (peopleChannel.ts). */
  readonly people: PeopleChannel;
  /** My private-writing drafts and the room's draft counts. */
  readonly drafts: DraftChannel;
  /** How many have voted in the running vote. */
  readonly turnout: TurnoutChannel;
  /** Questionnaires: the runs' turnout, my held answers, start and reveal. */
  readonly questionnaires: QuestionnaireChannel;
  /** Open or archived (read-only), live. */
  readonly workshopStatus: WorkshopStatusChannel;

  constructor(
    readonly workshopId: string,
    token: string,
  ) {
    this.socket = io({
      path: CONTROL_PATH,
      auth: { workshopId, token },
      transports: ['websocket'],
    });
    this.socket.on('connect', this.onConnect);
    this.socket.on('disconnect', this.onDisconnect);
    this.socket.on('connect_error', this.onDisconnect);
    this.socket.on('control:state', (event) => this.accept(event));
    this.people = new PeopleChannel(this.socket);
    this.drafts = new DraftChannel(this.socket);
    this.turnout = new TurnoutChannel(this.socket);
    this.questionnaires = new QuestionnaireChannel(this.socket);
    this.workshopStatus = new WorkshopStatusChannel(this.socket);
  }

  getState = (): ControlState | null => this.state;
  getStatus = (): ControlStatus => this.status;
  /** Server clock minus local clock, in ms. */
  getOffset = (): number => this.offset;
  /** The server's clock now, estimated. */
  serverNow = (): number => Date.now() + this.offset;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** Sends a facilitator command; resolves with the server's acknowledgement (never rejects). */
  send(command: ControlCommandInput): Promise<CommandAck> {
    if (this.destroyed) return closed();
    return socketRequest<ControlStateEvent>(this.socket, 'control:command', command).then(
      (reply) => {
        if (reply.ok && reply.value) this.accept(reply.value);
        return reply;
      },
    );
  }

  /** Gives (+1) or takes back (−1) one dot; the ack carries this person's own ballot only. */
  castVote(payload: { voteId: string; cardId: string; delta: 1 | -1 }): Promise<Ack<MyBallot>> {
    return this.destroyed ? closed() : socketRequest<MyBallot>(this.socket, 'vote:cast', payload);
  }

  /** This person's ballot in the current vote (null when there is none, or they did not join). */
  myBallot(): Promise<Ack<MyBallot | null>> {
    return this.destroyed ? closed() : socketRequest<MyBallot | null>(this.socket, 'vote:mine', {});
  }

  destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    if (this.resyncTimer) clearInterval(this.resyncTimer);
    this.socket.removeAllListeners();
    this.socket.disconnect();
    this.listeners.clear();
  }

  private readonly onConnect = () => {
    this.setStatus('connected');
    this.bestRtt = Infinity;
    void this.syncClock(SYNC_SAMPLES);
    if (this.resyncTimer) clearInterval(this.resyncTimer);
    // Refresh every minute; a fresh estimate replaces the old one (clocks drift, networks change).
    this.resyncTimer = setInterval(() => {
      this.bestRtt = Infinity;
      void this.syncClock(3);
    }, RESYNC_MS);
  };

  private readonly onDisconnect = () => {
    if (this.resyncTimer) clearInterval(this.resyncTimer);
    this.resyncTimer = null;
    this.setStatus(this.socket.active ? 'connecting' : 'offline');
  };

  private async syncClock(samples: number): Promise<void> {
    for (let i = 0; i < samples && !this.destroyed && this.socket.connected; i++) {
      const sample = await this.sample();
      if (sample && sample.rtt < this.bestRtt) {
        this.bestRtt = sample.rtt;
        this.offset = sample.offset;
        this.emit();
      }
    }
  }

  private sample(): Promise<{ rtt: number; offset: number } | null> {
    return new Promise((resolve) => {
      const sentAt = Date.now();
      this.socket
        .timeout(ACK_TIMEOUT_MS)
        .emit('clock:sync', null, (err: Error | null, raw: Ack<unknown>) => {
          const reply = raw as Ack<{ serverTime: number }>;
          if (err || !reply.ok || typeof reply.value?.serverTime !== 'number') resolve(null);
          else resolve(offsetFromSample(sentAt, reply.value.serverTime, Date.now()));
        });
    });
  }

  private accept(event: ControlStateEvent): void {
    // Older states are ignored; the same version (our ack, then the broadcast) is nothing new.
    if (this.state && event.state.version <= this.state.version) return;
    this.state = event.state;
    this.emit();
  }

  private setStatus(status: ControlStatus): void {
    if (status === this.status) return;
    this.status = status;
    this.emit();
  }

  private emit(): void {
    for (const listener of this.listeners) listener();
  }
}
