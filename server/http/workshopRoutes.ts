/**
 * REST for workshops: create, read one's own session, get the join links again or reset one
 * (facilitator), join as a person (a removed person's device stays out until let back in).
 */
import { Router, type Request } from 'express';
import {
  createWorkshopRequestSchema,
  deriveWorkshopRequestSchema,
  rotateLinkRequestSchema,
  type DeriveWorkshopResponse,
  workshopIdSchema,
  type CreateWorkshopResponse,
  type Role,
  type WorkshopSession,
  type WorkshopStatus,
} from '../../shared/domain/workshop';
import { bearerToken, type WorkshopAccess } from '../auth/access';
import { deviceIdOf, setDeviceCookie } from '../auth/device';
import type { WorkshopRow } from '../storage/storage';
import type { WorkshopService } from '../workshops/workshopService';
import { linksFor } from '../workshops/workshopService';
import { HttpError, parseOr400 } from './errors';
import * as Y from 'yjs';
import { copyActivities, listActivities, listRegions } from '../../shared/doc';
import {
  joinRequestSchema,
  PREVIOUS_IDENTITY_HEADER,
  REMOVED_REJOIN_ERROR,
  renameRequestSchema,
  type JoinResponse,
  type MeResponse,
  type RemovedPeopleResponse,
} from '../../shared/domain/identity';
import type { PeopleService } from '../control/peopleService';
import type { RoomRegistry } from '../sync/rooms';

export interface WorkshopRoutesDeps {
  workshops: WorkshopService;
  people: PeopleService;
  rooms: RoomRegistry;
  access: WorkshopAccess;
  publicUrl: string | undefined;
  /** Open or archived (server/archive); part of the session so clients know when it is read-only. */
  workshopStatus: (workshopId: string) => Promise<WorkshopStatus>;
}

