/**
 * Removal sticks: a person the facilitator removed cannot walk back in through the participant
 * link from the same device (its cookie, or the identity token the browser kept) until a
 * facilitator lets them back in. Another device still can: the known limit, see README.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { io, type Socket } from 'socket.io-client';
import type { RunningServer } from '../../server/app';
import {
  REMOVED_REJOIN_ERROR,
  type JoinResponse,
  type RemovedPeopleResponse,
} from '../../shared/domain/identity';
import type { CreateWorkshopResponse } from '../../shared/domain/workshop';
import { createWorkshop, startTestServer } from '../support/server';

const servers: RunningServer[] = [];
const sockets: Socket[] = [];
afterEach(async () => {
  for (const s of sockets.splice(0)) s.disconnect();
  for (const s of servers.splice(0)) await s.close();
});

type Ack = { ok: true; value: unknown } | { ok: false; error: string };

interface Device {
  /** The `tf_device=…` pair the server set, sent back like a browser would. */
  cookie: string | null;
}

interface JoinInit {
  token?: string;
  previousIdentity?: string;
  name?: string;
}

async function join(url: string, w: CreateWorkshopResponse, device: Device, init: JoinInit = {}) {
  const res = await fetch(`${url}/api/workshops/${w.id}/join`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      authorization: `Bearer ${init.token ?? w.tokens.participant}`,
      ...(device.cookie ? { cookie: device.cookie } : {}),
      ...(init.previousIdentity ? { 'x-transforma-identity': init.previousIdentity } : {}),
    },
    body: JSON.stringify({ name: init.name ?? 'Ben' }),
  });
  const setCookie = res.headers.getSetCookie().find((c) => c.startsWith('tf_device='));
  if (setCookie) device.cookie = setCookie.split(';')[0]!;
  return res;
}

async function joined(url: string, w: CreateWorkshopResponse, device: Device, name = 'Ben') {
  const res = await join(url, w, device, { name });
  expect(res.status).toBe(201);
  return (await res.json()) as JoinResponse;
}

async function host(url: string, w: CreateWorkshopResponse) {
  const socket = io(url, {
    auth: { workshopId: w.id, token: w.tokens.facilitator },
    transports: ['websocket'],
    reconnection: false,
    forceNew: true,
  });
  sockets.push(socket);
  await new Promise((resolve) => socket.on('session', resolve));
  return (command: object) =>
    socket.timeout(5000).emitWithAck('people:command', command) as Promise<Ack>;
}

const session = (url: string, w: CreateWorkshopResponse, token: string) =>
  fetch(`${url}/api/workshops/${w.id}`, { headers: { authorization: `Bearer ${token}` } });

const removedList = (url: string, w: CreateWorkshopResponse, token: string) =>
  fetch(`${url}/api/workshops/${w.id}/participants/removed`, {
    headers: { authorization: `Bearer ${token}` },
  });

async function workshopWithRemovedBen() {
  const s = await startTestServer();
  servers.push(s);
  const w = await createWorkshop(s.url);
  const bensLaptop: Device = { cookie: null };
  const ben = await joined(s.url, w, bensLaptop);
  const command = await host(s.url, w);
  expect(await command({ type: 'participant:remove', identityId: ben.identityId })).toMatchObject({
    ok: true,
  });
  return { s, w, ben, bensLaptop, command };
}

