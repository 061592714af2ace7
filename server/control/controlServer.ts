/**
 * The control plane's socket.io types: what a socket carries, what the processes serving the same
 * workshops tell each other. Separate so that the control plane and the modules serving one part
 * of it (the cluster, the questionnaires, the event limits) share them without importing each
 * other.
 */
import type { Server, Socket } from 'socket.io';
import type { ClientToServerEvents, ServerToClientEvents } from '../../shared/control/events';
import type { Role, SharedLinkRole } from '../../shared/domain/workshop';

export interface SocketData {
  workshopId: string;
  role: Role;
  identityId: string | null;
}

/**
 * What the processes serving the same workshops tell each other (socket.io's serverSideEmit over
 * Redis). Each says only what changed; the receiver reads the truth from the database or acts on its
 * own connections. Broadcasts to people go by `io.to(workshop)`, which reaches every process.
 */
export interface InterServerEvents {
  /** A new control state is stored: reload the copy the lock gate reads. */
  'control:changed': (workshopId: string) => void;
  /** Someone was promoted or removed: act on that person's connections here. */
  'people:changed': (
    workshopId: string,
    identityId: string,
    change: 'promoted' | 'removed',
  ) => void;
  /** A hand went up (raisedAt) or down (null): keep the same list of hands. */
  'hand:changed': (workshopId: string, identityId: string, raisedAt: number | null) => void;
  /** A shared link was reset: close what is connected with the old one here. */
  'link:rotated': (workshopId: string, role: SharedLinkRole) => void;
  /** The workshop was archived or reopened: read its status again. */
  'status:changed': (workshopId: string) => void;
}

export type ControlServer = Server<
  ClientToServerEvents,
  ServerToClientEvents,
  InterServerEvents,
  SocketData
>;
export type ControlSocket = Socket<ClientToServerEvents, ServerToClientEvents, object, SocketData>;
