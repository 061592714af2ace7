/**
 * socket.io control plane, one socket.io room per workshop, authenticated with the workshop tokens.
 * The facilitation commands (phases, timer, votes) build on this in their own modules.
 */
import type { Server as HttpServer } from 'node:http';
import { Server, type Socket } from 'socket.io';
import {
  CONTROL_PATH,
  controlAuthSchema,
  type ClientToServerEvents,
  type ServerToClientEvents,
} from '../../shared/control/events';
import type { Role } from '../../shared/domain/workshop';
import type { WorkshopAccess } from '../auth/access';
import { clientIp } from '../http/clientIp';
import { ConnectionCounter } from '../lib/connectionCounter';
import type { Logger } from '../log';
import type { ControlService } from './controlService';
import { EventBudget } from './eventBudget';
import type { PeopleService } from './peopleService';
import type { DraftReply, PrivateWritingService } from './privateWritingService';

interface SocketData {
  workshopId: string;
  role: Role;
  identityId: string | null;
}

export type ControlServer = Server<ClientToServerEvents, ServerToClientEvents, object, SocketData>;
type ControlSocket = Socket<ClientToServerEvents, ServerToClientEvents, object, SocketData>;

export interface ControlLimits {
  /** Open control connections per client IP; one more is refused ("too many connections"). */
  maxConnectionsPerIp: number;
  /** Events per connection per second (see EventBudget). */
  eventsPerSecond: number;
  /** The configured TRUST_PROXY, so the client IP is the one Express sees. */
  trustProxy: boolean | number;
}

