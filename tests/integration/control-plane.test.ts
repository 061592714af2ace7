/** The socket.io control plane on the same port: authenticated with the workshop tokens. */
import { afterEach, describe, expect, it } from 'vitest';
import { io, type Socket } from 'socket.io-client';
import type { RunningServer } from '../../server/app';
import type { SessionEvent } from '../../shared/control/events';
import { createWorkshop, startTestServer } from '../support/server';

const servers: RunningServer[] = [];
const sockets: Socket[] = [];
afterEach(async () => {
  for (const s of sockets.splice(0)) s.disconnect();
  for (const s of servers.splice(0)) await s.close();
});

function connect(url: string, auth: object, transports = ['websocket']): Socket {
  const socket = io(url, { auth, transports, reconnection: false, forceNew: true });
  sockets.push(socket);
  return socket;
}

describe('control plane (socket.io)', () => {
  it.each([['websocket'], ['polling']])(
    'admits each role over %s and tells it its role',
    async (transport) => {
      const s = await startTestServer();
      servers.push(s);
      const w = await createWorkshop(s.url);
      for (const role of ['facilitator', 'participant', 'projector'] as const) {
        const socket = connect(s.url, { workshopId: w.id, token: w.tokens[role] }, [transport]);
        const session = await new Promise<SessionEvent>((resolve, reject) => {
          socket.on('session', resolve);
          socket.on('connect_error', reject);
        });
        expect(session).toEqual({ workshopId: w.id, role });
        const reply = await socket.timeout(2000).emitWithAck('clock:sync', {});
        expect(reply.ok).toBe(true);
        expect(Math.abs(reply.value.serverTime - Date.now())).toBeLessThan(5000);
      }
    },
  );

  it('answers an event sent with no payload, with extra arguments, or named error (found by the fuzz)', async () => {
    const s = await startTestServer();
    servers.push(s);
    const w = await createWorkshop(s.url);
    const socket = connect(s.url, { workshopId: w.id, token: w.tokens.facilitator });
    await new Promise((resolve) => socket.on('control:state', resolve));
    // The ack used to land in the payload's or the extra argument's place: no answer, ever.
    const bare = await socket.timeout(2000).emitWithAck('clock:sync');
    expect(bare.ok).toBe(true);
    const extra = await socket
      .timeout(2000)
      .emitWithAck('control:command', { type: 'lock:set', target: 'notes', locked: true }, 'x');
    expect(extra).toMatchObject({ ok: true, value: { state: { locks: { boards: ['notes'] } } } });
    const none = await socket.timeout(2000).emitWithAck('vote:cast');
    expect(none).toEqual({ ok: false, error: 'join as a person to vote' });
    // socket.io's own no-op 'error' listener swallowed this one, unanswered.
    const error = await socket.timeout(2000).emitWithAck('error', {});
    expect(error).toEqual({ ok: false, error: 'unknown event' });
  });

  it.each([
    ['a wrong token', (id: string) => ({ workshopId: id, token: 'q'.repeat(43) })],
    ['no auth', () => ({})],
    ['a malformed workshop id', () => ({ workshopId: '../etc', token: 'q'.repeat(43) })],
  ])('refuses %s', async (_label, auth) => {
    const s = await startTestServer();
    servers.push(s);
    const w = await createWorkshop(s.url);
    const socket = connect(s.url, auth(w.id));
    const err = await new Promise<Error>((resolve) => socket.on('connect_error', resolve));
    expect(err.message).toBe('unauthorized');
  });
});
