/**
 * Vote turnout on the control connection: how many have voted in the running vote, of how many
 * could (counts only; the server never sends who voted what).
 */
import type { Socket } from 'socket.io-client';
import type { ClientToServerEvents, ServerToClientEvents } from '@shared/control/events';
import type { VoteTurnout } from '@shared/control/votes';

export class TurnoutChannel {
  private turnout: VoteTurnout | null = null;
  private readonly listeners = new Set<() => void>();

  constructor(socket: Socket<ServerToClientEvents, ClientToServerEvents>) {
    socket.on('vote:turnout', (turnout) => {
      this.turnout = turnout;
      for (const listener of this.listeners) listener();
    });
  }

  getTurnout = (): VoteTurnout | null => this.turnout;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };
}
