/**
 * Resource limits on the HTTP API and the socket.io control plane, against the real server with
 * real HTTP and socket.io clients: per-IP rate limits (429 + Retry-After), per-IP control
 * connections, per-connection event rate, and malformed payloads on every event name.
 * Every request here comes from 127.0.0.1, so each test sets its own low limit; X-Forwarded-For
 * stands in for other people's addresses where the server trusts a proxy.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { io, type Socket } from 'socket.io-client';
import type { RunningServer } from '../../server/app';
import type { ServerConfigInput } from '../../server/config';
import type { CreateWorkshopResponse } from '../../shared/domain/workshop';
import {
  ask,
  command,
  commandOk,
  connectControl,
  joinAs,
  type ControlClient,
  type Reply,
} from '../support/controlClients';
import { createWorkshop, startTestServer } from '../support/server';

const servers: RunningServer[] = [];
const sockets: Socket[] = [];
afterEach(async () => {
  for (const s of sockets.splice(0)) s.disconnect();
  for (const s of servers.splice(0)) await s.close();
});

async function server(limits: Partial<ServerConfigInput>): Promise<RunningServer> {
  const s = await startTestServer(limits);
  servers.push(s);
  return s;
}

function request(
  url: string,
  method: string,
  path: string,
  options: { token?: string; body?: unknown; from?: string } = {},
): Promise<Response> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  if (options.from) headers['x-forwarded-for'] = options.from;
  return fetch(`${url}${path}`, {
    method,
    headers,
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
  });
}

const createBody = { title: 'Alpine digital tourism', template: 'edw' };
const joinBody = { name: 'Ana', organisation: 'Tyrol Tech', helix: 'business' };

async function expectTooManyRequests(res: Response, windowSeconds: number): Promise<void> {
  expect(res.status).toBe(429);
  const retryAfter = Number(res.headers.get('retry-after'));
  expect(retryAfter).toBeGreaterThanOrEqual(1);
  expect(retryAfter).toBeLessThanOrEqual(windowSeconds);
  const body = (await res.json()) as { error: string; retryAfter: number };
  expect(body).toEqual({
    error: `too many requests: try again in ${retryAfter} s`,
    retryAfter,
    requestId: res.headers.get('x-request-id'),
  });
}

describe('HTTP rate limits per client IP', () => {
  it('refuses a workshop creation past the limit with 429 and Retry-After, counting every route that creates one', async () => {
    const s = await server({ rateWorkshopCreate: 4 });
    const first = await createWorkshop(s.url);
    expect((await request(s.url, 'POST', '/api/workshops', { body: createBody })).status).toBe(201);
    // A derive and a from-record count too, whether or not they succeed.
    const derive = await request(s.url, 'POST', `/api/workshops/${first.id}/derive`, {
      token: first.tokens.facilitator,
      body: {},
    });
    expect(derive.status).not.toBe(429);
    expect((await request(s.url, 'POST', '/api/workshops/from-record', { body: {} })).status).toBe(
      401,
    );

    // The route's own spelling variants (case, trailing slash) are the same limit.
    await expectTooManyRequests(
      await request(s.url, 'POST', '/api/Workshops/', { body: createBody }),
      600,
    );
    await expectTooManyRequests(
      await request(s.url, 'POST', `/api/workshops/${first.id}/derive`, {
        token: first.tokens.facilitator,
        body: {},
      }),
      600,
    );
    await expectTooManyRequests(
      await request(s.url, 'POST', '/api/workshops/from-record', { body: {} }),
      600,
    );

    // Everything else from the same address is still served.
    const session = await request(s.url, 'GET', `/api/workshops/${first.id}`, {
      token: first.tokens.facilitator,
    });
    expect(session.status).toBe(200);
    await joinAs(s.url, first, joinBody);
  });

  it("keys the limit by the client's address as the trusted proxy reports it: others are unaffected", async () => {
    const s = await server({ rateWorkshopCreate: 2, trustProxy: 1 });
    const alice = '203.0.113.10';
    const bob = '203.0.113.20';
    for (let i = 0; i < 2; i++) {
      const res = await request(s.url, 'POST', '/api/workshops', { body: createBody, from: alice });
      expect(res.status).toBe(201);
    }
    await expectTooManyRequests(
      await request(s.url, 'POST', '/api/workshops', { body: createBody, from: alice }),
      600,
    );
    const forBob = await request(s.url, 'POST', '/api/workshops', { body: createBody, from: bob });
    expect(forBob.status).toBe(201);
  });

  it('refuses joins past the limit; creating and reading workshops still work', async () => {
    const s = await server({ rateJoin: 3 });
    const w = await createWorkshop(s.url);
    for (let i = 0; i < 3; i++) await joinAs(s.url, w, { ...joinBody, name: `Person ${i}` });
    await expectTooManyRequests(
      await request(s.url, 'POST', `/api/workshops/${w.id}/join`, {
        token: w.tokens.participant,
        body: joinBody,
      }),
      60,
    );
    // Another workshop's join link is the same person's address: still refused.
    const other = await createWorkshop(s.url, 'Second');
    await expectTooManyRequests(
      await request(s.url, 'POST', `/api/workshops/${other.id}/join`, {
        token: other.tokens.participant,
        body: joinBody,
      }),
      60,
    );
    const session = await request(s.url, 'GET', `/api/workshops/${w.id}`, {
      token: w.tokens.participant,
    });
    expect(session.status).toBe(200);
  });

  it('refuses every other API request past the general limit, while /healthz always answers', async () => {
    const s = await server({ rateApi: 5 });
    const w = await createWorkshop(s.url); // counts against creation, not the general limit
    for (let i = 0; i < 4; i++) {
      const res = await request(s.url, 'GET', `/api/workshops/${w.id}`, {
        token: w.tokens.facilitator,
      });
      expect(res.status).toBe(200);
    }
    // Unknown endpoints count too: a scanner is refused like anyone else.
    expect((await request(s.url, 'GET', '/api/nothing-here')).status).toBe(404);
    await expectTooManyRequests(
      await request(s.url, 'GET', `/api/workshops/${w.id}`, { token: w.tokens.facilitator }),
      60,
    );
    await expectTooManyRequests(await request(s.url, 'GET', '/api/schema/record.json'), 60);

    for (let i = 0; i < 20; i++) {
      const health = await request(s.url, 'GET', '/healthz');
      expect(health.status).toBe(200);
    }
    // Joining and creating have their own limits.
    await joinAs(s.url, w, joinBody);
    await createWorkshop(s.url, 'Another');
  });
});

/** Connects a control-plane client, resolving with the socket or the connect_error message. */
function tryConnect(
  url: string,
  w: CreateWorkshopResponse,
  extraHeaders: Record<string, string> = {},
): Promise<{ socket: Socket } | { refused: string }> {
  const socket = io(url, {
    auth: { workshopId: w.id, token: w.tokens.participant },
    transports: ['websocket'],
    reconnection: false,
    forceNew: true,
    extraHeaders,
  });
  sockets.push(socket);
  return new Promise((resolve) => {
    socket.once('connect', () => resolve({ socket }));
    socket.once('connect_error', (err) => resolve({ refused: err.message }));
  });
}

