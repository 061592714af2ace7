/**
 * People on the control connection: the participant list as the server last sent it (who is
 * online, whose hand is up), this connection's live role (a promotion arrives as a new `session`),
 * whether the facilitator removed us, and the people requests (raise a hand, facilitator commands).
 * Created with the control socket, so no event sent at connect time is missed.
 */
import type { Socket } from 'socket.io-client';
import type { Ack, ClientToServerEvents, ServerToClientEvents } from '@shared/control/events';
import type { HandState, PeopleCommand } from '@shared/control/people';
import type { Participant } from '@shared/domain/identity';
import type { Role } from '@shared/domain/workshop';
import { socketRequest } from './socketRequest';

export class PeopleChannel {
  private participants: Participant[] | null = null;
  private role: Role | null = null;
  private removed = false;
  private readonly listeners = new Set<() => void>();

  constructor(private readonly socket: Socket<ServerToClientEvents, ClientToServerEvents>) {
    socket.on('participants', (list) => {
      this.participants = list;
      this.emit();
    });
    socket.on('session', (session) => {
      if (session.role === this.role) return;
      this.role = session.role;
      this.emit();
    });
    socket.on('removed', () => {
      this.removed = true;
      this.emit();
    });
  }

  /** Everyone who joined (null until the server sent the list). */
  getParticipants = (): Participant[] | null => this.participants;
  /** The role the server gives this connection now (null before it said). */
  getRole = (): Role | null => this.role;
  isRemoved = (): boolean => this.removed;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  setHand(raised: boolean): Promise<Ack<HandState>> {
    return socketRequest<HandState>(this.socket, 'hand:set', { raised });
  }

  /** A facilitator command: promote, remove, lower a hand. */
  command(command: PeopleCommand): Promise<Ack<Participant[]>> {
    return socketRequest<Participant[]>(this.socket, 'people:command', command).then((reply) => {
      // The list the command produced, before the broadcast arrives.
      if (reply.ok && Array.isArray(reply.value)) {
        this.participants = reply.value;
        this.emit();
      }
      return reply;
    });
  }

  private emit(): void {
    for (const listener of this.listeners) listener();
  }
}
