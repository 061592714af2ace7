/**
 * Issue 9's findings on the sync socket, each tried as an attacker would with stock clients and raw
 * sockets against the real server: one participant must never stop a workshop or the server.
 */
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { RunningServer } from '../../server/app';
import {
  addRegion,
  createCapacity,
  createCard,
  getCard,
  listCapacities,
  listCards,
  listRegions,
} from '../../shared/doc';
import { startChildServer, type ChildServer } from '../support/childServer';
import {
  awarenessMessage,
  connectClient,
  connectSynced,
  rawSocket,
  replicaOf,
  syncUpdateMessage,
  type RawSocket,
  type TestClient,
} from '../support/clients';
import { ask, command, connectControl, joinAs } from '../support/controlClients';
import { createWorkshop, startTestServer, tempDataDir, waitFor, wsBase } from '../support/server';
import type { Socket } from 'socket.io-client';

const servers: RunningServer[] = [];
const children: ChildServer[] = [];
const clients: TestClient[] = [];
const raws: RawSocket[] = [];
const sockets: Socket[] = [];
afterEach(async () => {
  for (const c of clients.splice(0)) c.destroy();
  for (const r of raws.splice(0)) r.socket.terminate();
  for (const s of sockets.splice(0)) s.disconnect();
  for (const s of servers.splice(0)) await s.close();
  for (const c of children.splice(0)) await c.kill('SIGKILL');
});

async function openRaw(url: string, workshopId: string, token: string): Promise<RawSocket> {
  const raw = rawSocket(`${wsBase(url)}/${workshopId}?token=${token}`);
  raws.push(raw);
  await raw.opened;
  return raw;
}

/** Answers within `ms`, or null: a frozen event loop never answers. */
async function healthWithin(
  url: string,
  ms: number,
  path: '/healthz' | '/readyz' = '/healthz',
): Promise<number | null> {
  try {
    const res = await fetch(`${url}${path}`, { signal: AbortSignal.timeout(ms) });
    return res.status;
  } catch {
    return null;
  }
}

/** The name in a presence state ({user: {name}}), if any. */
const nameOf = (state: unknown): unknown =>
  (state as { user?: { name?: unknown } } | null | undefined)?.user?.name;

const storedCards = (s: RunningServer, workshopId: string) =>
  s.rooms.withDocument(workshopId, (doc) => listCards(doc).map((c) => c.title));

describe('finding 1: one participant freezes the whole process', () => {
  it('keeps serving after a valid and a malformed update in one write, alone in the room', async () => {
    const child = await startChildServer({ DATA_DIR: tempDataDir(), ROOM_IDLE_MS: '100' });
    children.push(child);
    const w = await createWorkshop(child.url);
    const seed = await connectSynced(child.url, w.id, w.tokens.participant);
    const replica = replicaOf(seed.doc);
    seed.destroy();

    const bad = await openRaw(child.url, w.id, w.tokens.participant);
    const valid = replica.edit((d) => createCard(d, { title: 'valid' }));
    const broken = replica.edit((d) => createCard(d, { title: 'broken' }));
    // Its delete set cut off: Yjs would integrate the card, then throw reading the rest.
    bad.socket.send(syncUpdateMessage(valid));
    bad.socket.send(syncUpdateMessage(broken.slice(0, -1)));
    expect((await bad.closed).code).toBe(4400);

    // The last socket left: the room compacts and unloads. The process must still answer.
    await new Promise((r) => setTimeout(r, 500));
    expect(await healthWithin(child.url, 3000)).toBe(200);
    const late = await connectSynced(child.url, w.id, w.tokens.participant);
    clients.push(late);
    await waitFor(() => listCards(late.doc).length > 0, 'the valid card');
    expect(listCards(late.doc).map((c) => c.title)).toEqual(['valid']);
  });

  it('ends every wait on a room whose storage failed', async () => {
    const s = await startTestServer();
    servers.push(s);
    const w = await createWorkshop(s.url);
    const room = await s.rooms.acquire(w.id);
    const writer = await connectSynced(s.url, w.id, w.tokens.participant);
    clients.push(writer);
    await s.storage.close(); // every write fails from now on
    createCard(writer.doc, { title: 'lost with the disk' });
    await waitFor(() => room.isFailed, 'the room to fail');
    createCard(room.doc, { title: 'queued after the failure' });
    const settled = await Promise.race([
      room.whenPersisted().then(() => 'settled'),
      new Promise((r) => setTimeout(() => r('hung'), 2000)),
    ]);
    expect(settled).toBe('settled');
    await expect(room.compactNow()).resolves.toBeUndefined();
    // Not ready (its database takes no writes), though alive.
    expect(await healthWithin(s.url, 2000, '/readyz')).toBe(503);
    expect(await healthWithin(s.url, 2000)).toBe(200);
  });
});

