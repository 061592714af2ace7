/**
 * Scale-out under failure (issue 14): processes on one PostgreSQL and one Redis, stock y-websocket
 * clients on each making cards a few times a second.
 *
 * kill -9 of a process: its clients do what a browser behind a balancer does (the socket drops,
 * the next connection lands on a live process, and the provider's sync sends what the new server
 * lacks), one of its clients is lost with it (a laptop closed at the same moment). Afterwards every
 * surviving client holds the same cards, every card a survivor made is there, and a process started
 * later reads exactly that from the database: so nothing a client ever received (through the dead
 * process, the bus or the survivor) was left undurable.
 *
 * Redis killed and restarted mid-session (a private redis-server): readiness says 503 while it is
 * down and 200 once both processes are back; the processes reconnect, resubscribe and resync from
 * the database; all clients converge on what the database holds.
 */
import { WebsocketProvider } from 'y-websocket';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../server/app';
import { createLogger } from '../../server/log';
import { PostgresStorage } from '../../server/storage/postgres/postgresStorage';
import { createCard, listCards } from '../../shared/doc';
import { randomId } from '../../shared/ids';
import { startChildServer, type ChildServer } from '../support/childServer';
import { createTestSchema, postgresAvailable, type TestSchema } from '../support/postgres';
import {
  redisServerInstalled,
  startPrivateRedis,
  type PrivateRedis,
} from '../support/privateRedis';
import { REDIS_URL, redisAvailable, testPrefix } from '../support/redis';
import {
  createWorkshop,
  startTestServer,
  tempDataDir,
  TEST_LIMITS,
  waitFor,
  wsBase,
} from '../support/server';

const ready = (await postgresAvailable()) && (await redisAvailable());
if (ready && !redisServerInstalled()) {
  const message = 'redis-server is not installed: the Redis restart test cannot start its own';
  if (process.env.CI === 'true') throw new Error(message);
  console.warn(`${message}; skipping it`);
}

const children: ChildServer[] = [];
const servers: RunningServer[] = [];
const editors: Editor[] = [];
const redises: PrivateRedis[] = [];
const schemas: TestSchema[] = [];

/** Child processes still starting (so a failed test's cleanup waits for them, then kills them). */
const starting: Promise<unknown>[] = [];

