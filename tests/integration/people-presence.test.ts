/**
 * People on the control plane with real socket.io clients against the real server: who is online,
 * raised hands (by oneself, lowered by a facilitator, never by another participant), invalid
 * payloads, and renaming oneself over HTTP.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { io, type Socket } from 'socket.io-client';
import type { RunningServer } from '../../server/app';
import type { JoinResponse, MeResponse, Participant } from '../../shared/domain/identity';
import type { CreateWorkshopResponse, Role } from '../../shared/domain/workshop';
import { createWorkshop, startTestServer, tempDataDir, waitFor } from '../support/server';

const servers: RunningServer[] = [];
const sockets: Socket[] = [];
afterEach(async () => {
  for (const s of sockets.splice(0)) s.disconnect();
  for (const s of servers.splice(0)) await s.close();
});

type Ack<T = unknown> = { ok: true; value: T } | { ok: false; error: string };

interface Connected {
  socket: Socket;
  /** Every `participants` list received, oldest first. */
  lists: Participant[][];
  latest(): Participant[];
  emit<T>(event: string, payload: unknown): Promise<Ack<T>>;
}

async function connect(url: string, workshopId: string, token: string): Promise<Connected> {
  const socket = io(url, {
    auth: { workshopId, token },
    transports: ['websocket'],
    reconnection: false,
    forceNew: true,
  });
  sockets.push(socket);
  const lists: Participant[][] = [];
  socket.on('participants', (list: Participant[]) => lists.push(list));
  await waitFor(() => lists.length > 0, 'the first participant list');
  return {
    socket,
    lists,
    latest: () => lists.at(-1)!,
    emit: (event, payload) => socket.timeout(5000).emitWithAck(event, payload),
  };
}

async function join(
  url: string,
  w: CreateWorkshopResponse,
  name: string,
  role: Role = 'participant',
): Promise<JoinResponse> {
  const res = await fetch(`${url}/api/workshops/${w.id}/join`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${w.tokens[role]}` },
    body: JSON.stringify({ name, organisation: `${name}'s org`, helix: 'research' }),
  });
  expect(res.status).toBe(201);
  return (await res.json()) as JoinResponse;
}

const me = (url: string, workshopId: string, token: string, init: RequestInit = {}) =>
  fetch(`${url}/api/workshops/${workshopId}/me`, {
    ...init,
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
  });

const find = (list: Participant[], id: string) => list.find((p) => p.id === id);

async function room(dataDir = tempDataDir()) {
  const server = await startTestServer({ dataDir });
  servers.push(server);
  const w = await createWorkshop(server.url, 'EDW', 'edw');
  const fiona = await join(server.url, w, 'Fiona', 'facilitator');
  const anna = await join(server.url, w, 'Anna');
  const ben = await join(server.url, w, 'Ben');
  const host = await connect(server.url, w.id, fiona.identityToken);
  return { server, w, fiona, anna, ben, host, dataDir };
}

describe('online status', () => {
  it('shows a person online while connected and offline once they leave', async () => {
    const { server, w, fiona, anna, host } = await room();
    await waitFor(() => find(host.latest(), fiona.identityId)?.online === true, 'Fiona online');
    expect(find(host.latest(), anna.identityId)).toMatchObject({
      name: 'Anna',
      organisation: "Anna's org",
      helix: 'research',
      online: false,
      handRaisedAt: null,
    });

    const phone = await connect(server.url, w.id, anna.identityToken);
    // A newcomer sees themselves online in their very first list.
    expect(find(phone.lists[0]!, anna.identityId)?.online).toBe(true);
    await waitFor(() => find(host.latest(), anna.identityId)?.online === true, 'Anna online');

    phone.socket.disconnect();
    await waitFor(() => find(host.latest(), anna.identityId)?.online === false, 'Anna offline');
    expect(find(host.latest(), anna.identityId)).toMatchObject({ name: 'Anna', online: false });
  });

  it('does not count workshop-link connections (wall screen, stock clients) as people', async () => {
    const { server, w, host } = await room();
    await connect(server.url, w.id, w.tokens.projector);
    await connect(server.url, w.id, w.tokens.participant);
    const list = host.latest();
    expect(list.map((p) => p.name)).toEqual(['Fiona', 'Anna', 'Ben']);
    expect(list.filter((p) => p.online).map((p) => p.name)).toEqual(['Fiona']);
  });
});