describe('the log says who, never with what token', () => {
  it('names the workshop, role, identity and address of a refused connection', async () => {
    const child = await startChildServer({ DATA_DIR: tempDataDir() });
    children.push(child);
    const w = await createWorkshop(child.url);
    const person = await joinAs(child.url, w, { name: 'Mallory' });
    const bad = await openRaw(child.url, w.id, person.identityToken);
    bad.socket.send(syncUpdateMessage(new Uint8Array([5, 200, 1, 7, 9, 9, 9, 9])));
    expect((await bad.closed).code).toBe(4400);
    await new Promise((r) => setTimeout(r, 200));
    const refusal = child
      .output()
      .split('\n')
      .find((line) => line.includes('refused a client message'));
    expect(refusal).toBeDefined();
    expect(JSON.parse(refusal!)).toMatchObject({
      workshopId: w.id,
      role: 'participant',
      identityId: person.identityId,
      ip: expect.stringMatching(/127\.0\.0\.1/),
      code: 4400,
    });
    for (const token of [person.identityToken, ...Object.values(w.tokens)]) {
      expect(child.output()).not.toContain(token);
    }
  });
});

describe('finding 2: a malformed update drops the whole room', () => {
  it('closes only the sender with 4400; honest editors stay connected and in sync', async () => {
    const s = await startTestServer();
    servers.push(s);
    const w = await createWorkshop(s.url);
    const honest = await Promise.all(
      [1, 2, 3].map(() => connectSynced(s.url, w.id, w.tokens.participant)),
    );
    clients.push(...honest);
    const replica = replicaOf(honest[0]!.doc);
    for (let i = 0; i < 10; i++) {
      const bad = await openRaw(s.url, w.id, w.tokens.participant);
      const broken = replica.edit((d) => createCard(d, { title: `attack ${i}` }));
      bad.socket.send(syncUpdateMessage(broken.slice(0, -1)));
      expect((await bad.closed).code).toBe(4400);
      createCard(honest[i % 3]!.doc, { title: `honest ${i}` });
    }
    for (const client of honest) {
      await waitFor(() => listCards(client.doc).length === 10, 'every honest card everywhere');
      expect(client.closeCodes).toEqual([]);
    }
    expect((await storedCards(s, w.id)).sort()).toEqual(
      Array.from({ length: 10 }, (_, i) => `honest ${i}`).sort(),
    );
  });

  it('refuses an update that builds on changes the server never saw', async () => {
    const s = await startTestServer();
    servers.push(s);
    const w = await createWorkshop(s.url);
    const seed = await connectSynced(s.url, w.id, w.tokens.participant);
    clients.push(seed);
    const replica = replicaOf(seed.doc);
    replica.edit((d) => createCard(d, { title: 'never sent' }));
    const second = replica.edit((d) => createCard(d, { title: 'sent alone' }));
    const bad = await openRaw(s.url, w.id, w.tokens.participant);
    bad.socket.send(syncUpdateMessage(second));
    expect((await bad.closed).code).toBe(4400);
    expect(await storedCards(s, w.id)).toEqual([]);
  });
});

describe('finding 3 (sync side): meta is the facilitator’s', () => {
  it('refuses a participant’s write to meta with 4423 and keeps the facilitator’s', async () => {
    const s = await startTestServer();
    servers.push(s);
    const w = await createWorkshop(s.url, 'Alpine EDW');
    const participant = await connectSynced(s.url, w.id, w.tokens.participant);
    const facilitator = await connectSynced(s.url, w.id, w.tokens.facilitator);
    clients.push(participant, facilitator);
    participant.doc.getMap('meta').set('createdAt', -1e15);
    await waitFor(() => participant.closeCodes.includes(4423), 'the refusal');
    const other = await connectSynced(s.url, w.id, w.tokens.participant);
    clients.push(other);
    other.doc.getMap('meta').delete('workshopId');
    await waitFor(() => other.closeCodes.includes(4423), 'the second refusal');

    facilitator.doc.getMap('meta').set('title', 'Alpine EDW, day 2');
    const room = await s.rooms.acquire(w.id);
    await waitFor(() => room.doc.getMap('meta').get('title') === 'Alpine EDW, day 2', 'the title');
    const meta = await s.rooms.withDocument(w.id, (doc) => doc.getMap('meta').toJSON());
    expect(meta.workshopId).toBe(w.id);
    expect(meta.createdAt).toBeGreaterThan(0);
    expect(facilitator.closeCodes).toEqual([]);
  });
});

