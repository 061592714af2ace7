/**
 * The y-websocket endpoint: `/yjs/<workshopId>?token=<token>`. Authenticates the token before any
 * document data is sent (close 4401 otherwise), then hands the socket to the workshop's room.
 * Caps connections per client IP and per workshop (close 4429), and keeps quiet clients alive: a
 * stock y-websocket client drops a socket that received nothing for 30 s, so a client alone in a
 * workshop is sent an empty presence message when it has heard nothing for KEEPALIVE_IDLE_MS.
 * Knows nothing of the workshop's content.
 */
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import WebSocket, { WebSocketServer } from 'ws';
import { workshopIdSchema, type Role } from '../../shared/domain/workshop';
import type { WorkshopAccess } from '../auth/access';
import type { Logger } from '../log';
import {
  CLOSE_GOING_AWAY,
  CLOSE_MALFORMED,
  CLOSE_TOO_MANY,
  CLOSE_UNAUTHORIZED,
} from '../../shared/sync/closeCodes';
import { clientIp } from '../http/clientIp';
import { Connection } from './connection';
import { encodeKeepAlive } from './protocol';
import type { RoomRegistry } from './rooms';

export const SYNC_PATH_PREFIX = '/yjs/';
const HEARTBEAT_MS = 30_000;
/** Well inside the stock client's 30 s silence timeout, with the check's own period added. */
export const KEEPALIVE_IDLE_MS = 15_000;
const KEEPALIVE_CHECK_MS = 5_000;

export interface SyncServerOptions {
  rooms: RoomRegistry;
  access: WorkshopAccess;
  log: Logger;
  maxMessageBytes: number;
  maxConnectionsPerWorkshop: number;
  maxConnectionsPerIp: number;
  trustProxy: boolean | number;
}

export class SyncServer {
  private readonly wss: WebSocketServer;
  private readonly heartbeat: NodeJS.Timeout;
  private readonly keepAlive: NodeJS.Timeout;
  /** Open connections and the workshop each belongs to. */
  private readonly live = new Map<Connection, string>();
  /** Open (or opening) sockets per client IP. */
  private readonly perIp = new Map<string, number>();

  constructor(private readonly options: SyncServerOptions) {
    this.wss = new WebSocketServer({
      noServer: true,
      maxPayload: options.maxMessageBytes,
      perMessageDeflate: false,
    });
    this.heartbeat = setInterval(() => this.checkAlive(), HEARTBEAT_MS);
    this.heartbeat.unref();
    this.keepAlive = setInterval(() => this.keepQuietClientsAlive(), KEEPALIVE_CHECK_MS);
    this.keepAlive.unref();
  }

  get connectionCount(): number {
    return this.live.size;
  }

  /** Closes every connection of one person (removed from the workshop). */
  closeIdentity(workshopId: string, identityId: string, code: number, reason: string): void {
    for (const [conn, id] of this.live) {
      if (id === workshopId && conn.identityId === identityId) conn.close(code, reason);
    }
  }

  /** Gives one person's open connections a new role (promotion to co-facilitator). */
  setIdentityRole(workshopId: string, identityId: string, role: Role): void {
    for (const [conn, id] of this.live) {
      if (id === workshopId && conn.identityId === identityId) conn.role = role;
    }
  }

