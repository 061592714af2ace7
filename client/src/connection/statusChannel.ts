/**
 * Whether the workshop is open or archived (read-only), live: the server sends `workshop:status`
 * on connect and whenever a facilitator archives or reopens it. Created with the control socket
 * (controlConnection.ts), so the event sent at connect time is not missed.
 */
import type { Socket } from 'socket.io-client';
import type { ClientToServerEvents, ServerToClientEvents } from '@shared/control/events';
import type { WorkshopStatus } from '@shared/domain/workshop';

export class WorkshopStatusChannel {
  private status: WorkshopStatus | null = null;
  private readonly listeners = new Set<() => void>();

  constructor(socket: Socket<ServerToClientEvents, ClientToServerEvents>) {
    socket.on('workshop:status', (event) => {
      if (event.status === this.status) return;
      this.status = event.status;
      for (const listener of this.listeners) listener();
    });
  }

  /** null until the server said. */
  getStatus = (): WorkshopStatus | null => this.status;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };
}