describe('vote results are the server’s, regions the facilitator’s', () => {
  it('refuses a forged vote result from any client, and a participant’s region', async () => {
    const s = await startTestServer();
    servers.push(s);
    const w = await createWorkshop(s.url);
    const participant = await connectSynced(s.url, w.id, w.tokens.participant);
    const facilitator = await connectSynced(s.url, w.id, w.tokens.facilitator);
    clients.push(participant, facilitator);
    const forged = { voteId: 'forged', cards: [{ cardId: 'x', dots: 999 }], revealedAt: 1 };
    participant.doc.getMap('voteResults').set('forged', forged);
    await waitFor(() => participant.closeCodes.includes(4423), 'the participant’s refusal');
    facilitator.doc.getMap('voteResults').set('forged', forged);
    await waitFor(() => facilitator.closeCodes.includes(4423), 'the facilitator’s refusal');

    const other = await connectSynced(s.url, w.id, w.tokens.participant);
    clients.push(other);
    addRegion(other.doc, { name: 'Tyrol', country: 'AT', nuts: 'AT33' });
    await waitFor(() => other.closeCodes.includes(4423), 'the region refusal');
    const host = await connectSynced(s.url, w.id, w.tokens.facilitator);
    clients.push(host);
    addRegion(host.doc, { name: 'Carinthia', country: 'AT', nuts: 'AT21' });
    const room = await s.rooms.acquire(w.id);
    await waitFor(() => listRegions(room.doc).length === 1, 'the facilitator’s region');

    const stored = await s.rooms.withDocument(w.id, (doc) => ({
      votes: doc.getMap('voteResults').size,
      regions: listRegions(doc).map((r) => r.name),
    }));
    expect(stored).toEqual({ votes: 0, regions: ['Carinthia'] });
    expect(host.closeCodes).toEqual([]);
  });

  it('refuses questionnaire answers written by any client (the server reveals them)', async () => {
    const s = await startTestServer();
    servers.push(s);
    const w = await createWorkshop(s.url, 'Self-assessment', 'self-assessment');
    const participant = await connectSynced(s.url, w.id, w.tokens.participant);
    const facilitator = await connectSynced(s.url, w.id, w.tokens.facilitator);
    clients.push(participant, facilitator);
    participant.doc.getMap('questionnaires').set('forged', new Y.Map());
    await waitFor(() => participant.closeCodes.includes(4423), 'the participant’s refusal');
    facilitator.doc.getMap('questionnaires').set('forged', new Y.Map());
    await waitFor(() => facilitator.closeCodes.includes(4423), 'the facilitator’s refusal');
    const stored = await s.rooms.withDocument(w.id, (doc) => doc.getMap('questionnaires').size);
    expect(stored).toBe(0);
  });
});

