/**
 * People in a workshop. Joining with a workshop link creates an identity (name, organisation, helix,
 * region) with its own token: votes, drafts, raised hands and removal are per identity. The
 * workshop tokens keep working for stock y-websocket clients; an identity token is refused once the
 * facilitator has removed that person.
 */
import { z } from 'zod';
import { helixSchema } from './s3';
import type { Role } from './workshop';

export const PERSON_NAME_MAX = 80;

const personNameSchema = z
  .string({ error: 'name must be a string' })
  .trim()
  .min(1, 'name must not be empty')
  .max(PERSON_NAME_MAX, `name must be at most ${PERSON_NAME_MAX} characters`);

export const joinRequestSchema = z.object({
  name: personNameSchema,
  organisation: z.string().trim().max(120).default(''),
  helix: helixSchema.nullable().default(null),
  regionId: z.string().max(64).default(''),
  /** Agrees to be named in the workshop's record; otherwise only counted by helix and region. */
  consentToNames: z.boolean().default(false),
});
export type JoinRequest = z.input<typeof joinRequestSchema>;

/** `PATCH /api/workshops/:id/me` (identity token): the person changes their name. */
export const renameRequestSchema = z.object({ name: personNameSchema });
export type RenameRequest = z.input<typeof renameRequestSchema>;

/**
 * Sent with `POST /join` by a browser that was someone in this workshop before (their identity
 * token): with the device cookie, how the server recognises a removed person coming back.
 */
export const PREVIOUS_IDENTITY_HEADER = 'X-Transforma-Identity';

/** `POST /join` answers 403 with this when the device's person was removed from the workshop. */
export { REMOVED_REJOIN_ERROR } from '../errors/serverErrors';

/** `POST /api/workshops/:id/join` answer: keep the token; it is the person's key to the workshop. */
export interface JoinResponse {
  identityId: string;
  identityToken: string;
  role: Role;
}

/** A person as stored: who they said they are when they joined, and their role. */
export interface Identity {
  id: string;
  name: string;
  organisation: string;
  helix: z.infer<typeof helixSchema> | null;
  regionId: string;
  role: Role;
  joinedAt: string;
  /** Agreed to be named in the workshop's record (records count everyone else only). */
  consentToNames: boolean;
}

/** A person as everyone in the workshop sees them right now. */
export interface Participant extends Identity {
  /** Connected to the control plane (any tab or device of theirs). */
  online: boolean;
  /** Server time (ms) the hand went up; null when it is down. Queue order for the facilitator. */
  handRaisedAt: number | null;
}

/** `GET /api/workshops/:id/me`: the caller's own identity; null for a workshop (link) token. */
export interface MeResponse {
  participant: Participant | null;
}

/** `GET /api/workshops/:id/participants/removed` (facilitators): whom they can let back in. */
export interface RemovedPeopleResponse {
  removed: Identity[];
}
