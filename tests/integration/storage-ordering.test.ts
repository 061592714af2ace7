/**
 * Two processes on one database (issue 14): the database numbers the document log, so a room's
 * appends never collide with another process's, and a room's compaction claims only the seqs its
 * doc holds, so it never drops an update another process appended. "Another process" here is a
 * second storage on the same database appending an edit directly; the server never hears of it
 * (the bus between processes is separate work), yet after a restart every edit is there.
 */
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { RunningServer } from '../../server/app';
import { createLogger } from '../../server/log';
import { PostgresStorage } from '../../server/storage/postgres/postgresStorage';
import { SqliteStorage } from '../../server/storage/sqlite/sqliteStorage';
import type { Storage } from '../../server/storage/storage';
import { createCard, listCards } from '../../shared/doc';
import { connectSynced, type TestClient } from '../support/clients';
import { createTestSchema, postgresAvailable, type TestSchema } from '../support/postgres';
import { createWorkshop, startTestServer, tempDataDir, waitFor } from '../support/server';

const withPostgres = await postgresAvailable();
const schemas: TestSchema[] = [];
const servers: RunningServer[] = [];
const clients: TestClient[] = [];
const others: Storage[] = [];

afterEach(async () => {
  for (const c of clients.splice(0)) c.destroy();
  for (const s of servers.splice(0)) await s.close();
  for (const o of others.splice(0)) await o.close();
});
afterAll(async () => {
  for (const schema of schemas) await schema.drop();
});

/** Where both "processes" keep the workshop: server options and a second storage on it. */
interface Database {
  server: { dataDir: string; databaseUrl?: string };
  another(): Promise<Storage>;
}

const databases: [string, boolean, () => Promise<Database>][] = [
  [
    'sqlite',
    true,
    async () => {
      const dataDir = tempDataDir();
      return { server: { dataDir }, another: async () => new SqliteStorage({ dataDir }) };
    },
  ],
  [
    'postgres',
    withPostgres,
    async () => {
      const schema = await createTestSchema();
      schemas.push(schema);
      const log = createLogger('silent');
      return {
        server: { dataDir: tempDataDir(), databaseUrl: schema.url },
        another: () => PostgresStorage.open({ url: schema.url, log }),
      };
    },
  ],
];

/** Waits until the server's room holds these cards, all stored. */
async function roomHolds(server: RunningServer, workshopId: string, ids: string[]): Promise<void> {
  const deadline = Date.now() + 5000;
  for (;;) {
    const held = await server.rooms.withDocument(workshopId, (doc) => {
      const present = new Set(listCards(doc).map((c) => c.id));
      return ids.every((id) => present.has(id));
    });
    if (held) return;
    if (Date.now() > deadline) throw new Error('timed out waiting for the room to hold the cards');
    await new Promise((r) => setTimeout(r, 10));
  }
}

describe.each(databases)('%s: another process appending to the same workshop', (_n, ok, open) => {
  it.skipIf(!ok)('neither collides with the room nor is dropped by its compaction', async () => {
    const db = await open();
    // Compacting every 3 updates: the room compacts several times while the other one appends.
    const server = await startTestServer({ ...db.server, compactEvery: 3 });
    servers.push(server);
    const w = await createWorkshop(server.url);
    const client = await connectSynced(server.url, w.id, w.tokens.participant);
    clients.push(client);
    const other = await db.another();
    others.push(other);
    // The other process's replica of the workshop.
    const replica = new Y.Doc();
    const stored = await other.loadDocument(w.id);
    if (stored.snapshot) Y.applyUpdate(replica, stored.snapshot);
    for (const u of stored.updates) Y.applyUpdate(replica, u);

    const mine: string[] = [];
    const theirs: string[] = [];
    for (let round = 0; round < 4; round++) {
      for (let i = 0; i < 4; i++)
        mine.push(createCard(client.doc, { title: `mine ${round}.${i}` }));
      let update: Uint8Array | null = null;
      replica.once('update', (u: Uint8Array) => (update = u));
      theirs.push(createCard(replica, { title: `theirs ${round}` }));
      await other.appendUpdates(w.id, [update!]);
      await roomHolds(server, w.id, mine); // … and stored them (withDocument waits for that)
    }
    await waitFor(() => client.provider.wsconnected, 'the client to stay connected');
    expect(client.closeCodes).toEqual([]);

    // Restart: the workshop is rebuilt from what the database holds.
    client.destroy();
    clients.length = 0;
    await servers.pop()!.close();
    const restarted = await startTestServer({ ...db.server });
    servers.push(restarted);
    const fresh = await connectSynced(restarted.url, w.id, w.tokens.facilitator);
    clients.push(fresh);
    const ids = new Set(listCards(fresh.doc).map((c) => c.id));
    expect(
      mine.filter((id) => !ids.has(id)),
      'the room lost its own edits',
    ).toEqual([]);
    expect(
      theirs.filter((id) => !ids.has(id)),
      "compaction dropped the other's edits",
    ).toEqual([]);
  });
});
