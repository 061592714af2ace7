/**
 * The whole server on PostgreSQL (DATABASE_URL): the real server in a child process, two stock
 * y-websocket clients co-editing, an archive and a search, then kill -9 and a restart: the
 * workshop, its record and its status are all there, and no SQLite file was ever made.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { createCapacity, createCard, listCapacities, listCards } from '../../shared/doc';
import { randomId } from '../../shared/ids';
import { connectSynced, type TestClient } from '../support/clients';
import { startChildServer, type ChildServer } from '../support/childServer';
import { createTestSchema, postgresAvailable, type TestSchema } from '../support/postgres';
import { createWorkshop, startTestServer, tempDataDir, waitFor } from '../support/server';

const withPostgres = await postgresAvailable();
const ORGANISER = randomId(32);
const children: ChildServer[] = [];
const clients: TestClient[] = [];
let schema: TestSchema | undefined;

afterEach(async () => {
  for (const c of clients.splice(0)) c.destroy();
  for (const child of children.splice(0)) await child.kill('SIGKILL');
});
afterAll(async () => {
  await schema?.drop();
});

async function client(url: string, id: string, token: string): Promise<TestClient> {
  const c = await connectSynced(url, id, token);
  clients.push(c);
  return c;
}

function post(url: string, token: string) {
  return fetch(url, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: '{}',
  });
}

function get(url: string, token: string) {
  return fetch(url, { headers: { authorization: `Bearer ${token}` } });
}

describe.skipIf(!withPostgres)('the server on PostgreSQL', () => {
  it('syncs two clients, archives, and has it all after kill -9 and a restart', async () => {
    schema = await createTestSchema();
    const dataDir = tempDataDir();
    const env = { DATABASE_URL: schema.url, DATA_DIR: dataDir, ORGANISER_TOKEN: ORGANISER };
    let server = await startChildServer(env);
    children.push(server);
    expect(server.output()).toMatch(/storage: PostgreSQL/);
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);

    const w = await createWorkshop(server.url, 'Tyrol EDW on PostgreSQL', 'edw');
    const anna = await client(server.url, w.id, w.tokens.participant);
    const ben = await client(server.url, w.id, w.tokens.facilitator);
    const cards = [createCard(anna.doc, { title: 'from Anna' })];
    createCapacity(ben.doc, { title: 'Tourism' });
    for (let i = 0; i < 20; i++) {
      cards.push(createCard(i % 2 ? anna.doc : ben.doc, { title: `card ${i}` }));
    }
    const holdsAll = (c: TestClient) => {
      const ids = new Set(listCards(c.doc).map((card) => card.id));
      return cards.every((id) => ids.has(id));
    };
    for (const c of [anna, ben]) {
      await waitFor(() => holdsAll(c), 'both clients to converge');
      await waitFor(() => listCapacities(c.doc).length === 1, 'the capacity to reach both');
    }

    const archived = await post(
      `${server.url}/api/workshops/${w.id}/archive`,
      w.tokens.facilitator,
    );
    expect(archived.status).toBe(201);
    expect(await archived.json()).toMatchObject({ status: 'archived', record: { version: 1 } });
    const search = await get(`${server.url}/api/records?q=tyrol`, ORGANISER);
    expect(await search.json()).toMatchObject({ total: 1, items: [{ workshopId: w.id }] });

    const cardCount = listCards(anna.doc).length;
    // kill -9: nothing gets a chance to compact or close.
    await server.kill('SIGKILL');
    children.length = 0;
    for (const c of clients.splice(0)) c.destroy();
    server = await startChildServer(env);
    children.push(server);

    const fresh = await client(server.url, w.id, w.tokens.facilitator);
    expect(holdsAll(fresh)).toBe(true);
    expect(listCards(fresh.doc)).toHaveLength(cardCount);
    expect(listCapacities(fresh.doc).map((c) => c.title)).toEqual(['Tourism']);
    const record = await get(`${server.url}/api/workshops/${w.id}/record`, w.tokens.facilitator);
    expect(record.status).toBe(200);
    const session = await get(`${server.url}/api/workshops/${w.id}`, w.tokens.participant);
    expect(await session.json()).toMatchObject({ status: 'archived' });
    // Everything went to PostgreSQL: DATA_DIR never received a database.
    expect(fs.existsSync(path.join(dataDir, 'transforma.sqlite'))).toBe(false);
  });

  it('says clearly when PostgreSQL cannot be used, at start and in /readyz', async () => {
    await expect(
      startTestServer({ databaseUrl: 'postgres://postgres@127.0.0.1:1/test' }),
    ).rejects.toThrow(/PostgreSQL at 127\.0\.0\.1:1\/test is not usable/);

    const lost = await createTestSchema();
    const server = await startTestServer({ databaseUrl: lost.url });
    try {
      expect((await fetch(`${server.url}/readyz`)).status).toBe(200);
      await lost.drop(); // the database stops accepting this server's writes
      const health = await fetch(`${server.url}/readyz`);
      expect(health.status).toBe(503);
      expect(await health.json()).toEqual({ ok: false, error: 'database not writable' });
    } finally {
      await server.close();
    }
  });
});
