/**
 * `npm run migrate:sqlite-to-postgres -- <file>` on a SQLite database made by the current server:
 * a workshop with edits, a person, a control state and an archived record. After the migration
 * the server on PostgreSQL serves all of it (the person's token, the records, the facilitation
 * state; the organiser token's hash is copied); a second run refuses and changes nothing.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import type { Socket } from 'socket.io-client';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type { ControlState } from '../../shared/control/state';
import { createCard, listCards } from '../../shared/doc';
import { randomId } from '../../shared/ids';
import { createLogger } from '../../server/log';
import { PostgresStorage } from '../../server/storage/postgres/postgresStorage';
import { connectSynced, type TestClient } from '../support/clients';
import { commandOk, connectControl, joinAs } from '../support/controlClients';
import { startChildServer, type ChildServer } from '../support/childServer';
import { createTestSchema, postgresAvailable, type TestSchema } from '../support/postgres';
import { createWorkshop, startTestServer, tempDataDir, waitFor } from '../support/server';

const withPostgres = await postgresAvailable();
const projectRoot = path.resolve(import.meta.dirname, '../..');
const ORGANISER = randomId(32);
const children: ChildServer[] = [];
const clients: TestClient[] = [];
const sockets: Socket[] = [];
let schema: TestSchema | undefined;

afterEach(async () => {
  for (const s of sockets.splice(0)) s.disconnect();
  for (const c of clients.splice(0)) c.destroy();
  for (const child of children.splice(0)) await child.kill('SIGTERM');
});
afterAll(async () => {
  await schema?.drop();
});

function runMigration(file: string, databaseUrl: string) {
  return spawnSync('npm', ['run', '--silent', 'migrate:sqlite-to-postgres', '--', file], {
    cwd: projectRoot,
    env: { ...process.env, DATABASE_URL: databaseUrl },
    encoding: 'utf8',
    timeout: 60_000,
  });
}

describe.skipIf(!withPostgres)('migrating a SQLite installation to PostgreSQL', () => {
  it('copies workshops, people, control state and records; the server on PostgreSQL serves them', async () => {
    // The installation, made by the current code on SQLite.
    const dataDir = tempDataDir();
    // No ORGANISER_TOKEN: the installation generated its own and stored its hash.
    const sqlite = await startTestServer({ dataDir });
    const w = await createWorkshop(sqlite.url, 'Tyrol EDW', 'edw');
    const writer = await connectSynced(sqlite.url, w.id, w.tokens.participant);
    clients.push(writer);
    const cards = Array.from({ length: 5 }, (_, i) => createCard(writer.doc, { title: `c${i}` }));
    await waitFor(() => writer.provider.synced, 'the edits');
    const anna = await joinAs(sqlite.url, w, { name: 'Anna', helix: 'research' });
    const host = await connectControl(sqlite.url, w.id, w.tokens.facilitator, sockets);
    await commandOk(host, { type: 'timer:start', durationMs: 600_000 });
    await commandOk(host, {
      type: 'lock:set',
      target: 'workshop',
      locked: true,
    });
    const archived = await fetch(`${sqlite.url}/api/workshops/${w.id}/archive`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${w.tokens.facilitator}`,
        'content-type': 'application/json',
      },
      body: '{}',
    });
    expect(archived.status).toBe(201);
    const cardCount = (await sqlite.rooms.withDocument(w.id, (doc) => listCards(doc))).length;
    for (const s of sockets.splice(0)) s.disconnect();
    for (const c of clients.splice(0)) c.destroy();
    const controlBefore = JSON.parse((await sqlite.storage.getControlState(w.id))!.json) as unknown;
    expect(controlBefore).toMatchObject({ locks: expect.anything() });
    const organiserHash = await sqlite.storage.getSetting('organiser_token_hash');
    expect(organiserHash).toMatch(/\S/);
    await sqlite.close();

    schema = await createTestSchema();
    const file = path.join(dataDir, 'transforma.sqlite');
    const first = runMigration(file, schema.url);
    expect(first.stderr).toBe('');
    expect(first.status).toBe(0);
    expect(first.stdout).toMatch(/Copied 1 workshop\(s\) with \d+ logged update\(s\), 1 person/);
    expect(first.stdout).toMatch(/1 control state\(s\), 1 record version\(s\)/);

    const again = runMigration(file, schema.url);
    expect(again.status).toBe(1);
    expect(again.stderr).toMatch(/already holds 1 workshop/);

    // The installation's organiser token (its hash) came along.
    const copied = await PostgresStorage.open({ url: schema.url, log: createLogger('silent') });
    expect(await copied.getSetting('organiser_token_hash')).toBe(organiserHash);
    await copied.close();

    const server = await startChildServer({
      DATABASE_URL: schema.url,
      DATA_DIR: tempDataDir(),
      ORGANISER_TOKEN: ORGANISER,
    });
    children.push(server);
    const fresh = await connectSynced(server.url, w.id, w.tokens.facilitator);
    clients.push(fresh);
    const ids = new Set(listCards(fresh.doc).map((c) => c.id));
    expect(cards.filter((id) => !ids.has(id))).toEqual([]);
    expect(ids.size).toBe(cardCount);

    const asAnna = await fetch(`${server.url}/api/workshops/${w.id}`, {
      headers: { authorization: `Bearer ${anna.identityToken}` },
    });
    expect(asAnna.status).toBe(200);
    expect(await asAnna.json()).toMatchObject({ role: 'participant', status: 'archived' });
    const records = await fetch(`${server.url}/api/records?q=tyrol`, {
      headers: { authorization: `Bearer ${ORGANISER}` },
    });
    expect(await records.json()).toMatchObject({ total: 1, items: [{ workshopId: w.id }] });

    const control = await connectControl(server.url, w.id, w.tokens.facilitator, sockets);
    const state = (
      control.seen.find((e) => e.event === 'control:state')!.args[0] as {
        state: ControlState;
      }
    ).state;
    expect(state).toEqual(controlBefore);
  });
});