  /** Closes the connections opened with a workshop link of that role (the link was reset). */
  closeLinkConnections(workshopId: string, role: Role, code: number, reason: string): void {
    for (const [conn, id] of this.live) {
      if (id === workshopId && conn.identityId === null && conn.role === role) {
        conn.close(code, reason);
      }
    }
  }

  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer, url: URL): void {
    const ip = clientIp(req, this.options.trustProxy);
    this.wss.handleUpgrade(req, socket, head, (ws) => this.accept(ws, url, ip));
  }

  close(): void {
    clearInterval(this.heartbeat);
    clearInterval(this.keepAlive);
    for (const conn of this.live.keys()) conn.close(CLOSE_GOING_AWAY, 'server shutting down');
    this.wss.close();
  }

  private accept(ws: WebSocket, url: URL, ip: string): void {
    ws.on('error', (err) => this.options.log.debug({ err }, 'websocket error'));
    const fromIp = (this.perIp.get(ip) ?? 0) + 1;
    if (fromIp > this.options.maxConnectionsPerIp) {
      this.options.log.warn({ ip, limit: 'maxConnectionsPerIp' }, 'refused a sync connection');
      ws.close(CLOSE_TOO_MANY, 'too many connections from this address');
      return;
    }
    this.perIp.set(ip, fromIp);
    ws.once('close', () => {
      const left = (this.perIp.get(ip) ?? 1) - 1;
      if (left > 0) this.perIp.set(ip, left);
      else this.perIp.delete(ip);
    });

    // Messages that arrive while the token is checked and the room loads wait here, in order.
    const early: Uint8Array[] = [];
    let earlyBytes = 0;
    const queue = (data: WebSocket.RawData) => {
      const bytes = toBytes(data);
      earlyBytes += bytes.byteLength;
      // A client does not flood before it is even admitted; one that does is not kept in memory.
      if (earlyBytes > 4 * this.options.maxMessageBytes) {
        ws.close(CLOSE_MALFORMED, 'too much data before the sync began');
        return;
      }
      early.push(bytes);
    };
    ws.on('message', queue);

    let workshopId = '';
    try {
      workshopId = decodeURIComponent(url.pathname.slice(SYNC_PATH_PREFIX.length));
    } catch {
      // Not percent-encoded properly: no such workshop.
    }
    const token = url.searchParams.get('token');
    void (async () => {
      const idOk = workshopIdSchema.safeParse(workshopId).success;
      const grant = idOk ? await this.options.access.grantFor(workshopId, token) : null;
      if (!grant) {
        this.options.log.info({ workshopId: idOk ? workshopId : undefined, ip }, 'unauthorized');
        ws.close(CLOSE_UNAUTHORIZED, 'unauthorized');
        return;
      }
      const room = await this.options.rooms.acquire(workshopId);
      if (ws.readyState !== WebSocket.OPEN) return;
      if (room.connections.size >= this.options.maxConnectionsPerWorkshop) {
        this.options.log.warn(
          { workshopId, ip, role: grant.role, limit: 'maxConnectionsPerWorkshop' },
          'refused a sync connection',
        );
        ws.close(CLOSE_TOO_MANY, 'too many connections to this workshop');
        return;
      }
      const conn = new Connection(ws, grant.role, grant.identityId, ip);
      this.live.set(conn, workshopId);
      ws.off('message', queue);
      ws.on('message', (data) => room.receive(conn, toBytes(data)));
      ws.on('pong', () => (conn.alive = true));
      ws.on('close', () => {
        this.live.delete(conn);
        room.leave(conn);
      });
      room.join(conn);
      for (const data of early) room.receive(conn, data);
    })().catch((err: unknown) => {
      this.options.log.error({ err, workshopId }, 'could not open a sync connection');
      ws.close(1011, 'server error');
    });
  }

  /** An empty presence message to every client that has heard nothing for a while. */
  private keepQuietClientsAlive(): void {
    const quietSince = Date.now() - KEEPALIVE_IDLE_MS;
    const message = encodeKeepAlive();
    for (const conn of this.live.keys()) {
      if (conn.lastSentAt <= quietSince) conn.send(message);
    }
  }

  /** Drops sockets that stopped answering pings (a laptop closed mid-workshop). */
  private checkAlive(): void {
    for (const conn of this.live.keys()) {
      if (!conn.alive) {
        conn.socket.terminate();
        continue;
      }
      conn.alive = false;
      conn.socket.ping();
    }
  }
}

function toBytes(data: WebSocket.RawData): Uint8Array {
  if (Array.isArray(data)) return new Uint8Array(Buffer.concat(data));
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
}