describe('raised hands', () => {
  it('queues hands in the order they went up; a second raise keeps the place', async () => {
    const { server, w, anna, ben, host } = await room();
    const annaSocket = await connect(server.url, w.id, anna.identityToken);
    const benSocket = await connect(server.url, w.id, ben.identityToken);

    const first = await annaSocket.emit<{ handRaisedAt: number }>('hand:set', { raised: true });
    expect(first.ok).toBe(true);
    const raisedAt = first.ok ? first.value.handRaisedAt : 0;
    expect(typeof raisedAt).toBe('number');
    await benSocket.emit('hand:set', { raised: true });
    await waitFor(
      () => find(host.latest(), ben.identityId)?.handRaisedAt !== null,
      'Ben’s hand to show',
    );
    const again = await annaSocket.emit('hand:set', { raised: true });
    expect(again).toEqual({ ok: true, value: { handRaisedAt: raisedAt } });

    const queue = host
      .latest()
      .filter((p) => p.handRaisedAt !== null)
      .sort((a, b) => a.handRaisedAt! - b.handRaisedAt!);
    expect(queue.map((p) => p.name)).toEqual(['Anna', 'Ben']);
    // Everyone sees the same list, participants included.
    await waitFor(
      () => find(annaSocket.latest(), ben.identityId)?.handRaisedAt !== null,
      'Anna to see Ben’s hand',
    );

    expect(await annaSocket.emit('hand:set', { raised: false })).toEqual({
      ok: true,
      value: { handRaisedAt: null },
    });
    await waitFor(
      () => find(host.latest(), anna.identityId)?.handRaisedAt === null,
      'Anna’s hand down',
    );
    expect(find(host.latest(), ben.identityId)?.handRaisedAt).not.toBeNull();
  });

  it('lets a facilitator lower a hand, but not a participant', async () => {
    const { server, w, anna, ben, host } = await room();
    const annaSocket = await connect(server.url, w.id, anna.identityToken);
    const benSocket = await connect(server.url, w.id, ben.identityToken);
    await benSocket.emit('hand:set', { raised: true });

    const refused = await annaSocket.emit('people:command', {
      type: 'hand:lower',
      identityId: ben.identityId,
    });
    expect(refused).toEqual({ ok: false, error: 'only facilitators can run the workshop' });
    // A participant link (no identity) cannot either.
    const link = await connect(server.url, w.id, w.tokens.participant);
    expect(
      (await link.emit('people:command', { type: 'hand:lower', identityId: ben.identityId })).ok,
    ).toBe(false);
    await waitFor(
      () => find(host.latest(), ben.identityId)?.handRaisedAt !== null,
      'Ben’s hand up',
    );

    const lowered = await host.emit<Participant[]>('people:command', {
      type: 'hand:lower',
      identityId: ben.identityId,
    });
    expect(lowered.ok).toBe(true);
    if (lowered.ok) expect(find(lowered.value, ben.identityId)?.handRaisedAt).toBeNull();
    await waitFor(
      () => find(benSocket.latest(), ben.identityId)?.handRaisedAt === null,
      'Ben to see his hand lowered',
    );
    // Lowering a hand that is down changes nothing and is fine.
    expect(
      (await host.emit('people:command', { type: 'hand:lower', identityId: ben.identityId })).ok,
    ).toBe(true);
  });

  it('lowers the hand of a person who is removed, and drops them from the list', async () => {
    const { server, w, ben, host } = await room();
    const benSocket = await connect(server.url, w.id, ben.identityToken);
    await benSocket.emit('hand:set', { raised: true });
    const removed = await host.emit<Participant[]>('people:command', {
      type: 'participant:remove',
      identityId: ben.identityId,
    });
    expect(removed.ok && removed.value.map((p) => p.name)).toEqual(['Fiona', 'Anna']);
    await waitFor(() => !find(host.latest(), ben.identityId), 'Ben gone from the list');
  });

  it.each([
    ['a string for raised', { raised: 'yes' }],
    ['no payload', null],
    ['an array', [true]],
    ['a missing field', {}],
  ])('acknowledges %s with an error and changes nothing', async (_label, payload) => {
    const { server, w, anna, host } = await room();
    const annaSocket = await connect(server.url, w.id, anna.identityToken);
    const reply = await annaSocket.emit('hand:set', payload);
    expect(reply).toEqual({ ok: false, error: 'invalid payload: raised must be true or false' });
    expect(find(host.latest(), anna.identityId)?.handRaisedAt).toBeNull();
  });

  it('refuses hands from connections that did not join, and bad facilitator commands', async () => {
    const { server, w, host } = await room();
    const wall = await connect(server.url, w.id, w.tokens.projector);
    expect(await wall.emit('hand:set', { raised: true })).toEqual({
      ok: false,
      error: 'join the workshop to raise your hand',
    });
    expect(await host.emit('people:command', { type: 'hand:lower' })).toEqual({
      ok: false,
      error: 'invalid command',
    });
    expect(await host.emit('people:command', { type: 'hand:lower', identityId: 'nobody' })).toEqual(
      { ok: false, error: 'no such person in this workshop' },
    );
  });
});

describe('renaming oneself', () => {
  it('changes the name for everyone, and keeps it across a restart', async () => {
    const { server, w, anna, host, dataDir } = await room();
    const res = await me(server.url, w.id, anna.identityToken, {
      method: 'PATCH',
      body: JSON.stringify({ name: '  Anna Alpine ' }),
    });
    expect(res.status).toBe(200);
    expect(((await res.json()) as MeResponse).participant).toMatchObject({
      id: anna.identityId,
      name: 'Anna Alpine',
      organisation: "Anna's org",
    });
    await waitFor(
      () => find(host.latest(), anna.identityId)?.name === 'Anna Alpine',
      'the host to see the new name',
    );

    await server.close();
    servers.length = 0;
    const again = await startTestServer({ dataDir });
    servers.push(again);
    const mine = (await (await me(again.url, w.id, anna.identityToken)).json()) as MeResponse;
    expect(mine.participant?.name).toBe('Anna Alpine');
  });

  it('tells a workshop link it has no identity, and refuses bad renames', async () => {
    const { server, w, anna } = await room();
    const link = await me(server.url, w.id, w.tokens.participant);
    expect(link.status).toBe(200);
    expect(await link.json()).toEqual({ participant: null });

    const patch = (token: string, body: unknown) =>
      me(server.url, w.id, token, { method: 'PATCH', body: JSON.stringify(body) });
    expect((await patch(w.tokens.participant, { name: 'Link' })).status).toBe(409);
    expect((await patch('x'.repeat(43), { name: 'Nobody' })).status).toBe(401);
    for (const body of [{ name: '   ' }, { name: 42 }, { name: 'A'.repeat(81) }, {}]) {
      const res = await patch(anna.identityToken, body);
      expect(res.status).toBe(400);
      expect(await res.json()).toMatchObject({ field: 'name' });
    }
    const mine = (await (await me(server.url, w.id, anna.identityToken)).json()) as MeResponse;
    expect(mine.participant?.name).toBe('Anna');
  });
});