describe('finding 4: board locks cannot be bypassed', () => {
  async function lockedCapacityMap() {
    const s = await startTestServer();
    servers.push(s);
    const w = await createWorkshop(s.url);
    const facilitator = await connectControl(s.url, w.id, w.tokens.facilitator, sockets);
    const reply = await command(facilitator, {
      type: 'lock:set',
      target: 'capacity-map',
      locked: true,
    });
    expect(reply.ok).toBe(true);
    return { s, w };
  }

  it('refuses a capacity card created under another board id', async () => {
    const { s, w } = await lockedCapacityMap();
    const participant = await connectSynced(s.url, w.id, w.tokens.participant);
    clients.push(participant);
    participant.doc.transact(() => {
      const card = new Y.Map<unknown>();
      card.set('id', 'smuggled');
      card.set('type', 'capacity');
      card.set('boardId', 'board');
      card.set('title', new Y.Text('smuggled onto the locked map'));
      participant.doc.getMap('cards').set('smuggled', card);
    });
    await waitFor(() => participant.closeCodes.includes(4423), 'the refusal');
    expect(await s.rooms.withDocument(w.id, (doc) => listCapacities(doc).length)).toBe(0);
  });

  it('refuses moving a card onto the locked board in a second update', async () => {
    const { s, w } = await lockedCapacityMap();
    const participant = await connectSynced(s.url, w.id, w.tokens.participant);
    clients.push(participant);
    const id = createCard(participant.doc, { title: 'a note on an open board' });
    await waitFor(() => participant.provider.synced, 'sync');
    await new Promise((r) => setTimeout(r, 100));
    expect(await storedCards(s, w.id)).toEqual(['a note on an open board']);
    getCard(participant.doc, id)!.set('boardId', 'capacity-map');
    await waitFor(() => participant.closeCodes.includes(4423), 'the refusal');
    const boards = await s.rooms.withDocument(w.id, (doc) => listCards(doc).map((c) => c.boardId));
    expect(boards).toEqual(['board']);
  });

  it('refuses re-typing a card into a locked board', async () => {
    const { s, w } = await lockedCapacityMap();
    const participant = await connectSynced(s.url, w.id, w.tokens.participant);
    clients.push(participant);
    const id = createCard(participant.doc, { title: 'will be re-typed' });
    await new Promise((r) => setTimeout(r, 100));
    getCard(participant.doc, id)!.set('type', 'capacity');
    await waitFor(() => participant.closeCodes.includes(4423), 'the refusal');
    expect(await s.rooms.withDocument(w.id, (doc) => listCapacities(doc).length)).toBe(0);
  });
});

describe('finding 5: resource limits', () => {
  it('refuses participants’ growing edits past MAX_DOCUMENT_BYTES with 4413; facilitators and deletes go on', async () => {
    const s = await startTestServer({ maxDocumentBytes: 64 * 1024, maxMessageBytes: 64 * 1024 });
    servers.push(s);
    const w = await createWorkshop(s.url);
    const participant = await connectSynced(s.url, w.id, w.tokens.participant);
    clients.push(participant);
    const chunk = 'x'.repeat(400);
    const ids: string[] = [];
    for (let i = 0; i < 400 && !participant.closeCodes.includes(4413); i++) {
      ids.push(createCard(participant.doc, { title: `${i} ${chunk}` }));
      await new Promise((r) => setTimeout(r, 2));
    }
    await waitFor(() => participant.closeCodes.includes(4413), 'the workshop-full close code');
    const room = await s.rooms.acquire(w.id);
    expect(room.size).toBeLessThanOrEqual(64 * 1024);

    const facilitator = await connectSynced(s.url, w.id, w.tokens.facilitator);
    clients.push(facilitator);
    createCard(facilitator.doc, { title: 'the facilitator can still write' });
    await waitFor(
      () => room.doc.getMap('cards').size === listCards(facilitator.doc).length,
      'the facilitator’s card',
    );
    expect((await storedCards(s, w.id)).includes('the facilitator can still write')).toBe(true);

    // A participant may still delete (it only shrinks the workshop).
    const cleaner = await connectSynced(s.url, w.id, w.tokens.participant);
    clients.push(cleaner);
    const before = listCards(cleaner.doc).length;
    const first = listCards(cleaner.doc)[0]!.id;
    cleaner.doc.getMap('cards').delete(first);
    await waitFor(() => room.doc.getMap('cards').size === before - 1, 'the delete');
    expect(cleaner.closeCodes).toEqual([]);
  });

  it('stops a facilitator’s growing edits at twice MAX_DOCUMENT_BYTES, so disk use stays bounded', async () => {
    const s = await startTestServer({ maxDocumentBytes: 64 * 1024, maxMessageBytes: 64 * 1024 });
    servers.push(s);
    const w = await createWorkshop(s.url);
    const facilitator = await connectSynced(s.url, w.id, w.tokens.facilitator);
    clients.push(facilitator);
    const chunk = 'y'.repeat(2000);
    for (let i = 0; i < 200 && !facilitator.closeCodes.includes(4413); i++) {
      createCard(facilitator.doc, { title: `${i} ${chunk}`.slice(0, 500) });
      facilitator.doc.getMap('cards').set(`blob${i}`, chunk);
      await new Promise((r) => setTimeout(r, 2));
    }
    await waitFor(() => facilitator.closeCodes.includes(4413), 'the workshop-full close code');
    const room = await s.rooms.acquire(w.id);
    expect(room.size).toBeGreaterThan(64 * 1024);
    // Checked against the incoming update; Yjs stores its own encoding of it, a few bytes apart.
    expect(room.size).toBeLessThanOrEqual(2 * 64 * 1024 + 256);
  });

  it('closes the connection past MAX_CONNECTIONS_PER_WORKSHOP and past MAX_CONNECTIONS_PER_IP with 4429', async () => {
    const s = await startTestServer({ maxConnectionsPerWorkshop: 3, maxConnectionsPerIp: 5 });
    servers.push(s);
    const a = await createWorkshop(s.url);
    const b = await createWorkshop(s.url);
    const inA = await Promise.all([1, 2, 3].map(() => openRaw(s.url, a.id, a.tokens.participant)));
    const extra = await openRaw(s.url, a.id, a.tokens.participant);
    expect((await extra.closed).code).toBe(4429);
    const inB = await Promise.all([1, 2].map(() => openRaw(s.url, b.id, b.tokens.participant)));
    const overIp = await openRaw(s.url, b.id, b.tokens.participant);
    expect((await overIp.closed).code).toBe(4429);
    expect([...inA, ...inB].every((r) => r.socket.readyState === r.socket.OPEN)).toBe(true);
    // A closed connection frees its place.
    inA[0]!.socket.close();
    await inA[0]!.closed;
    await new Promise((r) => setTimeout(r, 50));
    const again = await openRaw(s.url, a.id, a.tokens.participant);
    await new Promise((r) => setTimeout(r, 200));
    expect(again.socket.readyState).toBe(again.socket.OPEN);
  });

  it('defaults MAX_MESSAGE_BYTES to 2 MiB: a 3 MiB message closes its socket with 1009', async () => {
    const s = await startTestServer();
    servers.push(s);
    const w = await createWorkshop(s.url);
    const bad = await openRaw(s.url, w.id, w.tokens.participant);
    bad.socket.send(new Uint8Array(3 * 1024 * 1024));
    expect((await bad.closed).code).toBe(1009);
  });
});

