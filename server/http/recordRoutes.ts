/**
 * REST for records (docs/record.md):
 *   POST /workshops/:id/archive | snapshot | reopen   facilitator (Bearer)
 *   GET  /workshops/:id/record[?version=N]            any token of that workshop, or the organiser's
 *   GET  /workshops/:id/records                       same: the version list
 *   GET  /records?q=&region=&template=&field=&from=&to=&page=&pageSize=   organiser
 *   POST /workshops/from-record                       organiser
 *   GET  /schema/record.json                          public
 * Reads accept `Authorization: Bearer <token>` or `?token=` (links opened in a browser).
 */
import { Router, type Request } from 'express';
import { workshopIdSchema, type WorkshopStatus } from '../../shared/domain/workshop';
import {
  fromRecordRequestSchema,
  recordSearchQuerySchema,
  recordVersionQuerySchema,
  type ArchiveResponse,
  type FromRecordResponse,
  type RecordSearchResult,
  type RecordVersionList,
} from '../../shared/record/api';
import { recordJsonSchema } from '../../shared/record/schema';
import { ArchiveError, type ArchiveService } from '../archive/archiveService';
import { createFromRecords } from '../archive/importRecords';
import { bearerToken, type WorkshopAccess } from '../auth/access';
import { presentedToken, type OrganiserAccess } from '../auth/organiser';
import type { Records } from '../storage/storage';
import { linksFor, type WorkshopService } from '../workshops/workshopService';
import { HttpError, parseOr400 } from './errors';

export interface RecordRoutesDeps {
  storage: Records;
  access: WorkshopAccess;
  organiser: OrganiserAccess;
  archive: ArchiveService;
  workshops: WorkshopService;
  publicUrl: string | undefined;
}

/** At most this many words of `q` are searched for. */
const MAX_QUERY_WORDS = 10;

export function recordRoutes(deps: RecordRoutesDeps): Router {
  const { storage, access, organiser, archive, workshops, publicUrl } = deps;
  const router = Router();
  let jsonSchema: string | undefined;

  /** The workshop of the path and who asks: one of its tokens, or the organiser token. */
  async function reader(req: Request): Promise<string> {
    const id = parseOr400(workshopIdSchema, req.params.id);
    const token = presentedToken(req);
    if (!token) throw new HttpError(401, 'missing token (Authorization: Bearer, or ?token=)');
    const isOrganiser = organiser.accepts(token);
    if (!(await workshops.get(id))) throw new HttpError(404, 'no such workshop');
    if (!isOrganiser && !(await access.grantFor(id, token))) {
      throw new HttpError(401, 'invalid token for this workshop');
    }
    return id;
  }

  /** The workshop of the path, when the caller's bearer token is its facilitator's. */
  async function facilitator(req: Request, action: string): Promise<string> {
    const id = parseOr400(workshopIdSchema, req.params.id);
    const token = bearerToken(req.get('authorization'));
    if (!token) throw new HttpError(401, 'missing bearer token');
    if (!(await workshops.get(id))) throw new HttpError(404, 'no such workshop');
    const grant = await access.grantFor(id, token);
    if (!grant) throw new HttpError(401, 'invalid token for this workshop');
    if (grant.role !== 'facilitator') throw new HttpError(403, `only facilitators can ${action}`);
    return id;
  }

  /** Reads accept `?token=`; changes only the Authorization header. */
  function requireOrganiser(req: Request, { allowQuery }: { allowQuery: boolean }): void {
    const token = allowQuery ? presentedToken(req) : bearerToken(req.get('authorization'));
    if (!token) throw new HttpError(401, 'missing organiser token');
    if (!organiser.accepts(token)) throw new HttpError(401, 'invalid organiser token');
  }

  /** Service refusals keep their status and message. */
  async function run<T>(task: () => Promise<T>): Promise<T> {
    try {
      return await task();
    } catch (err) {
      if (err instanceof ArchiveError) throw new HttpError(err.status, err.message);
      throw err;
    }
  }

  router.get('/schema/record.json', (_req, res) => {
    jsonSchema ??= JSON.stringify(recordJsonSchema());
    res.type('application/schema+json').send(jsonSchema);
  });

  router.post('/workshops/:id/archive', async (req, res) => {
    const id = await facilitator(req, 'archive the workshop');
    const record = await run(() => archive.archive(id));
    const body: ArchiveResponse = { workshopId: id, status: 'archived', record };
    res.status(201).location(`/api/workshops/${id}/record?version=${record.version}`).json(body);
  });

  router.post('/workshops/:id/snapshot', async (req, res) => {
    const id = await facilitator(req, 'take a snapshot');
    const record = await run(() => archive.snapshot(id));
    const body: ArchiveResponse = { workshopId: id, status: 'open', record };
    res.status(201).location(`/api/workshops/${id}/record?version=${record.version}`).json(body);
  });

  router.post('/workshops/:id/reopen', async (req, res) => {
    const id = await facilitator(req, 'reopen the workshop');
    await run(() => archive.reopen(id));
    const body: ArchiveResponse = { workshopId: id, status: 'open' };
    res.json(body);
  });

  router.get('/workshops/:id/record', async (req, res) => {
    const id = await reader(req);
    const { version } = parseOr400(recordVersionQuerySchema, req.query);
    const stored = await storage.getRecord(id, version);
    if (!stored) {
      throw new HttpError(
        404,
        version === undefined ? 'this workshop has no record yet' : `no record version ${version}`,
      );
    }
    res.type('json').send(stored.json);
  });

  router.get('/workshops/:id/records', async (req, res) => {
    const id = await reader(req);
    const status: WorkshopStatus = await archive.status(id);
    const body: RecordVersionList = {
      workshopId: id,
      status,
      versions: await storage.listRecords(id),
    };
    res.json(body);
  });

  router.get('/records', async (req, res) => {
    requireOrganiser(req, { allowQuery: true });
    const query = parseOr400(recordSearchQuerySchema, req.query);
    const words = [...new Set((query.q ?? '').toLowerCase().split(/\s+/).filter(Boolean))];
    if (words.length > MAX_QUERY_WORDS) {
      throw new HttpError(400, `q: at most ${MAX_QUERY_WORDS} words`, 'q');
    }
    const { items, total } = await storage.searchRecords({
      words,
      region: query.region?.toLowerCase(),
      template: query.template,
      field: query.field?.toLowerCase(),
      from: query.from,
      to: query.to,
      offset: (query.page - 1) * query.pageSize,
      limit: query.pageSize,
    });
    const body: RecordSearchResult = { items, page: query.page, pageSize: query.pageSize, total };
    res.json(body);
  });

  router.post('/workshops/from-record', async (req, res) => {
    requireOrganiser(req, { allowQuery: false });
    const input = parseOr400(fromRecordRequestSchema, req.body ?? {});
    const result = await run(() => createFromRecords(storage, workshops, input));
    const { workshop, tokens } = result;
    const origin = publicUrl?.replace(/\/$/, '') ?? `${req.protocol}://${req.get('host')}`;
    const body: FromRecordResponse = {
      id: workshop.id,
      title: workshop.title,
      template: workshop.template,
      links: linksFor(workshop.id, tokens, origin),
      tokens,
      sources: result.sources,
      copiedActivities: result.copiedActivities,
    };
    res.status(201).location(`/api/workshops/${workshop.id}`).json(body);
  });

  return router;
}