describe('a removed person coming back through the participant link', () => {
  it('gets a long-lived, script-proof device cookie on joining, kept on the next join', async () => {
    const s = await startTestServer();
    servers.push(s);
    const w = await createWorkshop(s.url);
    const res = await join(s.url, w, { cookie: null });
    const cookie = res.headers.getSetCookie().find((c) => c.startsWith('tf_device='))!;
    expect(cookie).toMatch(/^tf_device=[A-Za-z0-9_-]{43};/);
    expect(cookie).toMatch(/; HttpOnly/i);
    expect(cookie).toMatch(/; SameSite=Strict/i);
    expect(cookie).toMatch(/; Path=\/api\//);
    expect(cookie).toMatch(/; Max-Age=\d{8}/);

    const device: Device = { cookie: cookie.split(';')[0]! };
    await join(s.url, w, device, { name: 'Anna' });
    expect(device.cookie).toBe(cookie.split(';')[0]);
  });

  it('is refused from the same device (its cookie) with a message saying whom to ask', async () => {
    const { s, w, bensLaptop } = await workshopWithRemovedBen();
    const res = await join(s.url, w, bensLaptop, { name: 'Ben again' });
    expect(res.status).toBe(403);
    expect(await res.json()).toEqual({
      error: REMOVED_REJOIN_ERROR,
      code: 'removed',
      requestId: expect.any(String),
    });
    expect(REMOVED_REJOIN_ERROR).toContain('ask the facilitator to let you back in');
  });

  it('is refused when the browser sends the identity token it had (cookies cleared)', async () => {
    const { s, w, ben } = await workshopWithRemovedBen();
    const res = await join(s.url, w, { cookie: null }, { previousIdentity: ben.identityToken });
    expect(res.status).toBe(403);
    expect(((await res.json()) as { error: string }).error).toBe(REMOVED_REJOIN_ERROR);
  });

  it('comes back once a facilitator lets them in: the old token works, the device may join', async () => {
    const { s, w, ben, bensLaptop, command } = await workshopWithRemovedBen();
    expect((await session(s.url, w, ben.identityToken)).status).toBe(401);

    // Facilitators see whom they removed; participants do not.
    const listed = (await (
      await removedList(s.url, w, w.tokens.facilitator)
    ).json()) as RemovedPeopleResponse;
    expect(listed.removed.map((p) => [p.id, p.name])).toEqual([[ben.identityId, 'Ben']]);
    const anna = await joined(s.url, w, { cookie: null }, 'Anna');
    expect((await removedList(s.url, w, anna.identityToken)).status).toBe(403);

    expect(await command({ type: 'participant:readmit', identityId: ben.identityId })).toEqual({
      ok: true,
      value: [
        expect.objectContaining({ id: ben.identityId, name: 'Ben' }),
        expect.objectContaining({ id: anna.identityId }),
      ],
    });
    expect((await session(s.url, w, ben.identityToken)).status).toBe(200);
    expect((await join(s.url, w, bensLaptop, { name: 'Ben, new tab' })).status).toBe(201);
    const after = (await (
      await removedList(s.url, w, w.tokens.facilitator)
    ).json()) as RemovedPeopleResponse;
    expect(after.removed).toEqual([]);
  });

  it('only a facilitator lets someone back in, and only someone of this workshop', async () => {
    const { s, w, ben, command } = await workshopWithRemovedBen();
    const anna = await joined(s.url, w, { cookie: null }, 'Anna');
    const annaSocket = io(s.url, {
      auth: { workshopId: w.id, token: anna.identityToken },
      transports: ['websocket'],
      reconnection: false,
      forceNew: true,
    });
    sockets.push(annaSocket);
    await new Promise((resolve) => annaSocket.on('session', resolve));
    expect(
      await annaSocket
        .timeout(5000)
        .emitWithAck('people:command', { type: 'participant:readmit', identityId: ben.identityId }),
    ).toEqual({ ok: false, error: 'only facilitators can run the workshop' });
    expect(await command({ type: 'participant:readmit', identityId: 'nobody' })).toEqual({
      ok: false,
      error: 'no such person in this workshop',
    });
    expect((await session(s.url, w, ben.identityToken)).status).toBe(401);
  });

  it('still joins from another device: a new identity (the known limit)', async () => {
    const { s, w } = await workshopWithRemovedBen();
    const res = await join(s.url, w, { cookie: null }, { name: 'Ben on his phone' });
    expect(res.status).toBe(201);
  });

  it('does not hold back the facilitator link, even from that device', async () => {
    const { s, w, bensLaptop } = await workshopWithRemovedBen();
    const res = await join(s.url, w, bensLaptop, { token: w.tokens.facilitator, name: 'Fiona' });
    expect(res.status).toBe(201);
  });
});
