/** One acknowledged socket.io request that never rejects: the server's ack, or `{ ok: false }`. */
import type { Socket } from 'socket.io-client';
import type { Ack } from '../../../shared/control/events';

export const ACK_TIMEOUT_MS = 8_000;

export function socketRequest<T>(socket: Socket, event: string, payload: unknown): Promise<Ack<T>> {
  return new Promise((resolve) => {
    if (!socket.connected) {
      resolve({ ok: false, error: 'offline' });
      return;
    }
    socket
      .timeout(ACK_TIMEOUT_MS)
      .emit(event, payload, (err: Error | null, raw: Ack<T>) =>
        resolve(err ? { ok: false, error: 'timeout' } : raw),
      );
  });
}
