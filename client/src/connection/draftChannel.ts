/**
 * Private writing on the control connection: my drafts (requests acknowledged by the server, which
 * alone holds them) and the room's progress counts (how many ideas by how many people).
 */
import type { Socket } from 'socket.io-client';
import type { Ack, ClientToServerEvents, ServerToClientEvents } from '@shared/control/events';
import type { DraftProgress, MyDrafts } from '@shared/control/privateWriting';
import { socketRequest } from './socketRequest';

export class DraftChannel {
  private progress: DraftProgress | null = null;
  private readonly listeners = new Set<() => void>();

  constructor(private readonly socket: Socket<ServerToClientEvents, ClientToServerEvents>) {
    socket.on('private:progress', (progress) => {
      this.progress = progress;
      for (const listener of this.listeners) listener();
    });
  }

  getProgress = (): DraftProgress | null => this.progress;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  put(roundId: string, draftId: string, text: string): Promise<Ack<MyDrafts>> {
    return socketRequest<MyDrafts>(this.socket, 'draft:put', { roundId, draftId, text });
  }

  remove(roundId: string, draftId: string): Promise<Ack<MyDrafts>> {
    return socketRequest<MyDrafts>(this.socket, 'draft:delete', { roundId, draftId });
  }

  mine(): Promise<Ack<MyDrafts | null>> {
    return socketRequest<MyDrafts | null>(this.socket, 'draft:mine', {});
  }

  /** Resolves on the next (re)connection, for reloading my drafts after a network drop. */
  onConnect(listener: () => void): () => void {
    this.socket.on('connect', listener);
    return () => this.socket.off('connect', listener);
  }
}