describe('finding 6: presence spoofing', () => {
  it('drops presence for ids another connection owns, and caps ids per connection', async () => {
    const s = await startTestServer();
    servers.push(s);
    const w = await createWorkshop(s.url);
    const victim = await connectSynced(s.url, w.id, w.tokens.participant);
    const watcher = await connectSynced(s.url, w.id, w.tokens.participant);
    clients.push(victim, watcher);
    victim.provider.awareness.setLocalStateField('user', { name: 'Ana' });
    const victimId = victim.doc.clientID;
    await waitFor(
      () => nameOf(watcher.provider.awareness.getStates().get(victimId)) === 'Ana',
      'the victim’s presence',
    );

    const attacker = await openRaw(s.url, w.id, w.tokens.participant);
    attacker.socket.send(
      awarenessMessage([{ clientId: victimId, clock: 1000, state: { user: { name: 'Spoof' } } }]),
    );
    attacker.socket.send(
      awarenessMessage(
        Array.from({ length: 200 }, (_, i) => ({
          clientId: 900_000 + i,
          clock: 1,
          state: { user: { name: `phantom ${i}` } },
        })),
      ),
    );
    await waitFor(
      () => watcher.provider.awareness.getStates().size > 2,
      'the attacker’s own ids to arrive',
    );
    await new Promise((r) => setTimeout(r, 300));
    const names = (states: Map<number, unknown>) => [...states.values()].map(nameOf);
    expect(nameOf(victim.provider.awareness.getLocalState())).toBe('Ana');
    expect(names(watcher.provider.awareness.getStates())).not.toContain('Spoof');
    const phantoms = names(watcher.provider.awareness.getStates()).filter((n) =>
      String(n).startsWith('phantom'),
    );
    expect(phantoms.length).toBeLessThanOrEqual(4);
    expect(attacker.socket.readyState).toBe(attacker.socket.OPEN); // dropped, not closed

    // When the attacker leaves, its ids go; the victim's stay.
    attacker.socket.close();
    await waitFor(
      () => watcher.provider.awareness.getStates().size === 2,
      'the attacker’s presence to go',
    );
  });

  it('throttles a presence flood without closing the connection; the latest state arrives', async () => {
    const s = await startTestServer({ presencePerSecond: 5 });
    servers.push(s);
    const w = await createWorkshop(s.url);
    const watcher = await connectSynced(s.url, w.id, w.tokens.participant);
    clients.push(watcher);
    let received = 0;
    watcher.provider.awareness.on('change', () => received++);
    const flooder = await openRaw(s.url, w.id, w.tokens.participant);
    // 50 updates over half a second: relayed one by one, the watcher would see ~50 changes.
    for (let clock = 1; clock <= 50; clock++) {
      flooder.socket.send(awarenessMessage([{ clientId: 4242, clock, state: { n: clock } }]));
      await new Promise((r) => setTimeout(r, 10));
    }
    await waitFor(
      () =>
        (watcher.provider.awareness.getStates().get(4242) as { n?: number } | undefined)?.n === 50,
      'the latest presence',
      5000,
    );
    expect(received).toBeLessThan(15);
    expect(flooder.socket.readyState).toBe(flooder.socket.OPEN);
  });
});

