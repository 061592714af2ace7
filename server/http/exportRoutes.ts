/**
 * `GET /api/workshops/:id/export?format=json|csv|xlsx|md|html|pdf[&version=N][&lang=en|de|fr|it|sl]
 * [&sep=comma|semicolon|tab]`: a workshop's record as a file to download. Any of the workshop's
 * tokens, or the organiser's (Bearer, or `?token=` so the link opens in a browser tab).
 *
 * Language: `lang`, else the workshop's language (the record's), else English. `sep` sets the CSV
 * separator (default: the language's, see exporters/csv.ts); other formats ignore it.
 *
 * Which record: `version` N, else the latest stored one. A workshop with no record yet exports its
 * live state, extracted on the fly exactly as an archive would be but NOT stored (what someone
 * pressing "Export" before any snapshot expects to get); such a file is named `…-live.<ext>` and
 * the response carries `X-Record-Version: live`.
 */
import { Router } from 'express';
import { z } from 'zod';
import { workshopIdSchema } from '../../shared/domain/workshop';
import { extractRecord } from '../../shared/record/extract';
import { recordSchema, type WorkshopRecord } from '../../shared/record/schema';
import { LANGUAGES, isLanguage } from '../../shared/i18n/languages';
import { CSV_SEPARATORS, EXPORT_FORMATS, EXPORT_TYPES } from '../archive/exporters/formats';
import { PdfUnavailableError, type PdfPrinter } from '../archive/exporters/pdf';
import { slugify } from '../archive/exporters/recordIndex';
import type * as Exporters from '../archive/exporters';
import type { WorkshopAccess } from '../auth/access';
import { presentedToken, type OrganiserAccess } from '../auth/organiser';
import type { ControlService } from '../control/controlService';
import type { Logger } from '../log';
import type { Identities, Records, WorkshopRow, Workshops } from '../storage/storage';
import type { RoomRegistry } from '../sync/rooms';
import { HttpError, parseOr400 } from './errors';

export interface ExportRoutesDeps {
  storage: Workshops & Identities & Records;
  access: WorkshopAccess;
  organiser: OrganiserAccess;
  rooms: RoomRegistry;
  control: ControlService;
  pdf: PdfPrinter;
  log: Logger;
}

const exportQuerySchema = z.strictObject({
  format: z.enum(EXPORT_FORMATS, { error: `format must be one of ${EXPORT_FORMATS.join(', ')}` }),
  version: z.preprocess(
    (v) => (v === '' ? undefined : v),
    z.coerce
      .number({ error: 'version must be a whole number from 1' })
      .int('version must be a whole number from 1')
      .min(1, 'version must be a whole number from 1')
      .max(1_000_000)
      .optional(),
  ),
  lang: z.enum(LANGUAGES, { error: `lang must be one of ${LANGUAGES.join(', ')}` }).optional(),
  sep: z
    .enum(CSV_SEPARATORS, { error: `sep must be one of ${CSV_SEPARATORS.join(', ')}` })
    .optional(),
  token: z.string().max(200).optional(),
});

/** The renderers, loaded on the first export rather than at start (issue 15: idle RSS). */
let exporters: Promise<typeof Exporters> | undefined;
const loadExporters = () => (exporters ??= import('../archive/exporters'));

export function exportRoutes(deps: ExportRoutesDeps): Router {
  const { storage, access, organiser, pdf } = deps;
  const router = Router();

  router.get('/workshops/:id/export', async (req, res) => {
    const id = parseOr400(workshopIdSchema, req.params.id);
    const query = parseOr400(exportQuerySchema, req.query);
    const token = presentedToken(req);
    if (!token) throw new HttpError(401, 'missing token (Authorization: Bearer, or ?token=)');
    const workshop = await storage.getWorkshop(id);
    if (!workshop) throw new HttpError(404, 'no such workshop');
    if (!organiser.accepts(token) && !(await access.grantFor(id, token))) {
      throw new HttpError(401, 'invalid token for this workshop');
    }

    const { record, live } = await recordToExport(deps, workshop, query.version);
    const language = query.lang ?? record.workshop.language;
    const { exportVocabulary, renderExport } = await loadExporters();
    const words = exportVocabulary(isLanguage(language) ? language : 'en');
    let body: string | Uint8Array;
    try {
      body = await renderExport(query.format, record, pdf, { words, separator: query.sep });
    } catch (error) {
      if (error instanceof PdfUnavailableError) throw new HttpError(503, error.message);
      throw error;
    }

    const { contentType, extension } = EXPORT_TYPES[query.format];
    const version = live ? 'live' : `v${record.provenance.recordVersion}`;
    const fileName = `${slugify(record.workshop.title)}-${version}.${extension}`;
    res.setHeader('Content-Type', contentType);
    res.setHeader('Content-Disposition', `attachment; filename="${fileName}"`);
    res.setHeader('Cache-Control', 'private, no-store');
    res.setHeader('Content-Language', words.lng);
    res.setHeader('X-Record-Version', live ? 'live' : String(record.provenance.recordVersion));
    res.send(typeof body === 'string' ? body : Buffer.from(body));
  });

  return router;
}

/** The stored version asked for (404 when missing), the latest, or the live state. */
async function recordToExport(
  deps: ExportRoutesDeps,
  workshop: WorkshopRow,
  version: number | undefined,
): Promise<{ record: WorkshopRecord; live: boolean }> {
  const workshopId = workshop.id;
  const stored = await deps.storage.getRecord(workshopId, version);
  if (stored) {
    const parsed = recordSchema.safeParse(JSON.parse(stored.json));
    if (!parsed.success) {
      deps.log.error(
        { workshopId, version: stored.summary.version, issues: parsed.error.issues.slice(0, 5) },
        'a stored record does not match the record schema',
      );
      throw new HttpError(500, `record version ${stored.summary.version} cannot be read`);
    }
    return { record: parsed.data, live: false };
  }
  if (version !== undefined) throw new HttpError(404, `no record version ${version}`);
  return { record: await liveRecord(deps, workshop), live: true };
}

/** The workshop as it is now, extracted like an archive (next version number) but not stored. */
async function liveRecord(deps: ExportRoutesDeps, workshop: WorkshopRow): Promise<WorkshopRecord> {
  const { storage, rooms, control } = deps;
  const workshopId = workshop.id;
  const [controlState, people, latest] = await Promise.all([
    control.get(workshopId),
    storage.listIdentities(workshopId),
    storage.latestRecordVersion(workshopId),
  ]);
  const record = await rooms.withDocument(workshopId, (doc) =>
    extractRecord(doc, controlState, people, {
      version: latest + 1,
      kind: 'snapshot',
      archivedAt: Date.now(),
      workshop,
    }),
  );
  const parsed = recordSchema.safeParse(record);
  if (!parsed.success) {
    deps.log.error({ workshopId, issues: parsed.error.issues.slice(0, 5) }, 'invalid live record');
    throw new HttpError(500, 'the workshop cannot be exported as it is now: its record is invalid');
  }
  return parsed.data;
}
