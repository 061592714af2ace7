/**
 * Scale-out (issue 14): two server processes on one PostgreSQL and one Redis serve the same
 * workshop. Stock y-websocket clients on either process co-edit and see each other's presence; a
 * client that joins late, on either process, gets everything; when a process's link to Redis goes
 * silent and comes back, its clients still end up with every edit (resync from the database).
 */
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../server/app';
import type { Socket } from 'socket.io-client';
import type { ControlStateEvent } from '../../shared/control/events';
import type { Participant } from '../../shared/domain/identity';
import {
  createCapacity,
  createCard,
  listCapacities,
  listCards,
  listVoteResults,
} from '../../shared/doc';
import { connectSynced, type TestClient } from '../support/clients';
import {
  ask,
  commandOk,
  connectControl,
  joinAs,
  type ControlClient,
} from '../support/controlClients';
import { createTestSchema, postgresAvailable, type TestSchema } from '../support/postgres';
import { REDIS_URL, redisAvailable, testPrefix } from '../support/redis';
import { createWorkshop, startTestServer, waitFor } from '../support/server';
import { SilenceableProxy } from '../support/tcpProxy';

const ready = (await postgresAvailable()) && (await redisAvailable());

const servers: RunningServer[] = [];
const clients: TestClient[] = [];
const proxies: SilenceableProxy[] = [];
const schemas: TestSchema[] = [];
const sockets: Socket[] = [];

afterEach(async () => {
  for (const s of sockets.splice(0)) s.disconnect();
  for (const c of clients.splice(0)) c.destroy();
  await Promise.all(servers.splice(0).map((s) => s.close()));
  await Promise.all(proxies.splice(0).map((p) => p.close()));
});
afterAll(async () => {
  await Promise.all(schemas.map((s) => s.drop()));
});

/** Two processes sharing a database and a Redis prefix; `redisUrlB` lets B reach Redis another way. */
async function twoProcesses(redisUrlB = REDIS_URL): Promise<[RunningServer, RunningServer]> {
  const schema = await createTestSchema();
  schemas.push(schema);
  const redisPrefix = testPrefix();
  const a = await startTestServer({ databaseUrl: schema.url, redisUrl: REDIS_URL, redisPrefix });
  servers.push(a);
  const b = await startTestServer({ databaseUrl: schema.url, redisUrl: redisUrlB, redisPrefix });
  servers.push(b);
  return [a, b];
}

async function client(server: RunningServer, id: string, token: string): Promise<TestClient> {
  const c = await connectSynced(server.url, id, token);
  clients.push(c);
  return c;
}

async function control(server: RunningServer, id: string, token: string): Promise<ControlClient> {
  return connectControl(server.url, id, token, sockets);
}

/** The latest of an event a control client received (after `since` of them). */
function latest<T>(client: ControlClient, event: string): T | undefined {
  return client.seen.filter((e) => e.event === event).at(-1)?.args[0] as T | undefined;
}

const titles = (c: TestClient) =>
  listCards(c.doc)
    .map((card) => card.title)
    .sort();

