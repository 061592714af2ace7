/**
 * People in a workshop. Joining with a workshop link creates an identity (name, organisation, helix,
 * region) with its own token: votes, drafts, raised hands and removal are per identity. The
 * workshop tokens keep working for stock y-websocket clients; an identity token is refused once the
 * facilitator has removed that person.
 */
import { z } from 'zod';
import { helixSchema } from './s3';
import type { Role } from './workshop';

export const joinRequestSchema = z.object({
  name: z
    .string({ error: 'name must be a string' })
    .trim()
    .min(1, 'name must not be empty')
    .max(80, 'name must be at most 80 characters'),
  organisation: z.string().trim().max(120).default(''),
  helix: helixSchema.nullable().default(null),
  regionId: z.string().max(64).default(''),
});
export type JoinRequest = z.input<typeof joinRequestSchema>;

/** `POST /api/workshops/:id/join` answer: keep the token; it is the person's key to the workshop. */
export interface JoinResponse {
  identityId: string;
  identityToken: string;
  role: Role;
}

export interface Participant {
  id: string;
  name: string;
  organisation: string;
  helix: z.infer<typeof helixSchema> | null;
  regionId: string;
  role: Role;
  joinedAt: string;
}
