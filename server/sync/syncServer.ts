/**
 * The y-websocket endpoint: `/yjs/<workshopId>?token=<token>`. Authenticates the token before any
 * document data is sent (close 4401 otherwise), then hands the socket to the workshop's room.
 * Knows nothing of the workshop's content.
 */
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import WebSocket, { WebSocketServer } from 'ws';
import { workshopIdSchema, type Role } from '../../shared/domain/workshop';
import type { WorkshopAccess } from '../auth/access';
import type { Logger } from '../log';
import { CLOSE_GOING_AWAY, CLOSE_UNAUTHORIZED } from '../../shared/sync/closeCodes';
import { Connection } from './connection';
import type { RoomRegistry } from './rooms';

export const SYNC_PATH_PREFIX = '/yjs/';
const HEARTBEAT_MS = 30_000;

export interface SyncServerOptions {
  rooms: RoomRegistry;
  access: WorkshopAccess;
  log: Logger;
  maxMessageBytes: number;
}

export class SyncServer {
  private readonly wss: WebSocketServer;
  private readonly heartbeat: NodeJS.Timeout;
  /** Open connections and the workshop each belongs to. */
  private readonly live = new Map<Connection, string>();

  constructor(private readonly options: SyncServerOptions) {
    this.wss = new WebSocketServer({
      noServer: true,
      maxPayload: options.maxMessageBytes,
      perMessageDeflate: false,
    });
    this.heartbeat = setInterval(() => this.checkAlive(), HEARTBEAT_MS);
    this.heartbeat.unref();
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
    this.wss.handleUpgrade(req, socket, head, (ws) => this.accept(ws, url));
  }

  close(): void {
    clearInterval(this.heartbeat);
    for (const conn of this.live.keys()) conn.close(CLOSE_GOING_AWAY, 'server shutting down');
    this.wss.close();
  }

  private accept(ws: WebSocket, url: URL): void {
    // Messages that arrive while the token is checked and the room loads wait here, in order.
    const early: Uint8Array[] = [];
    const queue = (data: WebSocket.RawData) => early.push(toBytes(data));
    ws.on('message', queue);
    ws.on('error', (err) => this.options.log.debug({ err }, 'websocket error'));

    const workshopId = decodeURIComponent(url.pathname.slice(SYNC_PATH_PREFIX.length));
    const token = url.searchParams.get('token');
    void (async () => {
      const idOk = workshopIdSchema.safeParse(workshopId).success;
      const grant = idOk ? await this.options.access.grantFor(workshopId, token) : null;
      if (!grant) {
        ws.close(CLOSE_UNAUTHORIZED, 'unauthorized');
        return;
      }
      const room = await this.options.rooms.acquire(workshopId);
      if (ws.readyState !== WebSocket.OPEN) return;
      const conn = new Connection(ws, grant.role, grant.identityId);
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