function clockSync(socket: Socket): Promise<Reply<{ serverTime: number }>> {
  return socket.timeout(5000).emitWithAck('clock:sync', null) as Promise<
    Reply<{ serverTime: number }>
  >;
}

describe('control plane connections per client IP', () => {
  it('refuses connections past the limit with "too many connections"; open ones keep working', async () => {
    const s = await server({ maxConnectionsPerIp: 3 });
    const w = await createWorkshop(s.url);
    const open: Socket[] = [];
    for (let i = 0; i < 3; i++) {
      const attempt = await tryConnect(s.url, w);
      if (!('socket' in attempt)) throw new Error(`connection ${i} refused: ${attempt.refused}`);
      open.push(attempt.socket);
    }
    expect(await tryConnect(s.url, w)).toEqual({ refused: 'too many connections' });
    // Without a trusted proxy, a forged X-Forwarded-For is not another person.
    expect(await tryConnect(s.url, w, { 'x-forwarded-for': '198.51.100.7' })).toEqual({
      refused: 'too many connections',
    });

    for (const socket of open) expect((await clockSync(socket)).ok).toBe(true);

    // A closed connection frees its place.
    open[0]!.disconnect();
    let again: { socket: Socket } | { refused: string } = { refused: 'not tried' };
    for (let tries = 0; tries < 50 && !('socket' in again); tries++) {
      again = await tryConnect(s.url, w);
      if (!('socket' in again)) await new Promise((r) => setTimeout(r, 20));
    }
    expect('socket' in again).toBe(true);
  });
});

