/**
 * Wiring only: config → storage → rooms → HTTP, sync and control on one port.
 * `startServer` is what main.ts, the tests and the bench start.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { ArchiveService } from './archive/archiveService';
import { WorkshopAccess } from './auth/access';
import { OrganiserAccess } from './auth/organiser';
import { loadConfig, type ServerConfig, type ServerConfigInput } from './config';
import { createControlPlane } from './control/controlPlane';
import { serveQuestionnaires } from './control/controlQuestionnaires';
import { ControlService } from './control/controlService';
import { writeGate } from './control/writeGate';
import { PeopleService } from './control/peopleService';
import { PrivateWritingService } from './control/privateWritingService';
import { QuestionnaireDiscussion } from './control/questionnaireDiscussion';
import { QuestionnaireEditing } from './control/questionnaireEditing';
import { QuestionnaireService, type WorkshopDocs } from './control/questionnaireService';
import { CLOSE_REMOVED, CLOSE_UNAUTHORIZED } from '../shared/sync/closeCodes';
import { writeVoteResult } from '../shared/doc/voteResults';
import { publishDrafts } from '../shared/doc/publishDrafts';
import { createHttpApp } from './http/app';
import { recordRoutes } from './http/recordRoutes';
import { connectRateLimitRedis } from './http/rateLimits';
import { exportRoutes } from './http/exportRoutes';
import { PdfPrinter } from './archive/exporters/pdf';
import { createLogger, type Logger } from './log';
import { openStorage } from './storage/openStorage';
import type { ClusterAdapter } from './control/clusterAdapter';
import { LocalRoomBus, type RoomBus } from './sync/roomBus';
import type { Storage } from './storage/storage';
import { RoomRegistry } from './sync/rooms';
import { SYNC_PATH_PREFIX, SyncServer } from './sync/syncServer';
import { WorkshopService } from './workshops/workshopService';
import type { SharedLinkRole } from '../shared/domain/workshop';

export interface RunningServer {
  config: ServerConfig;
  port: number;
  /** http://host:port — for 0.0.0.0 the loopback address. */
  url: string;
  log: Logger;
  storage: Storage;
  rooms: RoomRegistry;
  control: ControlService;
  /** How this process hears the others serving the same workshops (Redis, or nobody). */
  bus: RoomBus;
  /** Stops accepting, persists and compacts every open workshop, closes the database. */
  close(): Promise<void>;
}