export function createControlPlane(
  httpServer: HttpServer,
  access: WorkshopAccess,
  control: ControlService,
  people: PeopleService,
  privateWriting: PrivateWritingService,
  log: Logger,
  limits: ControlLimits,
): ControlServer {
  const io: ControlServer = new Server(httpServer, {
    path: CONTROL_PATH,
    serveClient: false,
    // Our single upgrade handler routes WebSockets; engine.io must not destroy the others.
    destroyUpgrade: false,
    maxHttpBufferSize: 64 * 1024,
  });

  // Counted per engine.io connection, which opens (synchronously) before any handshake packet
  // and always closes: no place is lost between the handshake and socket.io's `connection`.
  const perIp = new ConnectionCounter(limits.maxConnectionsPerIp);
  const overLimit = new WeakSet<ControlSocket['conn']>();
  io.engine.on('connection', (conn: ControlSocket['conn']) => {
    const ip = clientIp(conn.request, limits.trustProxy);
    const release = perIp.tryOpen(ip);
    if (release) {
      conn.once('close', release);
      return;
    }
    overLimit.add(conn);
    if (perIp.firstRefusal(ip)) {
      log.warn({ ip, limit: 'maxConnectionsPerIp' }, 'too many control connections: refusing');
    }
  });
  io.use((socket, next) => {
    if (overLimit.has(socket.conn)) return next(new Error('too many connections'));
    next();
  });

  io.use((socket, next) => {
    const auth = controlAuthSchema.safeParse(socket.handshake.auth);
    if (!auth.success) return next(new Error('unauthorized'));
    access
      .grantFor(auth.data.workshopId, auth.data.token)
      .then((grant) => {
        if (!grant) return next(new Error('unauthorized'));
        socket.data = { workshopId: auth.data.workshopId, ...grant };
        next();
      })
      .catch((err: unknown) => {
        log.error({ err }, 'control plane auth failed');
        next(new Error('server error'));
      });
  });

  control.onChange((workshopId, event) => io.to(workshopId).emit('control:state', event));
  privateWriting.onProgress((workshopId, progress) =>
    io.to(workshopId).emit('private:progress', progress),
  );
  people.onChange(({ workshopId, identityId, change, participants }) => {
    for (const socket of io.of('/').sockets.values()) {
      if (socket.data.workshopId !== workshopId || socket.data.identityId !== identityId) continue;
      if (change === 'removed') {
        socket.emit('removed');
        socket.disconnect(true);
      } else {
        socket.data.role = 'facilitator';
        socket.emit('session', { workshopId, role: 'facilitator' });
      }
    }
    io.to(workshopId).emit('participants', participants);
  });
  people.onListChanged((workshopId) => {
    people
      .participants(workshopId)
      .then((list) => io.to(workshopId).emit('participants', list))
      .catch((err: unknown) => log.error({ err, workshopId }, 'could not list participants'));
  });
  httpServer.once('close', () => people.dispose());

  io.on('connection', (socket) => {
    const { workshopId, role, identityId } = socket.data; // role as at connection; commands re-read it
    limitEvents(socket, new EventBudget(limits.eventsPerSecond), log);
    void socket.join(workshopId);
    if (identityId) {
      people.connected(workshopId, identityId);
      socket.on('disconnect', () => people.disconnected(workshopId, identityId));
    }
    socket.emit('session', { workshopId, role });
    control
      .get(workshopId)
      .then((state) => socket.emit('control:state', control.event(state)))
      .catch((err: unknown) => log.error({ err, workshopId }, 'could not load the control state'));

    socket.on('clock:sync', (_payload, ack) => {
      if (typeof ack === 'function') ack({ ok: true, value: { serverTime: Date.now() } });
    });
    people
      .participants(workshopId)
      .then((list) => socket.emit('participants', list))
      .catch((err: unknown) => log.error({ err, workshopId }, 'could not list participants'));

    socket.on('vote:cast', (payload, ack) => {
      if (typeof ack !== 'function') return;
      control
        .castVote(workshopId, socket.data.identityId, payload)
        .then(ack)
        .catch((err: unknown) => {
          log.error({ err, workshopId }, 'vote failed');
          ack({ ok: false, error: 'server error' });
        });
    });
    socket.on('vote:mine', (_payload, ack) => {
      if (typeof ack !== 'function') return;
      control
        .myBallot(workshopId, socket.data.identityId)
        .then((value) => ack({ ok: true, value }))
        .catch(() => ack({ ok: false, error: 'server error' }));
    });
    const draftHandler =
      (run: (identityId: string | null, payload: unknown) => Promise<DraftReply>) =>
      (payload: unknown, ack: (reply: DraftReply) => void) => {
        if (typeof ack !== 'function') return;
        run(socket.data.identityId, payload)
          .then(ack)
          .catch((err: unknown) => {
            log.error({ err, workshopId }, 'draft change failed');
            ack({ ok: false, error: 'server error' });
          });
      };
    socket.on(
      'draft:put',
      draftHandler((id, payload) => privateWriting.put(workshopId, id, payload)),
    );
    socket.on(
      'draft:delete',
      draftHandler((id, payload) => privateWriting.remove(workshopId, id, payload)),
    );
    socket.on('draft:mine', (_payload, ack) => {
      if (typeof ack !== 'function') return;
      privateWriting
        .mine(workshopId, socket.data.identityId)
        .then((value) => ack({ ok: true, value }))
        .catch(() => ack({ ok: false, error: 'server error' }));
    });
    privateWriting
      .progress(workshopId)
      .then((progress) => progress && socket.emit('private:progress', progress))
      .catch((err: unknown) => log.error({ err, workshopId }, 'could not count drafts'));
    socket.on('people:command', (command, ack) => {
      if (typeof ack !== 'function') return;
      people
        .apply(workshopId, { role: socket.data.role, identityId: socket.data.identityId }, command)
        .then(ack)
        .catch((err: unknown) => {
          log.error({ err, workshopId }, 'people command failed');
          ack({ ok: false, error: 'server error' });
        });
    });
    socket.on('hand:set', (payload, ack) => {
      if (typeof ack !== 'function') return;
      // A closed (archived) workshop takes no more hands.
      control
        .refusal(workshopId)
        .then((refused) =>
          ack(
            refused
              ? { ok: false, error: refused }
              : people.setHand(workshopId, { role: socket.data.role, identityId }, payload),
          ),
        )
        .catch(() => ack({ ok: false, error: 'server error' }));
    });
    socket.on('control:command', (command, ack) => {
      if (typeof ack !== 'function') return; // every command is acknowledged; no ack, no command
      // The role is read at each command: a promotion changes it on the live socket.
      control
        .apply(workshopId, socket.data.role, command)
        .then(ack)
        .catch((err: unknown) => {
          log.error({ err, workshopId }, 'control command failed');
          ack({ ok: false, error: 'server error' });
        });
    });
  });

  return io;
}

/**
 * Every incoming event spends from the connection's budget before any handler runs: past it, an
 * acknowledged event is answered { ok: false } and not run, one without an ack is dropped, and a
 * flood closes the connection. Events no handler listens to are answered too, never left hanging;
 * so are events sent with no payload or extra arguments (found by the control-plane fuzz).
 */
function limitEvents(socket: ControlSocket, budget: EventBudget, log: Logger): void {
  socket.use((event, next) => {
    const last: unknown = event.at(-1);
    const answer = typeof last === 'function' ? (last as (reply: unknown) => void) : undefined;
    const verdict = budget.take();
    if (verdict === 'flood') {
      const { workshopId, role, identityId } = socket.data;
      log.warn({ workshopId, role, identityId }, 'control events flood: disconnecting');
      socket.disconnect(true);
    } else if (verdict === 'refuse') {
      answer?.({ ok: false, error: 'too many requests: slow down' });
    } else if (event[0] === 'error' || socket.listenerCount(event[0]) === 0) {
      // socket.io itself listens to 'error' (a no-op): a client's 'error' event is unknown too.
      answer?.({ ok: false, error: 'unknown event' });
    } else {
      // Handlers take (payload, ack). Sent with no payload, or with more arguments, the ack would
      // land elsewhere and the event would never be answered: keep the first argument and the ack.
      const payload: unknown = answer ? (event.length > 2 ? event[1] : undefined) : event[1];
      event.splice(1, event.length - 1, payload, ...(answer ? [answer] : []));
      next();
    }
  });
}
