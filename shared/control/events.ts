/**
 * The facilitation control plane (socket.io) contract: event names and payload schemas shared by
 * client and server. Every payload is validated on arrival; an invalid one is acknowledged with
 * `{ ok: false, error }` and changes nothing.
 */
import { z } from 'zod';
import { roleSchema, workshopIdSchema, type WorkshopStatus } from '../domain/workshop';
import type { Participant } from '../domain/identity';
import type { HandState } from './people';
import type { ControlState } from './state';
import type { DraftProgress, MyDrafts } from './privateWriting';
import type { AdaptResult, MyAnswers, QuestionnaireTurnout } from './questionnaires';
import type { MyBallot, VoteTurnout } from './votes';

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

/** An archived workshop is read-only for everyone (the relay refuses every edit). */
export interface WorkshopStatusEvent {
  workshopId: string;
  status: WorkshopStatus;
}

/** `code`, when given, lets a client act on a refusal (e.g. 'needs-decision': ask the person). */
export type Ack<T = undefined> =
  { ok: true; value?: T } | { ok: false; error: string; code?: string };

/** The control state as broadcast, with the server's clock when it was sent. */
export interface ControlStateEvent {
  state: ControlState;
  serverTime: number;
}

export interface ServerToClientEvents {
  session: (event: SessionEvent) => void;
  /** Sent on connect and after every accepted command, to everyone in the workshop. */
  'control:state': (event: ControlStateEvent) => void;
  /**
   * Who has joined, with who is online and whose hand is up; sent on connect, on every people
   * command, rename and hand change, and (debounced per workshop) when someone comes or goes.
   */
  participants: (participants: Participant[]) => void;
  /** Private writing: how many drafts by how many people (never their text). */
  'private:progress': (progress: DraftProgress) => void;
  /** Questionnaires run in the workshop: status and how many have answered (never the answers). */
  'questionnaire:turnout': (runs: QuestionnaireTurnout[]) => void;
  /** A running vote: how many have voted, of how many could (never who voted what). */
  'vote:turnout': (turnout: VoteTurnout) => void;
  /** To a person the facilitator removed, just before their connection is closed. */
  removed: () => void;
  /** Open or archived (read-only); sent on connect and whenever the facilitator archives or reopens. */
  'workshop:status': (event: WorkshopStatusEvent) => void;
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
  /** Private writing: create or replace one of my drafts; the ack carries all my drafts. */
  'draft:put': (payload: unknown, ack: (reply: Ack<MyDrafts>) => void) => void;
  'draft:delete': (payload: unknown, ack: (reply: Ack<MyDrafts>) => void) => void;
  /** My drafts in the open round (null when none is open). */
  'draft:mine': (payload: unknown, ack: (reply: Ack<MyDrafts | null>) => void) => void;
  /** Questionnaires (control/questionnaires.ts): start (facilitator), the turnout as acked. */
  'questionnaire:start': (
    payload: unknown,
    ack: (reply: Ack<QuestionnaireTurnout>) => void,
  ) => void;
  /** Save some of my answers (held by the server until the reveal); the ack carries all mine. */
  'questionnaire:save': (payload: unknown, ack: (reply: Ack<MyAnswers>) => void) => void;
  /** My held answers to an open questionnaire. */
  'questionnaire:mine': (payload: unknown, ack: (reply: Ack<MyAnswers>) => void) => void;
  /** After a named reveal: change one of my own answers in the doc (null clears it). */
  'questionnaire:revise': (payload: unknown, ack: (reply: Ack<null>) => void) => void;
  /** Facilitator (coach): a note on a question; the question under discussion. */
  'questionnaire:note': (payload: unknown, ack: (reply: Ack<null>) => void) => void;
  'questionnaire:focus': (payload: unknown, ack: (reply: Ack<null>) => void) => void;
  /** Facilitator: adapt the workshop's copy (reword, add, remove, move a question). */
  'questionnaire:adapt': (payload: unknown, ack: (reply: Ack<AdaptResult>) => void) => void;
  /** Facilitator: close and reveal; the ack says how many answers were written. */
  'questionnaire:reveal': (
    payload: unknown,
    ack: (reply: Ack<{ written: number; refused: unknown[] }>) => void,
  ) => void;
  /** Promote, remove, lower a hand (control/people.ts); the ack carries the new participant list. */
  'people:command': (command: unknown, ack: (reply: Ack<Participant[]>) => void) => void;
  /** The sender raises or lowers their own hand (people who joined only). */
  'hand:set': (payload: unknown, ack: (reply: Ack<HandState>) => void) => void;
}
