/**
 * One acknowledged socket.io request that never rejects: the server's ack, or `{ ok: false }` after
 * ACK_TIMEOUT_MS. While the socket reconnects, socket.io buffers the request, so a short network
 * drop delays it rather than failing it.
 */
import type { Socket } from 'socket.io-client';
import type { Ack } from '@shared/control/events';

export const ACK_TIMEOUT_MS = 8_000;

export function socketRequest<T>(socket: Socket, event: string, payload: unknown): Promise<Ack<T>> {
  return new Promise((resolve) => {
    socket
      .timeout(ACK_TIMEOUT_MS)
      .emit(event, payload, (err: Error | null, raw: Ack<T>) =>
        resolve(err ? { ok: false, error: 'timeout' } : raw),
      );
  });
}