export async function startServer(
  overrides: Partial<ServerConfigInput> = {},
): Promise<RunningServer> {
  const config = loadConfig(overrides);
  const log = createLogger(config.logLevel);
  const storage: Storage = await openStorage(config, log);
  // REDIS_URL: the processes serving the same workshops hear each other's edits and presence.
  // The Redis modules load only then: a single process never carries them.
  let bus: RoomBus = new LocalRoomBus();
  if (config.redisUrl) {
    try {
      const { RedisRoomBus } = await import('./sync/redisRoomBus');
      bus = await RedisRoomBus.connect({ url: config.redisUrl, prefix: config.redisPrefix, log });
    } catch (err) {
      await bus.close();
      await storage.close();
      throw err;
    }
    log.info('room bus: Redis');
  }
  let cluster: ClusterAdapter | undefined;
  if (config.redisUrl) {
    try {
      const { redisClusterAdapter } = await import('./control/clusterAdapter');
      cluster = await redisClusterAdapter(config.redisUrl, config.redisPrefix, log);
    } catch (err) {
      await bus.close();
      await storage.close();
      throw err;
    }
  }
  // REDIS_URL: the API's rate limits are counted in Redis, one budget per client for every process.
  const limitStore = config.redisUrl
    ? await connectRateLimitRedis({ url: config.redisUrl, prefix: config.redisPrefix, log })
    : undefined;
  const access = new WorkshopAccess(storage);
  const control = new ControlService(storage, log, Date.now, config.voteSplitMinVoters);
  const people = new PeopleService(storage);
  control.onReveal((workshopId, result) =>
    rooms.change(workshopId, (doc) => writeVoteResult(doc, result)),
  );
  const privateWriting = new PrivateWritingService(
    storage,
    control,
    async (workshopId, round, drafts) => {
      let published = 0;
      await rooms.change(workshopId, (doc) => {
        published = publishDrafts(doc, drafts, {
          board: round.board,
          showAuthors: round.showAuthors ?? false,
          activityId: round.activityId,
        }).length;
      });
      return published;
    },
  );
  const workshopDocs: WorkshopDocs = {
    change: (workshopId, change) => rooms.change(workshopId, change),
    read: (workshopId, read) => rooms.withDocument(workshopId, read),
  };
  const questionnaires = new QuestionnaireService(storage, control, workshopDocs);
  const questionnairesAfterStart = {
    discussion: new QuestionnaireDiscussion(questionnaires, storage, control, workshopDocs),
    editing: new QuestionnaireEditing(questionnaires, control, workshopDocs),
  };
  const rooms = new RoomRegistry({
    storage,
    // An archived workshop refuses every edit; otherwise the facilitator's locks apply.
    gateFor: (workshopId) => archive.gate(workshopId, writeGate(control, workshopId)),
    beforeLoad: (workshopId) => Promise.all([control.get(workshopId), archive.status(workshopId)]),
    log,
    compactEvery: config.compactEvery,
    roomIdleMs: config.roomIdleMs,
    maxDocumentBytes: config.maxDocumentBytes,
    presencePerSecond: config.presencePerSecond,
    bus,
  });
  const archive: ArchiveService = new ArchiveService({ storage, rooms, control, log });
  control.setGuard(async (workshopId) =>
    (await archive.status(workshopId)) === 'archived'
      ? 'the workshop is archived: reopen it to make changes'
      : null,
  );
  const organiser = await OrganiserAccess.init(storage, config.organiserToken, log);
  const workshops = new WorkshopService(storage);
  // PDF exports: one Chromium, launched on the first PDF, closed with the server.
  const pdf = new PdfPrinter({ executablePath: config.chromiumPath, log });
  const app = createHttpApp({
    storage,
    busProblem: () => bus.problem(),
    log,
    access,
    workshops,
    people,
    rooms,
    publicUrl: config.publicUrl,
    clientDir: config.clientDir,
    trustProxy: config.trustProxy,
    limits: {
      workshopCreate: config.rateWorkshopCreate,
      join: config.rateJoin,
      api: config.rateApi,
      store: limitStore,
    },
    workshopStatus: (workshopId) => archive.status(workshopId),
    routers: [
      recordRoutes({ storage, access, organiser, archive, workshops, publicUrl: config.publicUrl }),
      exportRoutes({ storage, access, organiser, rooms, control, pdf, log }),
    ],
  });

  const httpServer = http.createServer(app);
  const sync = new SyncServer({
    rooms,
    access,
    log,
    maxMessageBytes: config.maxMessageBytes,
    maxConnectionsPerWorkshop: config.maxConnectionsPerWorkshop,
    maxConnectionsPerIp: config.maxConnectionsPerIp,
    trustProxy: config.trustProxy,
  });
  const io = createControlPlane(httpServer, access, control, people, privateWriting, log, {
    maxConnectionsPerIp: config.maxConnectionsPerIp,
    eventsPerSecond: config.controlEventsPerSecond,
    trustProxy: config.trustProxy,
    cluster,
  });
  serveQuestionnaires(io, questionnaires, questionnairesAfterStart, log);
  // Live clients learn when their workshop is archived (read-only) or reopened.
  archive.onStatus((workshopId, status) => {
    io.to(workshopId).emit('workshop:status', { workshopId, status });
    if (cluster) io.serverSideEmit('status:changed', workshopId);
  });
  io.on('status:changed', (workshopId) => {
    archive
      .refresh(workshopId)
      .catch((err: unknown) => log.error({ err, workshopId }, 'could not read the status again'));
  });
  io.on('connection', (socket) => {
    const { workshopId } = socket.data;
    archive
      .status(workshopId)
      .then((status) => socket.emit('workshop:status', { workshopId, status }))
      .catch((err: unknown) => log.error({ err, workshopId }, 'could not read the status'));
  });
  people.onChange(({ workshopId, identityId, change }) => {
    if (change === 'removed') {
      sync.closeIdentity(workshopId, identityId, CLOSE_REMOVED, 'removed from the workshop');
    } else {
      sync.setIdentityRole(workshopId, identityId, 'facilitator');
    }
  });
  // A reset link closes what is still connected with the old one; people's own tokens stay.
  const closeOldLink = (workshopId: string, role: SharedLinkRole) => {
    sync.closeLinkConnections(workshopId, role, CLOSE_UNAUTHORIZED, 'the link was reset');
    for (const socket of io.of('/').sockets.values()) {
      const { data } = socket;
      if (data.workshopId === workshopId && data.identityId === null && data.role === role) {
        socket.disconnect(true);
      }
    }
  };
  workshops.onLinkRotated((workshopId, role) => {
    closeOldLink(workshopId, role);
    if (cluster) io.serverSideEmit('link:rotated', workshopId, role);
  });
  io.on('link:rotated', closeOldLink);

  // One upgrade handler for the whole port (socket.io's own listener is replaced by this one).
  httpServer.removeAllListeners('upgrade');
  httpServer.on('upgrade', (req, socket, head) => {
    socket.on('error', () => socket.destroy());
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (url.pathname.startsWith(SYNC_PATH_PREFIX)) {
      sync.handleUpgrade(req, socket, head, url);
    } else if (url.pathname.startsWith('/socket.io/')) {
      io.engine.handleUpgrade(req, socket, head);
    } else {
      socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
    }
  });

  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', reject);
    httpServer.listen(config.port, config.host, () => {
      httpServer.off('error', reject);
      resolve();
    });
  });
  const { port } = httpServer.address() as AddressInfo;
  // Listening on every interface: the address a person on this machine types is localhost.
  const host = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  log.info({ url, storage: storage.kind }, `Transforma listening on ${url}`);

  let closing: Promise<void> | undefined;
  const close = () =>
    (closing ??= (async () => {
      sync.close();
      privateWriting.close();
      const httpClosed = new Promise<void>((resolve) => io.close(() => resolve()));
      httpServer.closeAllConnections();
      await httpClosed;
      await rooms.closeAll();
      await bus.close();
      await cluster?.close();
      await limitStore?.close();
      await pdf.close();
      await storage.close();
    })());

  return { config, port, url, log, storage, rooms, control, bus, close };
}