describe.skipIf(!ready)('two server processes on PostgreSQL and Redis', () => {
  it('relays edits and presence between clients on different processes', async () => {
    const [a, b] = await twoProcesses();
    const w = await createWorkshop(a.url, 'Alpine cEDW on two processes');
    const anna = await client(a, w.id, w.tokens.participant);
    const ben = await client(b, w.id, w.tokens.facilitator);

    createCard(anna.doc, { title: 'from Anna on A' });
    createCard(ben.doc, { title: 'from Ben on B' });
    for (let i = 0; i < 10; i++) createCard(i % 2 ? anna.doc : ben.doc, { title: `card ${i}` });
    for (const c of [anna, ben]) await waitFor(() => titles(c).length === 12, 'all 12 cards');
    expect(titles(anna)).toEqual(titles(ben));

    anna.provider.awareness.setLocalStateField('user', { name: 'Anna' });
    await waitFor(
      () => [...ben.provider.awareness.getStates().values()].some((s) => s.user?.name === 'Anna'),
      "Anna's presence on B",
    );
    // Leaving is presence too: Ben on B stops seeing Anna when she closes her tab on A.
    const annaId = anna.provider.awareness.clientID;
    anna.destroy();
    clients.splice(clients.indexOf(anna), 1);
    await waitFor(() => !ben.provider.awareness.getStates().has(annaId), 'Anna gone on B');

    // Someone joining later, on either process, gets the whole board.
    const cleo = await client(a, w.id, w.tokens.participant);
    expect(titles(cleo)).toEqual(titles(ben));
    const dan = await client(b, w.id, w.tokens.participant);
    expect(titles(dan)).toEqual(titles(ben));
  });

  it("keeps a process's clients whole when its link to Redis goes silent and comes back", async () => {
    const redisPort = Number(new URL(REDIS_URL).port || 6379);
    const proxy = new SilenceableProxy(redisPort);
    proxies.push(proxy);
    const proxyPort = new URL(await proxy.listen()).port;
    const [a, b] = await twoProcesses(`redis://127.0.0.1:${proxyPort}`);
    const w = await createWorkshop(a.url, 'Flaky Redis');
    const anna = await client(a, w.id, w.tokens.participant);
    const ben = await client(b, w.id, w.tokens.participant);
    createCard(anna.doc, { title: 'before' });
    await waitFor(() => titles(ben).length === 1, 'the first card on B');

    // B hears nothing from Redis now; both processes keep storing what their clients send.
    proxy.goSilent();
    createCard(anna.doc, { title: 'while B was deaf (from A)' });
    createCard(ben.doc, { title: 'while B was deaf (from B)' });
    await new Promise((r) => setTimeout(r, 500));
    expect(titles(ben)).not.toContain('while B was deaf (from A)');

    // The link comes back: B reconnects, a gap is announced, both resync from the database.
    proxy.restore();
    for (const c of [anna, ben]) {
      await waitFor(() => titles(c).length === 3, 'every card on both processes', 10_000);
    }
    expect(titles(anna)).toEqual(titles(ben));
    await waitFor(() => b.bus.problem() === null, 'B ready again', 10_000);
    expect((await fetch(`${b.url}/readyz`)).status).toBe(200);
  });

  it('archives on A every edit B stored, even one the bus has not brought to A', async () => {
    const proxy = new SilenceableProxy(Number(new URL(REDIS_URL).port || 6379));
    proxies.push(proxy);
    const proxyPort = new URL(await proxy.listen()).port;
    const [a, b] = await twoProcesses(`redis://127.0.0.1:${proxyPort}`);
    const w = await createWorkshop(a.url, 'Archive on two processes');
    const host = await client(a, w.id, w.tokens.facilitator);
    const anna = await client(b, w.id, w.tokens.participant);
    proxy.goSilent(); // A hears nothing of B now
    createCapacity(anna.doc, { title: 'Stored on B only' });
    await waitFor(() => b.rooms.size === 1, 'B holding the room');
    await new Promise((r) => setTimeout(r, 300)); // stored by B, never published to A
    expect(listCapacities(host.doc)).toEqual([]);

    const archived = await fetch(`${a.url}/api/workshops/${w.id}/archive`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${w.tokens.facilitator}`,
        'content-type': 'application/json',
      },
      body: '{}',
    });
    expect(archived.status).toBe(201);
    const record = await fetch(`${a.url}/api/workshops/${w.id}/record`, {
      headers: { authorization: `Bearer ${w.tokens.facilitator}` },
    });
    expect(JSON.stringify(await record.json())).toContain('Stored on B only');
  });

  it('says so in /readyz (readiness) while the Redis link is down', async () => {
    const proxy = new SilenceableProxy(Number(new URL(REDIS_URL).port || 6379));
    proxies.push(proxy);
    const proxyPort = new URL(await proxy.listen()).port;
    const [, b] = await twoProcesses(`redis://127.0.0.1:${proxyPort}`);
    expect((await fetch(`${b.url}/readyz`)).status).toBe(200);
    await proxy.close(); // Redis unreachable from B: its connections drop, reconnects are refused
    await waitFor(() => b.bus.problem() !== null, 'B to notice', 5_000);
    const health = await fetch(`${b.url}/readyz`);
    expect(health.status).toBe(503);
    expect(await health.json()).toEqual({ ok: false, error: 'Redis is unreachable' });
  });

  it('carries the control plane across processes: locks enforced, the timer, votes, hands, presence and removal', async () => {
    const [a, b] = await twoProcesses();
    const w = await createWorkshop(a.url, 'Control plane on two processes', 'cedw');
    const fiona = await control(a, w.id, w.tokens.facilitator); // facilitator on A
    const annaJoined = await joinAs(b.url, w, { name: 'Anna', helix: 'research' });
    const benJoined = await joinAs(a.url, w, { name: 'Ben', helix: 'business' });
    const anna = await control(b, w.id, annaJoined.identityToken); // participant on B
    const ben = await control(a, w.id, benJoined.identityToken); // participant on A
    const annaDoc = await client(b, w.id, annaJoined.identityToken);
    const host = await client(a, w.id, w.tokens.facilitator);

    // Who is online is the whole cluster's: Fiona on A sees Anna, who is connected to B.
    const online = (c: ControlClient) =>
      (latest<Participant[]>(c, 'participants') ?? []).filter((p) => p.online).map((p) => p.name);
    await waitFor(() => online(fiona).sort().join() === 'Anna,Ben', 'Anna and Ben online on A');
    await waitFor(() => online(anna).sort().join() === 'Anna,Ben', 'Anna and Ben online on B');

    // A lock and a timer set on A reach Anna on B, and B enforces the lock.
    await commandOk(fiona, { type: 'lock:set', target: 'capacity-map', locked: true });
    await commandOk(fiona, { type: 'timer:start', durationMs: 5 * 60_000 });
    await waitFor(() => {
      const state = latest<ControlStateEvent>(anna, 'control:state')?.state;
      return Boolean(
        state?.locks.boards.includes('capacity-map') && state.timer.status === 'running',
      );
    }, 'the lock and the timer on B');
    createCapacity(annaDoc.doc, { title: 'written on B while locked' });
    await waitFor(() => annaDoc.closeCodes.includes(4423), 'B refusing the locked board');
    await new Promise((r) => setTimeout(r, 300));
    expect(listCapacities(host.doc).map((c) => c.title)).toEqual([]);
    // (That client would send its refused edit again at each reconnection: a new one reads on.)
    annaDoc.destroy();
    clients.splice(clients.indexOf(annaDoc), 1);
    const annaReader = await client(b, w.id, annaJoined.identityToken);

    // A hand raised on B is in the list A sends.
    expect((await ask(anna, 'hand:set', { raised: true })).ok).toBe(true);
    await waitFor(
      () =>
        latest<Participant[]>(ben, 'participants')?.find((p) => p.name === 'Anna')?.handRaisedAt !=
        null,
      "Anna's hand on A",
    );

    // A vote opened on A, dots cast on B and on A, revealed on A: every ballot counted once.
    const opened = await commandOk(fiona, {
      type: 'vote:open',
      title: 'Which first?',
      cardIds: ['act-1', 'act-2'],
      budget: 2,
      maxPerCard: 2,
    });
    const voteId = opened.vote!.id;
    await waitFor(
      () => latest<ControlStateEvent>(anna, 'control:state')?.state.vote?.id === voteId,
      'the vote on B',
    );
    for (const cardId of ['act-1', 'act-1']) {
      expect((await ask(anna, 'vote:cast', { voteId, cardId, delta: 1 })).ok).toBe(true);
    }
    expect((await ask(ben, 'vote:cast', { voteId, cardId: 'act-2', delta: 1 })).ok).toBe(true);
    await commandOk(fiona, { type: 'vote:reveal' });
    await waitFor(() => listVoteResults(annaReader.doc).length === 1, 'the result in the doc on B');
    const result = listVoteResults(annaReader.doc)[0]!;
    expect(result.voters).toBe(2);
    expect(Object.fromEntries(result.cards.map((c) => [c.cardId, c.total]))).toEqual({
      'act-1': 2,
      'act-2': 1,
    });

    // Removing Anna on A closes her connections on B, the doc's and the control plane's.
    await ask(fiona, 'people:command', {
      type: 'participant:remove',
      identityId: annaJoined.identityId,
    });
    await waitFor(() => anna.seen.some((e) => e.event === 'removed'), 'Anna told on B');
    await waitFor(() => annaReader.closeCodes.length > 0, 'her doc connection on B closed');
    await waitFor(() => !online(fiona).includes('Anna'), 'Anna no longer listed on A');
  });
});