export function workshopRoutes({
  workshops,
  people,
  rooms,
  access,
  publicUrl,
  workshopStatus,
}: WorkshopRoutesDeps): Router {
  const router = Router();
  const originOf = (req: Request) =>
    publicUrl?.replace(/\/$/, '') ?? `${req.protocol}://${req.get('host')}`;

  /** The caller's role in workshop :id, from its bearer token; 401 when it grants none. */
  async function authorize(req: Request): Promise<{
    id: string;
    workshop: WorkshopRow;
    role: Role;
    identityId: string | null;
    token: string;
  }> {
    const id = parseOr400(workshopIdSchema, req.params.id);
    const token = bearerToken(req.get('authorization'));
    if (!token) throw new HttpError(401, 'missing bearer token');
    const workshop = await workshops.get(id);
    if (!workshop) throw new HttpError(404, 'no such workshop');
    const grant = await access.grantFor(id, token);
    if (!grant) throw new HttpError(401, 'invalid token for this workshop');
    return { id, workshop, token, ...grant };
  }

  router.post('/workshops', async (req, res) => {
    if (typeof req.body !== 'object' || req.body === null || Array.isArray(req.body)) {
      throw new HttpError(400, 'request body must be a JSON object');
    }
    const input = parseOr400(createWorkshopRequestSchema, req.body);
    const { workshop, tokens } = await workshops.create(input);
    const body: CreateWorkshopResponse = {
      id: workshop.id,
      title: workshop.title,
      template: workshop.template,
      links: linksFor(workshop.id, tokens, originOf(req)),
      tokens,
    };
    res.status(201).location(`/api/workshops/${workshop.id}`).json(body);
  });

  router.get('/workshops/:id', async (req, res) => {
    const { id, workshop, role } = await authorize(req);
    const body: WorkshopSession = { ...workshop, role, status: await workshopStatus(id) };
    res.json(body);
  });

  /** The caller must hold the facilitator link itself: the other links derive from its token. */
  async function authorizeFacilitatorLink(req: Request) {
    const caller = await authorize(req);
    if (caller.role !== 'facilitator') {
      throw new HttpError(403, 'only facilitators can see or reset the links');
    }
    if (caller.identityId) {
      throw new HttpError(403, 'the links are derived from the facilitator link: open it to share');
    }
    return caller;
  }

  router.get('/workshops/:id/links', async (req, res) => {
    const { id, token } = await authorizeFacilitatorLink(req);
    res.json(await workshops.links(id, token, originOf(req)));
  });

  /** A new participant or projector link: the old one stops working; who joined stays in. */
  router.post('/workshops/:id/links/rotate', async (req, res) => {
    const { id, token } = await authorizeFacilitatorLink(req);
    const { role } = parseOr400(rotateLinkRequestSchema, req.body ?? {});
    res.json(await workshops.rotateLink(id, role, token, originOf(req)));
  });

  /** A person joins with a workshop link: their own identity and token (votes, hands, removal). */
  router.post('/workshops/:id/join', async (req, res) => {
    const { id, workshop: _workshop, ...grant } = await authorize(req);
    if (grant.identityId) throw new HttpError(409, 'this person has already joined');
    if (grant.role === 'projector')
      throw new HttpError(403, 'the wall screen does not join as a person');
    const input = parseOr400(joinRequestSchema, req.body ?? {});
    if (input.regionId) {
      const regions = await rooms.withDocument(id, (doc) => listRegions(doc).map((r) => r.id));
      if (!regions.includes(input.regionId)) {
        throw new HttpError(400, "regionId: not one of the workshop's regions", 'regionId');
      }
    }
    const deviceId = deviceIdOf(req);
    // The participant link is shared widely, so it cannot keep a removed person out by itself;
    // the facilitator link's holder could let themselves back in anyway.
    if (grant.role === 'participant') {
      const previousIdentityToken = req.get(PREVIOUS_IDENTITY_HEADER) ?? null;
      if (await workshops.removedFromDevice(id, { deviceId, previousIdentityToken })) {
        throw new HttpError(403, REMOVED_REJOIN_ERROR);
      }
    }
    const joined = await workshops.join(id, grant.role, input, deviceId);
    setDeviceCookie(req, res, deviceId);
    res.status(201).json(joined satisfies JoinResponse);
  });

  /** The caller as a person: their identity, or null for a workshop (link) token. */
  router.get('/workshops/:id/me', async (req, res) => {
    const { id, identityId } = await authorize(req);
    const body: MeResponse = {
      participant: identityId ? await people.participant(id, identityId) : null,
    };
    res.json(body);
  });

  /** A person changes their name (identity token); everyone gets the new list. */
  router.patch('/workshops/:id/me', async (req, res) => {
    const { id, identityId } = await authorize(req);
    if (!identityId) throw new HttpError(409, 'join the workshop first: this is a workshop link');
    const input = parseOr400(renameRequestSchema, req.body ?? {});
    const participant = await people.rename(id, identityId, input.name);
    if (!participant) throw new HttpError(404, 'no such person in this workshop');
    res.json({ participant } satisfies MeResponse);
  });

  /** Who has joined (removed people are left out). */
  router.get('/workshops/:id/participants', async (req, res) => {
    const { id } = await authorize(req);
    res.json({ participants: await people.participants(id) });
  });

  /** Whom the facilitators removed, so they can let someone back in. */
  router.get('/workshops/:id/participants/removed', async (req, res) => {
    const { id, role } = await authorize(req);
    if (role !== 'facilitator') throw new HttpError(403, 'only facilitators see who was removed');
    res.json({ removed: await people.removed(id) } satisfies RemovedPeopleResponse);
  });

  /** Starts an ADW/cADW from this EDW/cEDW's selected activities, copied with provenance. */
  router.post('/workshops/:id/derive', async (req, res) => {
    const { id, role, workshop: sourceWorkshop } = await authorize(req);
    if (role !== 'facilitator')
      throw new HttpError(403, 'only facilitators can start a follow-up workshop');
    const input = parseOr400(deriveWorkshopRequestSchema, req.body ?? {});
    if (sourceWorkshop.template !== 'edw' && sourceWorkshop.template !== 'cedw') {
      throw new HttpError(400, 'an ADW starts from an EDW or cEDW', 'template');
    }
    const state = await rooms.withDocument(id, (doc) => Y.encodeStateAsUpdate(doc));
    const source = new Y.Doc();
    Y.applyUpdate(source, state);
    const chosen = listActivities(source).filter((a) =>
      input.activityIds ? input.activityIds.includes(a.id) : a.status === 'selected',
    );
    if (chosen.length === 0) {
      source.destroy();
      throw new HttpError(
        409,
        input.activityIds
          ? 'none of the given activities exists'
          : 'no selected activities: select at least one first',
      );
    }
    const { workshop, tokens } = await workshops.create(
      {
        title: input.title ?? `${sourceWorkshop.title} — ADW`.slice(0, 200),
        template: input.template,
      },
      (doc) =>
        copyActivities(
          source,
          doc,
          id,
          chosen.map((a) => a.id),
        ),
    );
    source.destroy();
    const body: DeriveWorkshopResponse = {
      id: workshop.id,
      title: workshop.title,
      template: workshop.template,
      links: linksFor(workshop.id, tokens, originOf(req)),
      tokens,
      copiedActivities: chosen.length,
      sourceWorkshopId: id,
    };
    res.status(201).location(`/api/workshops/${workshop.id}`).json(body);
  });

  return router;
}