describe('control plane events per connection', () => {
  it('answers a flood with {ok:false}, then disconnects it; another client is unaffected', async () => {
    const s = await server({ controlEventsPerSecond: 5 });
    const w = await createWorkshop(s.url);
    const facilitator = await connectControl(s.url, w.id, w.tokens.facilitator, sockets);
    const me = await joinAs(s.url, w, joinBody);
    const flooder = await connectControl(s.url, w.id, me.identityToken, sockets);

    // Past the allowance: answered, not run, still connected.
    const replies = await Promise.all(
      Array.from({ length: 20 }, () => ask(flooder, 'hand:set', { raised: true })),
    );
    expect(replies.filter((r) => r.ok).length).toBeGreaterThanOrEqual(5);
    expect(replies.filter((r) => r.ok).length).toBeLessThanOrEqual(7);
    expect(replies.filter((r) => !r.ok)[0]).toEqual({
      ok: false,
      error: 'too many requests: slow down',
    });
    expect(flooder.socket.connected).toBe(true);

    // Far past it: disconnected (replies still in flight may be lost with the connection).
    const disconnected = new Promise<string>((resolve) => {
      flooder.socket.once('disconnect', (reason) => resolve(reason));
      setTimeout(() => resolve('still connected after 5 s'), 5000);
    });
    for (let i = 0; i < 500; i++) flooder.socket.emit('hand:set', { raised: false }, () => {});
    expect(await disconnected).toBe('io server disconnect');

    // The facilitator's commands are theirs to spend.
    const state = await commandOk(facilitator, {
      type: 'lock:set',
      target: 'workshop',
      locked: true,
    });
    expect(state.locks.workshop).toBe(true);
  });

  it('lets a client within its allowance through, and refuses only the excess', async () => {
    const s = await server({ controlEventsPerSecond: 5 });
    const w = await createWorkshop(s.url);
    const facilitator = await connectControl(s.url, w.id, w.tokens.facilitator, sockets);
    const burst = await Promise.all(
      Array.from({ length: 8 }, () => ask(facilitator, 'clock:sync', null)),
    );
    // Five at once, and a sixth if a fifth of a second passed while the burst arrived.
    const refused = burst.filter((r) => !r.ok);
    expect(refused.length).toBeGreaterThanOrEqual(2);
    expect(refused.length).toBeLessThanOrEqual(3);
    for (const r of refused)
      expect(r).toEqual({ ok: false, error: 'too many requests: slow down' });
    await new Promise((r) => setTimeout(r, 1100));
    const later = await command(facilitator, { type: 'timer:start', durationMs: 60_000 });
    expect(later.ok).toBe(true);
    expect(facilitator.socket.connected).toBe(true);
  });
});

const EVENTS = [
  'clock:sync',
  'control:command',
  'vote:cast',
  'vote:mine',
  'draft:put',
  'draft:delete',
  'draft:mine',
  'people:command',
  'hand:set',
];
const UNKNOWN_EVENTS = ['nope', 'constructor', '__proto__', 'toString', 'x'.repeat(2000)];
/** Events that read nothing from their payload: they answer { ok: true } to anything. */
const PAYLOAD_FREE = ['clock:sync', 'vote:mine', 'draft:mine'];

const nested = (open: string, close: string, depth: number) =>
  open.repeat(depth) + '0' + close.repeat(depth);

/** JSON text, as sent on the wire: nesting no JSON encoder would produce. Each under 64 KB. */
const PAYLOADS: [string, string][] = [
  ['null', 'null'],
  ['a huge number', '-1e308'],
  ['a boolean', 'true'],
  ['a long string', JSON.stringify('x'.repeat(60_000))],
  ['an empty object', '{}'],
  ['an array of 20,000 zeros', JSON.stringify(new Array<number>(20_000).fill(0))],
  ['an array of 2,500 commands', JSON.stringify(new Array(2500).fill({ type: 'phase:end' }))],
  ['an array nested 20,000 deep', nested('[', ']', 20_000)],
  ['an object nested 5,000 deep', nested('{"type":', '}', 5000)],
  [
    'a command nested 3,000 deep',
    `{"type":"agenda:set","phases":${nested('[{"id":', '}]', 3000)}}`,
  ],
  ['__proto__ keys', '{"__proto__":{"type":"phase:end","raised":true},"type":"x"}'],
  ['an unknown command', '{"type":"server:shutdown"}'],
  [
    'a command with huge arrays',
    JSON.stringify({ type: 'vote:open', cardIds: new Array<string>(6000).fill('c1') }),
  ],
  ['a vote with odd numbers', '{"voteId":"v","cardId":"c","delta":1e400}'],
  ['a draft of the wrong types', '{"roundId":["r"],"draftId":{"a":1},"text":42}'],
  ['a person command of the wrong type', '{"type":"participant:remove","identityId":["x"]}'],
];

