/**
 * socket.io control plane, one socket.io room per workshop, authenticated with the workshop tokens.
 * The facilitation commands (phases, timer, votes) build on this in their own modules. Besides
 * this file: the socket types (controlServer.ts), the cluster (controlCluster.ts), the event
 * limits (eventLimits.ts) and the questionnaire commands (controlQuestionnaires.ts).
 */
import type { Server as HttpServer } from 'node:http';
import { Server } from 'socket.io';
import { CONTROL_PATH, controlAuthSchema } from '../../shared/control/events';
import type { WorkshopAccess } from '../auth/access';
import { clientIp } from '../http/clientIp';
import { ConnectionCounter } from '../lib/connectionCounter';
import type { Logger } from '../log';
import type { ClusterAdapter } from './clusterAdapter';
import { joinCluster } from './controlCluster';
import type { ControlServer, ControlSocket } from './controlServer';
import type { ControlService } from './controlService';
import { EventBudget } from './eventBudget';
import { limitEvents } from './eventLimits';
import type { PeopleService } from './peopleService';
import { VoteTurnoutAnnouncer } from './voteTurnout';
import type { DraftReply, PrivateWritingService } from './privateWritingService';

export type { ControlServer, InterServerEvents } from './controlServer';

export interface ControlLimits {
  /** Open control connections per client IP; one more is refused ("too many connections"). */
  maxConnectionsPerIp: number;
  /** Events per connection per second (see EventBudget). */
  eventsPerSecond: number;
  /** The configured TRUST_PROXY, so the client IP is the one Express sees. */
  trustProxy: boolean | number;
  /** Other processes serve the same workshops (REDIS_URL): socket.io's Redis adapter. */
  cluster?: ClusterAdapter;
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
    ...(limits.cluster ? { adapter: limits.cluster.adapter } : {}),
  });
  if (limits.cluster) joinCluster(io, control, people, log);

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

  const turnout = new VoteTurnoutAnnouncer(
    control,
    people,
    (workshopId, counts) => io.to(workshopId).emit('vote:turnout', counts),
    log,
  );
  control.onChange((workshopId, event) => {
    io.to(workshopId).emit('control:state', event);
    if (limits.cluster) io.serverSideEmit('control:changed', workshopId);
    if (event.state.vote && event.state.vote.status !== 'revealed') turnout.schedule(workshopId);
  });
  privateWriting.onProgress((workshopId, progress) =>
    io.to(workshopId).emit('private:progress', progress),
  );
  people.onChange(({ workshopId, identityId, change, participants, here }) => {
    // This process's sockets of that person; the other processes do the same with theirs.
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
    if (!here) return; // the process that made the change tells everyone
    if (limits.cluster) io.serverSideEmit('people:changed', workshopId, identityId, change);
    io.to(workshopId).emit('participants', participants);
    turnout.schedule(workshopId);
  });
  people.onListChanged((workshopId) => {
    turnout.schedule(workshopId);
    people
      .participants(workshopId)
      .then((list) => io.to(workshopId).emit('participants', list))
      .catch((err: unknown) => log.error({ err, workshopId }, 'could not list participants'));
  });
  httpServer.once('close', () => {
    people.dispose();
    turnout.dispose();
  });

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
        .then((reply) => {
          ack(reply);
          if (reply.ok) turnout.schedule(workshopId);
        })
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
    turnout
      .current(workshopId)
      .then((counts) => counts && socket.emit('vote:turnout', counts))
      .catch((err: unknown) => log.error({ err, workshopId }, 'could not count the turnout'));
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
