/**
 * The records API contract (server/http/recordRoutes.ts), shared with the client: query and body
 * schemas (validated at the edge) and the response shapes.
 */
import { z } from 'zod';
import {
  workshopIdSchema,
  workshopTemplateSchema,
  type CreateWorkshopResponse,
  type WorkshopStatus,
  type WorkshopTemplate,
} from '../domain/workshop';
import type { RecordKind } from './schema';

/** Empty query parameters (`?q=`) count as absent. */
const optional = <S extends z.ZodType>(schema: S) =>
  z.preprocess((v) => (v === '' ? undefined : v), schema.optional());

const day = z.iso.date({ error: 'must be a date as YYYY-MM-DD' });

/** `GET /api/records` query. `token` may carry the organiser token (links opened in a browser). */
export const recordSearchQuerySchema = z
  .strictObject({
    /**
     * Words that must all appear in the title, field, a capacity or activity title, or a text
     * answer to one of its questionnaires.
     */
    q: optional(z.string().trim().max(200)),
    /** A region name or NUTS code (exact, case-insensitive). */
    region: optional(z.string().trim().max(120)),
    template: optional(workshopTemplateSchema),
    /** Part of the workshop's field, case-insensitive. */
    field: optional(z.string().trim().max(300)),
    /** Workshops held on or after / on or before this day (held = first phase start, else creation). */
    from: optional(day),
    to: optional(day),
    page: optional(z.coerce.number().int().min(1).max(100_000)).transform((v) => v ?? 1),
    pageSize: optional(z.coerce.number().int().min(1).max(100)).transform((v) => v ?? 20),
    token: optional(z.string().max(200)),
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, {
    message: 'from must not be after to',
    path: ['from'],
  });
export type RecordSearchQuery = z.output<typeof recordSearchQuerySchema>;

/** `GET /api/workshops/:id/record` query. */
export const recordVersionQuerySchema = z.strictObject({
  version: optional(z.coerce.number().int().min(1).max(1_000_000)),
  token: optional(z.string().max(200)),
});

/** One stored record version, without its content. */
export interface RecordSummary {
  workshopId: string;
  version: number;
  kind: RecordKind;
  archivedAt: string;
  schemaVersion: number;
  title: string;
  template: WorkshopTemplate;
  field: string;
  /** Region names. */
  regions: string[];
  /** The workshop's creation time. */
  createdAt: string;
  /** The day it was held: its first phase start, else its creation (YYYY-MM-DD). */
  heldOn: string;
}

/** A search hit: a workshop's latest record. */
export interface RecordSearchItem extends RecordSummary {
  /** The workshop's current status. */
  status: WorkshopStatus;
  /** How many versions it has. */
  versions: number;
}

export interface RecordSearchResult {
  items: RecordSearchItem[];
  page: number;
  pageSize: number;
  total: number;
}

/** `GET /api/workshops/:id/records`: every version, oldest first. */
export interface RecordVersionList {
  workshopId: string;
  status: WorkshopStatus;
  versions: RecordSummary[];
}

/** `POST /api/workshops/:id/archive | /snapshot | /reopen` answer. */
export interface ArchiveResponse {
  workshopId: string;
  status: WorkshopStatus;
  /** The record stored (absent for reopen). */
  record?: RecordSummary;
}

export const FROM_RECORD_TEMPLATES = ['edw', 'cedw', 'adw', 'cadw'] as const;

/** `POST /api/workshops/from-record` body. */
export const fromRecordRequestSchema = z.object({
  records: z
    .array(
      z.object({
        workshopId: workshopIdSchema,
        /** Default: the latest version. */
        version: z.number().int().min(1).optional(),
      }),
    )
    .min(1, 'name at least one record')
    .max(20, 'at most 20 records')
    .refine(
      (list) => new Set(list.map((r) => r.workshopId)).size === list.length,
      'each workshop may appear once',
    ),
  template: z.enum(FROM_RECORD_TEMPLATES, { error: 'template must be edw, cedw, adw or cadw' }),
  title: z
    .string({ error: 'title must be a string' })
    .trim()
    .min(1, 'title must not be empty')
    .max(200, 'title must be at most 200 characters'),
  /**
   * ADW/cADW only: the activities to carry over (record ids); default those with status
   * "selected". EDW/cEDW take the whole of each record.
   */
  activityIds: z.array(z.string().min(1).max(64)).max(500).optional(),
});
export type FromRecordRequest = z.input<typeof fromRecordRequestSchema>;

export interface FromRecordResponse extends CreateWorkshopResponse {
  sources: { workshopId: string; version: number }[];
  copiedActivities: number;
}