let nextRawId = 1_000_000;
/**
 * Sends one acknowledged event as a raw socket.io packet (the client's own encoder cannot
 * serialise deep nesting) and resolves with the server's answer, or 'no answer' after 5 s.
 */
function rawAsk(socket: Socket, event: string, payloadJson: string): Promise<unknown> {
  const id = nextRawId++;
  const engine = socket.io.engine;
  return new Promise((resolve) => {
    const prefix = `3${id}[`; // an ACK packet
    const onPacket = (packet: { type: string; data?: unknown }) => {
      if (packet.type !== 'message' || typeof packet.data !== 'string') return;
      if (!packet.data.startsWith(prefix)) return;
      done((JSON.parse(packet.data.slice(prefix.length - 1)) as unknown[])[0]);
    };
    const timer = setTimeout(() => done('no answer'), 5000);
    const done = (reply: unknown) => {
      clearTimeout(timer);
      engine.off('packet', onPacket);
      resolve(reply);
    };
    engine.on('packet', onPacket);
    engine.write(`2${id}[${JSON.stringify(event)},${payloadJson}]`); // an EVENT packet
  });
}

describe('malformed control-plane payloads', () => {
  it('answers every event name, known or not, on any JSON payload, and keeps serving', async () => {
    const s = await server({ controlEventsPerSecond: 10_000 });
    const w = await createWorkshop(s.url);
    const me = await joinAs(s.url, w, joinBody);
    const clients: [string, ControlClient][] = [
      ['facilitator', await connectControl(s.url, w.id, w.tokens.facilitator, sockets)],
      ['person', await connectControl(s.url, w.id, me.identityToken, sockets)],
      ['projector', await connectControl(s.url, w.id, w.tokens.projector, sockets)],
    ];
    const lock = (locked: boolean) =>
      command(clients[0]![1], { type: 'lock:set', target: 'workshop', locked });
    const before = await lock(true);

    for (const [who, client] of clients) {
      for (const event of [...EVENTS, ...UNKNOWN_EVENTS]) {
        for (const [what, payload] of PAYLOADS) {
          const reply = await rawAsk(client.socket, event, payload);
          const context = `${who} sent ${event.slice(0, 20)} with ${what}`;
          if (UNKNOWN_EVENTS.includes(event)) {
            expect(reply, context).toEqual({ ok: false, error: 'unknown event' });
          } else {
            expect(reply, context).toMatchObject({ ok: PAYLOAD_FREE.includes(event) });
          }
        }
        expect(client.socket.connected, `${who} still connected after ${event}`).toBe(true);
      }
    }

    // Nothing changed, and everyone is still served.
    const after = await lock(false);
    if (!before.ok || !after.ok) throw new Error('lock:set refused');
    expect(after.value.state.version).toBe(before.value.state.version + 1);
    expect((await request(s.url, 'GET', '/healthz')).status).toBe(200);
    const late = await connectControl(s.url, w.id, w.tokens.participant, sockets);
    expect((await ask(late, 'clock:sync', null)).ok).toBe(true);

    // A packet that does not decode closes its own connection, nothing else.
    const garbage = [
      '2["disconnect"]', // a reserved event name
      '2[',
      '2{"not":"an array"}',
      '2/admin,["clock:sync"]', // another namespace
      '0{"token":1}', // a second CONNECT
      '9hello',
    ];
    for (const packet of garbage) {
      const sender = await connectControl(s.url, w.id, w.tokens.participant, sockets);
      const closed = new Promise((resolve) => sender.socket.once('disconnect', resolve));
      sender.socket.io.engine.write(packet);
      await closed;
      expect((await ask(late, 'clock:sync', null)).ok, packet).toBe(true);
    }
  });
});
