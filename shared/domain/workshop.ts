/**
 * Workshops, templates and roles: the vocabulary the REST API, the sync server and the client share.
 */
import { z } from 'zod';
import { WORKSHOP_TEMPLATES, WORKSHOP_TITLE_MAX, type WorkshopTemplate } from './workshopTemplates';

export { WORKSHOP_TEMPLATES, WORKSHOP_TITLE_MAX, type WorkshopTemplate };
export const workshopTemplateSchema = z.enum(WORKSHOP_TEMPLATES, {
  error: `template must be one of ${WORKSHOP_TEMPLATES.join(', ')}`,
});

/**
 * facilitator: every command; participant: edits the boards; projector: the read-only wall screen.
 * A role is carried by the token a person joined with, never chosen by the client.
 */
export const ROLES = ['facilitator', 'participant', 'projector'] as const;
export const roleSchema = z.enum(ROLES);
export type Role = z.infer<typeof roleSchema>;

export const createWorkshopRequestSchema = z.object({
  title: z
    .string({ error: 'title must be a string' })
    .trim()
    .min(1, 'title must not be empty')
    .max(WORKSHOP_TITLE_MAX, `title must be at most ${WORKSHOP_TITLE_MAX} characters`),
  template: workshopTemplateSchema,
});
export type CreateWorkshopRequest = z.infer<typeof createWorkshopRequestSchema>;

/** `POST /api/workshops/:id/derive`: start an ADW (or cADW) from an EDW's activities. */
export const deriveWorkshopRequestSchema = z.object({
  template: z.enum(['adw', 'cadw'], { error: 'template must be adw or cadw' }),
  title: createWorkshopRequestSchema.shape.title.optional(),
  /** The activities to copy; by default those with status "selected". */
  activityIds: z.array(z.string().min(1).max(64)).max(500).optional(),
});
export type DeriveWorkshopRequest = z.infer<typeof deriveWorkshopRequestSchema>;

export type RoleMap<T> = Record<Role, T>;

export interface CreateWorkshopResponse {
  id: string;
  title: string;
  template: WorkshopTemplate;
  /** Join links, one per role; the token travels in the URL fragment so it never reaches logs. */
  links: RoleMap<string>;
  tokens: RoleMap<string>;
}

export interface DeriveWorkshopResponse extends CreateWorkshopResponse {
  copiedActivities: number;
  sourceWorkshopId: string;
}

/**
 * open: the boards can be edited. archived: the facilitator closed the workshop; its record is
 * stored (see shared/record) and the sync relay refuses every edit, from anyone, until it is reopened.
 */
export const WORKSHOP_STATUSES = ['open', 'archived'] as const;
export const workshopStatusSchema = z.enum(WORKSHOP_STATUSES);
export type WorkshopStatus = z.infer<typeof workshopStatusSchema>;

/** `GET /api/workshops/:id` — what a token holder may know about its workshop. */
export interface WorkshopSession {
  id: string;
  title: string;
  template: WorkshopTemplate;
  createdAt: string;
  role: Role;
  status: WorkshopStatus;
}

/** `GET /api/workshops/:id/links` (facilitator only). */
export interface WorkshopLinks {
  links: RoleMap<string>;
  tokens: RoleMap<string>;
}

/**
 * The links handed out to others, which a facilitator can therefore reset: the old link stops
 * working at once; people who joined with it keep their own identity tokens.
 */
export const SHARED_LINK_ROLES = ['participant', 'projector'] as const;
export type SharedLinkRole = (typeof SHARED_LINK_ROLES)[number];

/** `POST /api/workshops/:id/links/rotate` (facilitator link only): answers the new WorkshopLinks. */
export const rotateLinkRequestSchema = z.object({
  role: z.enum(SHARED_LINK_ROLES, { error: 'role must be participant or projector' }),
});
export type RotateLinkRequest = z.infer<typeof rotateLinkRequestSchema>;

/** Every API error has this body. `field` names the offending input field where there is one. */
export interface ApiError {
  /** The server's English text (for logs and API clients). */
  error: string;
  field?: string;
  /** Its stable code (shared/errors/serverErrors.ts): the client shows `errors.<code>`. */
  code?: string;
}

/** Workshop ids are 128-bit random, base64url without padding (22 characters). */
export const workshopIdSchema = z.string().regex(/^[A-Za-z0-9_-]{22}$/, 'not a workshop id');

/** The path of a join link. The token follows in the fragment: `/w/<id>#token=<token>`. */
export function joinPath(workshopId: string, token: string): string {
  return `/w/${encodeURIComponent(workshopId)}#token=${encodeURIComponent(token)}`;
}