describe('finding 8: keep-alive', () => {
  it('keeps a stock client alone in a workshop connected past its 30 s silence timeout', async () => {
    const s = await startTestServer();
    servers.push(s);
    const w = await createWorkshop(s.url);
    const alone = connectClient(s.url, w.id, w.tokens.participant);
    clients.push(alone);
    await waitFor(() => alone.provider.synced, 'sync');
    // The provider drops a silent socket itself (no close code): watch its status instead.
    const drops: string[] = [];
    alone.provider.on('status', ({ status }) => {
      if (status !== 'connected') drops.push(status);
    });
    await new Promise((r) => setTimeout(r, 36_000));
    expect(drops).toEqual([]);
    expect(alone.provider.wsconnected).toBe(true);
  }, 45_000);
});

describe('a co-facilitator', () => {
  it('cannot remove themselves, and once removed is closed out like anyone', async () => {
    const s = await startTestServer();
    servers.push(s);
    const w = await createWorkshop(s.url);
    const host = await connectControl(s.url, w.id, w.tokens.facilitator, sockets);
    const ana = await joinAs(s.url, w, { name: 'Ana' });
    const promoted = await ask(host, 'people:command', {
      type: 'participant:promote',
      identityId: ana.identityId,
    });
    expect(promoted.ok).toBe(true);
    const anaControl = await connectControl(s.url, w.id, ana.identityToken, sockets);
    const self = await ask(anaControl, 'people:command', {
      type: 'participant:remove',
      identityId: ana.identityId,
    });
    expect(self).toEqual({ ok: false, error: 'you cannot remove yourself' });

    const anaSync = await connectSynced(s.url, w.id, ana.identityToken);
    clients.push(anaSync);
    const removed = await ask(host, 'people:command', {
      type: 'participant:remove',
      identityId: ana.identityId,
    });
    expect(removed.ok).toBe(true);
    await waitFor(() => anaSync.closeCodes.includes(4403), 'her sync connection to close');
    const res = await fetch(`${s.url}/api/workshops/${w.id}`, {
      headers: { authorization: `Bearer ${ana.identityToken}` },
    });
    expect(res.status).toBe(401);
  });
});

describe('isolation', () => {
  it('keeps other workshops editing while one is attacked', async () => {
    const s = await startTestServer();
    servers.push(s);
    const attacked = await createWorkshop(s.url);
    const quiet = await createWorkshop(s.url);
    const a = await connectSynced(s.url, quiet.id, quiet.tokens.participant);
    const b = await connectSynced(s.url, quiet.id, quiet.tokens.participant);
    clients.push(a, b);
    const victim = await connectSynced(s.url, attacked.id, attacked.tokens.participant);
    clients.push(victim);
    const replica = replicaOf(victim.doc);
    for (let i = 0; i < 5; i++) {
      const bad = await openRaw(s.url, attacked.id, attacked.tokens.participant);
      bad.socket.send(syncUpdateMessage(replica.edit((d) => createCapacity(d, {})).slice(0, -1)));
      createCard(a.doc, { title: `quiet ${i}` });
    }
    await waitFor(() => listCards(b.doc).length === 5, 'the quiet workshop to keep syncing');
    expect(victim.closeCodes).toEqual([]);
  });
});
