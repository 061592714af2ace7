/**
 * The facilitation control plane (socket.io) contract: event names and payload schemas shared by
 * client and server. Every payload is validated on arrival; an invalid one is acknowledged with
 * `{ ok: false, error }` and changes nothing.
 */
import { z } from 'zod';
import { roleSchema, workshopIdSchema } from '../domain/workshop';
import type { Participant } from '../domain/identity';
import type { ControlState } from './state';
import type { MyBallot } from './votes';

export const CONTROL_PATH = '/socket.io';

/** socket.io handshake `auth` payload. */
export const controlAuthSchema = z.object({
  workshopId: workshopIdSchema,
  token: z.string().min(1).max(200),
});
export type ControlAuth = z.infer<typeof controlAuthSchema>;

export const sessionEventSchema = z.object({
  workshopId: workshopIdSchema,
  role: roleSchema,
});
export type SessionEvent = z.infer<typeof sessionEventSchema>;

export type Ack<T = undefined> = { ok: true; value?: T } | { ok: false; error: string };

/** The control state as broadcast, with the server's clock when it was sent. */
export interface ControlStateEvent {
  state: ControlState;
  serverTime: number;
}

export interface ServerToClientEvents {
  session: (event: SessionEvent) => void;
  /** Sent on connect and after every accepted command, to everyone in the workshop. */
  'control:state': (event: ControlStateEvent) => void;
  /** Who has joined; sent on connect and whenever someone is promoted or removed. */
  participants: (participants: Participant[]) => void;
  /** To a person the facilitator removed, just before their connection is closed. */
  removed: () => void;
}

export interface ClientToServerEvents {
  /** Liveness and clock offset: the server answers with its time (ms since epoch). */
  'clock:sync': (payload: unknown, ack: (reply: Ack<{ serverTime: number }>) => void) => void;
  /** A facilitator command (control/commands.ts); the ack carries the new state or the error. */
  'control:command': (command: unknown, ack: (reply: Ack<ControlStateEvent>) => void) => void;
  /** One dot given (+1) or taken back (−1); the ack carries the sender's own ballot only. */
  'vote:cast': (payload: unknown, ack: (reply: Ack<MyBallot>) => void) => void;
  /** The sender's own ballot in the current vote (null when there is none). */
  'vote:mine': (payload: unknown, ack: (reply: Ack<MyBallot | null>) => void) => void;
  /** Promote or remove a person (control/people.ts); the ack carries the new participant list. */
  'people:command': (command: unknown, ack: (reply: Ack<Participant[]>) => void) => void;
}