afterEach(async () => {
  for (const e of editors.splice(0)) e.destroy();
  await Promise.allSettled(starting.splice(0));
  await Promise.all(children.splice(0).map((c) => c.kill('SIGKILL')));
  await Promise.all(servers.splice(0).map((s) => s.close()));
  await Promise.all(redises.splice(0).map((r) => r.stop()));
});
afterAll(async () => {
  await Promise.all(schemas.map((s) => s.drop()));
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * A client that keeps its Y.Doc across connections, like a browser tab: a y-websocket provider
 * cannot change its URL, so `moveTo` ends the old provider and opens a new one on the same doc
 * (and the provider's sync then sends the new server whatever it lacks, unacknowledged edits too).
 */
class Editor {
  readonly doc = new Y.Doc();
  provider: WebsocketProvider;
  /** Ids of the cards this client made. */
  readonly made: string[] = [];
  /** Closes with a code of ours (4xxx): the server refused something of this client. */
  readonly refusals: string[] = [];
  private timer: NodeJS.Timeout | null = null;
  private destroyed = false;

  constructor(
    readonly name: string,
    private baseUrl: string,
    private readonly workshopId: string,
    private readonly token: string,
  ) {
    this.provider = this.connect();
  }

  private connect(): WebsocketProvider {
    const provider = new WebsocketProvider(wsBase(this.baseUrl), this.workshopId, this.doc, {
      params: { token: this.token },
      WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
      disableBc: true,
      maxBackoffTime: 200,
    });
    provider.on('connection-close', (event) => {
      if (event && event.code >= 4000) this.refusals.push(`${event.code} ${event.reason}`);
    });
    return provider;
  }

  whenSynced(): Promise<void> {
    return waitFor(() => this.provider.synced, `${this.name} to sync`, 10_000);
  }

  /** Starts making a card about every `everyMs` (± a quarter), whether connected or not. */
  startEditing(everyMs = 250): void {
    const next = () => {
      this.timer = setTimeout(
        () => {
          if (this.destroyed) return;
          this.made.push(createCard(this.doc, { title: `${this.name} #${this.made.length}` }));
          next();
        },
        everyMs * (0.75 + Math.random() / 2),
      );
    };
    next();
  }

  stopEditing(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  /**
   * What a balancer does for a tab whose process died: the next connection goes elsewhere. The
   * person is typing: an edit made the moment the new socket opens goes out before the provider
   * has answered the server's sync step 1 (it builds on offline edits only that answer brings).
   */
  moveTo(baseUrl: string): void {
    const old = this.provider;
    old.destroy();
    old.awareness.destroy();
    this.baseUrl = baseUrl;
    const provider = this.connect();
    const typeAtOnce = ({ status }: { status: string }) => {
      if (status !== 'connected') return;
      provider.off('status', typeAtOnce);
      this.made.push(createCard(this.doc, { title: `${this.name} #${this.made.length} (typed)` }));
    };
    provider.on('status', typeAtOnce);
    this.provider = provider;
  }

  cardIds(): Set<string> {
    return new Set(listCards(this.doc).map((c) => c.id));
  }

  destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    this.stopEditing();
    this.doc.clientID = this.provider.awareness.clientID; // see tests/support/clients.ts
    this.provider.destroy();
    this.doc.destroy();
  }
}

async function editor(name: string, baseUrl: string, workshopId: string, token: string) {
  const e = new Editor(name, baseUrl, workshopId, token);
  editors.push(e);
  await e.whenSynced();
  return e;
}

/** The cards a fresh client on `baseUrl` gets (a process that never saw the session: storage). */
async function storedCards(baseUrl: string, workshopId: string, token: string) {
  const reader = await editor('reader', baseUrl, workshopId, token);
  const ids = reader.cardIds();
  reader.destroy();
  return ids;
}

/** The cards in the database right now, read with the server's own storage code. */
async function databaseCards(databaseUrl: string, workshopId: string): Promise<Set<string>> {
  const storage = await PostgresStorage.open({ url: databaseUrl, log: createLogger('silent') });
  const doc = new Y.Doc();
  try {
    const stored = await storage.loadDocument(workshopId);
    if (stored.snapshot) Y.applyUpdate(doc, stored.snapshot);
    for (const update of stored.updates) Y.applyUpdate(doc, update);
    return new Set(listCards(doc).map((c) => c.id));
  } finally {
    doc.destroy();
    await storage.close();
  }
}

const union = (sets: Iterable<Iterable<string>>) => {
  const out = new Set<string>();
  for (const s of sets) for (const id of s) out.add(id);
  return out;
};
const missing = (want: Iterable<string>, have: Set<string>) =>
  [...want].filter((id) => !have.has(id));
const sameSet = (a: Set<string>, b: Set<string>) => a.size === b.size && missing(a, b).length === 0;

/** /readyz when the server has one (readiness: database and Redis), else /healthz. */
async function readiness(baseUrl: string): Promise<number> {
  const res = await fetch(`${baseUrl}/readyz`).catch(() => null);
  if (res && res.status !== 404 && /json/.test(res.headers.get('content-type') ?? '')) {
    await res.arrayBuffer();
    return res.status;
  }
  await res?.arrayBuffer();
  return (await fetch(`${baseUrl}/healthz`)).status;
}

async function waitForStatus(baseUrl: string, status: number, what: string, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  let last = 0;
  while (Date.now() < deadline) {
    last = await readiness(baseUrl).catch(() => 0);
    if (last === status) return;
    await sleep(100);
  }
  throw new Error(`timed out waiting for ${what} (readiness ${last}, want ${status})`);
}

/** Waits until every editor holds the same cards, including every card any of them made. */
async function converge(group: Editor[], timeoutMs: number): Promise<Set<string>> {
  const made = union(group.map((e) => e.made));
  try {
    await waitFor(
      () => {
        const first = group[0]!.cardIds();
        return missing(made, first).length === 0 && group.every((e) => sameSet(e.cardIds(), first));
      },
      'every client to hold the same cards, all of them',
      timeoutMs,
    );
  } catch (err) {
    const report = group.map(
      (e) => `${e.name}: ${e.cardIds().size} cards, lacks ${missing(made, e.cardIds()).length}`,
    );
    throw new Error(`${(err as Error).message}\n${report.join('\n')}`);
  }
  return group[0]!.cardIds();
}

describe.skipIf(!ready)('scale-out under failure (PostgreSQL and Redis)', () => {
  it('loses nothing a client holds when a process is killed with SIGKILL mid-edit', async () => {
    const schema = await createTestSchema();
    schemas.push(schema);
    const env = {
      DATABASE_URL: schema.url,
      REDIS_URL,
      REDIS_PREFIX: testPrefix(),
      ORGANISER_TOKEN: randomId(32),
      CLIENT_DIR: tempDataDir('transforma-no-client-'),
      RATE_WORKSHOP_CREATE: String(TEST_LIMITS.rateWorkshopCreate),
      RATE_JOIN: String(TEST_LIMITS.rateJoin),
      RATE_API: String(TEST_LIMITS.rateApi),
      MAX_CONNECTIONS_PER_IP: String(TEST_LIMITS.maxConnectionsPerIp),
      // Compact often, so both processes snapshot while the other one appends.
      COMPACT_EVERY: '20',
    };
    const start = () => {
      const child = startChildServer({ ...env, DATA_DIR: tempDataDir() }).then((c) => {
        children.push(c);
        return c;
      });
      starting.push(child);
      return child;
    };
    const [a, b] = await Promise.all([start(), start()]);
    const w = await createWorkshop(a.url, 'Killed mid-edit');
    const token = w.tokens.participant;
    const onA = await Promise.all(['a1', 'a2', 'a3'].map((n) => editor(n, a.url, w.id, token)));
    const onB = await Promise.all(['b1', 'b2', 'b3'].map((n) => editor(n, b.url, w.id, token)));
    const [a1, a2, a3] = onA as [Editor, Editor, Editor];
    const all = [...onA, ...onB];
    for (const e of all) e.startEditing(250);

    // The bus carries edits both ways while everything runs: each client gets every card made
    // up to a moment, across processes (edits go on meanwhile).
    await sleep(1500);
    const madeEarly = union(all.map((e) => e.made));
    await waitFor(
      () => all.every((e) => missing(madeEarly, e.cardIds()).length === 0),
      'every client to get the cards made in the first 1.5 s, across processes',
      10_000,
    );
    await sleep(500);

    // kill -9 while every client is editing.
    await a.kill('SIGKILL');
    children.splice(children.indexOf(a), 1);
    const survivors = [a1, a2, ...onB];
    // Every card a client had received from a server (its own may still be unacknowledged) was
    // durable when it was sent: A and B relay only what is stored, the bus carries only that.
    const receivedAtKill = union(
      all.map((e) => [...e.cardIds()].filter((id) => !e.made.includes(id))),
    );
    // a3's tab closed with A: what it alone held may be gone; what it shared may not.
    a3.destroy();
    const heldAtKill = union(survivors.map((e) => e.cardIds()));
    const storedAtKill = await databaseCards(schema.url, w.id);
    expect(
      missing(receivedAtKill, storedAtKill),
      'received by a client, not in the database',
    ).toEqual([]);
    // A process that never saw the session, started after the kill, reads the database below.
    const startingC = start();

    // A's clients notice the dropped socket and reconnect; the balancer sends them to B. They
    // keep editing all along, so some edits are made while they have no server at all.
    await waitFor(() => !a1.provider.wsconnected && !a2.provider.wsconnected, 'the drop', 5_000);
    await sleep(200);
    a1.moveTo(b.url);
    a2.moveTo(b.url);
    await Promise.all([a1.whenSynced(), a2.whenSynced()]);
    await sleep(1500);
    for (const e of survivors) e.stopEditing();

    const final = await converge(survivors, 15_000);
    for (const e of survivors) expect(e.refusals, `${e.name} refused`).toEqual([]);
    expect(missing(heldAtKill, final), 'held by a survivor at the kill, then lost').toEqual([]);
    const a3Shared = a3.made.filter((id) => heldAtKill.has(id));
    expect(a3Shared.length, "some of the lost client's cards had reached others").toBeGreaterThan(
      0,
    );

    // A process that never saw the session reads the database: exactly what the clients hold.
    const c = await startingC;
    const stored = await storedCards(c.url, w.id, w.tokens.facilitator);
    expect(missing(final, stored), 'held by every client but not in the database').toEqual([]);
    expect(missing(stored, final), 'in the database but not in the clients').toEqual([]);
    expect(final.size).toBeGreaterThan(60);
  }, 40_000);

  it.skipIf(!redisServerInstalled())(
    'resubscribes and resyncs after Redis is killed and restarted mid-session',
    async () => {
      const redis = await startPrivateRedis();
      redises.push(redis);
      const schema = await createTestSchema();
      schemas.push(schema);
      const redisPrefix = testPrefix();
      const [a, b] = await Promise.all(
        [0, 1].map(() =>
          startTestServer({ databaseUrl: schema.url, redisUrl: redis.url, redisPrefix }),
        ),
      );
      servers.push(a!, b!);
      const w = await createWorkshop(a!.url, 'Redis restarted');
      const token = w.tokens.participant;
      const all = await Promise.all([
        editor('a1', a!.url, w.id, token),
        editor('a2', a!.url, w.id, token),
        editor('b1', b!.url, w.id, token),
        editor('b2', b!.url, w.id, token),
      ]);
      for (const e of all) e.startEditing(200);
      await sleep(1000);
      for (const s of [a!, b!]) expect(await readiness(s.url)).toBe(200);

      // Redis dies; clients keep editing, each process keeps storing and relaying locally.
      await redis.kill('SIGKILL');
      for (const s of [a!, b!]) await waitForStatus(s.url, 503, 'not ready without Redis', 5_000);
      const [a1, , b1] = all as [Editor, Editor, Editor, Editor];
      const before = { a1: a1.made.length, b1: b1.made.length };
      await sleep(1500);
      // Edits made meanwhile reach the clients of the same process, not of the other one.
      const a1During = a1.made.slice(before.a1, -2);
      const b1During = b1.made.slice(before.b1, -2);
      expect(a1During.length).toBeGreaterThan(2);
      expect(missing(a1During, all[1]!.cardIds()), 'a2 has what a1 made meanwhile').toEqual([]);
      expect(missing(a1During, b1.cardIds()), 'b1 lacks what a1 made meanwhile').toEqual(a1During);
      expect(missing(b1During, a1.cardIds()), 'a1 lacks what b1 made meanwhile').toEqual(b1During);

      // The same Redis comes back (empty, as after a crash); both processes reconnect.
      await redis.start();
      for (const s of [a!, b!]) await waitForStatus(s.url, 200, 'ready again', 10_000);
      await sleep(1000);
      for (const e of all) e.stopEditing();

      const final = await converge(all, 10_000);
      for (const e of all) expect(e.refusals, `${e.name} refused`).toEqual([]);
      // The database holds exactly that: a third process reads it.
      const c = await startTestServer({
        databaseUrl: schema.url,
        redisUrl: redis.url,
        redisPrefix,
      });
      servers.push(c);
      const stored = await storedCards(c.url, w.id, w.tokens.facilitator);
      expect(missing(final, stored), 'held by every client but not in the database').toEqual([]);
      expect(missing(stored, final), 'in the database but not in the clients').toEqual([]);
    },
    30_000,
  );
});
