/**
 * Wiring only: config → storage → rooms → HTTP, sync and control on one port.
 * `startServer` is what main.ts, the tests and the bench start.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { WorkshopAccess } from './auth/access';
import { loadConfig, type ServerConfig, type ServerConfigInput } from './config';
import { createControlPlane } from './control/controlPlane';
import { ControlService } from './control/controlService';
import { lockGate } from './control/lockGate';
import { PeopleService } from './control/peopleService';
import { CLOSE_REMOVED } from './sync/closeCodes';
import { writeVoteResult } from '../shared/doc/voteResults';
import { createHttpApp } from './http/app';
import { createLogger, type Logger } from './log';
import { SqliteStorage } from './storage/sqlite/sqliteStorage';
import type { Storage } from './storage/storage';
import { RoomRegistry } from './sync/rooms';
import { SYNC_PATH_PREFIX, SyncServer } from './sync/syncServer';
import { WorkshopService } from './workshops/workshopService';

export interface RunningServer {
  config: ServerConfig;
  port: number;
  /** http://host:port — for 0.0.0.0 the loopback address. */
  url: string;
  log: Logger;
  storage: Storage;
  rooms: RoomRegistry;
  control: ControlService;
  /** Stops accepting, persists and compacts every open workshop, closes the database. */
  close(): Promise<void>;
}

export async function startServer(
  overrides: Partial<ServerConfigInput> = {},
): Promise<RunningServer> {
  const config = loadConfig(overrides);
  const log = createLogger(config.logLevel);
  const storage: Storage = new SqliteStorage({
    dataDir: config.dataDir,
    synchronous: config.sqliteSynchronous,
  });
  const access = new WorkshopAccess(storage);
  const control = new ControlService(storage, log);
  const people = new PeopleService(storage);
  control.onReveal((workshopId, result) =>
    rooms.change(workshopId, (doc) => writeVoteResult(doc, result)),
  );
  const rooms = new RoomRegistry({
    storage,
    gateFor: (workshopId) => lockGate(control, workshopId),
    beforeLoad: (workshopId) => control.get(workshopId),
    log,
    compactEvery: config.compactEvery,
    roomIdleMs: config.roomIdleMs,
  });
  const app = createHttpApp({
    storage,
    log,
    access,
    workshops: new WorkshopService(storage),
    people,
    rooms,
    publicUrl: config.publicUrl,
    clientDir: config.clientDir,
    trustProxy: config.trustProxy,
  });

  const httpServer = http.createServer(app);
  const sync = new SyncServer({ rooms, access, log, maxMessageBytes: config.maxMessageBytes });
  const io = createControlPlane(httpServer, access, control, people, log);
  people.onChange(({ workshopId, identityId, change }) => {
    if (change === 'removed') {
      sync.closeIdentity(workshopId, identityId, CLOSE_REMOVED, 'removed from the workshop');
    } else {
      sync.setIdentityRole(workshopId, identityId, 'facilitator');
    }
  });

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
  log.info({ url, dataDir: config.dataDir }, `Transforma listening on ${url}`);

  let closing: Promise<void> | undefined;
  const close = () =>
    (closing ??= (async () => {
      sync.close();
      const httpClosed = new Promise<void>((resolve) => io.close(() => resolve()));
      httpServer.closeAllConnections();
      await httpClosed;
      await rooms.closeAll();
      await storage.close();
    })());

  return { config, port, url, log, storage, rooms, control, close };
}
