/**
 * The contract every Storage implementation must meet, run against each: SQLite (a file per test)
 * and PostgreSQL (the machine's database, a schema per test; skipped with a message when it is not
 * reachable, a failure under CI). "Another process" is a second storage on the same database.
 */
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { hashToken } from '../../server/auth/tokens';
import { createLogger } from '../../server/log';
import { MIGRATIONS as POSTGRES_MIGRATIONS } from '../../server/storage/postgres/migrations';
import { PostgresStorage } from '../../server/storage/postgres/postgresStorage';
import { SqliteStorage } from '../../server/storage/sqlite/sqliteStorage';
import type { NewWorkshop, RecordRow, Storage } from '../../server/storage/storage';
import { randomId } from '../../shared/ids';
import { createTestSchema, postgresAvailable, type TestSchema } from '../support/postgres';
import { tempDataDir } from '../support/server';

const withPostgres = await postgresAvailable();
const schemas: TestSchema[] = [];
const log = createLogger('silent');

/** A backend: `make` opens a fresh database; `share` opens two storages on one database. */
interface Backend {
  available: boolean;
  make(): Promise<Storage>;
  share(): Promise<[Storage, Storage]>;
}

const backends: [string, Backend][] = [
  [
    'sqlite',
    {
      available: true,
      make: async () => new SqliteStorage({ dataDir: tempDataDir('transforma-storage-') }),
      share: async () => {
        const dataDir = tempDataDir('transforma-storage-');
        return [new SqliteStorage({ dataDir }), new SqliteStorage({ dataDir })];
      },
    },
  ],
  [
    'postgres',
    {
      available: withPostgres,
      make: async () => {
        const schema = await createTestSchema();
        schemas.push(schema);
        return PostgresStorage.open({ url: schema.url, log });
      },
      share: async () => {
        const schema = await createTestSchema();
        schemas.push(schema);
        return [
          await PostgresStorage.open({ url: schema.url, log }),
          await PostgresStorage.open({ url: schema.url, log }),
        ];
      },
    },
  ],
];

afterAll(async () => {
  for (const schema of schemas) await schema.drop();
});

function newWorkshop(): NewWorkshop {
  const doc = new Y.Doc();
  doc.getMap('meta').set('title', 'initial');
  return {
    id: randomId(),
    title: 'Storage contract',
    template: 'adw',
    createdAt: new Date().toISOString(),
    tokenHashes: {
      facilitator: hashToken('f'.repeat(43)),
      participant: hashToken('p'.repeat(43)),
      projector: hashToken('w'.repeat(43)),
    },
    initialState: Y.encodeStateAsUpdate(doc),
  };
}

function rebuild(stored: { snapshot: Uint8Array | null; updates: Uint8Array[] }): Y.Doc {
  const doc = new Y.Doc();
  if (stored.snapshot) Y.applyUpdate(doc, stored.snapshot);
  for (const u of stored.updates) Y.applyUpdate(doc, u);
  return doc;
}

describe.each(backends)('%s storage', (_name, { available, make, share }) => {
  if (!available) {
    it.skip('needs the database (not reachable: see the warning above)', () => {});
    return;
  }

  it('creates a workshop and resolves token hashes to roles in that workshop only', async () => {
    const storage = await make();
    const w = newWorkshop();
    await storage.createWorkshop(w);
    expect(await storage.getWorkshop(w.id)).toEqual({
      id: w.id,
      title: w.title,
      template: w.template,
      createdAt: w.createdAt,
    });
    expect(await storage.roleForToken(w.id, w.tokenHashes.participant)).toBe('participant');
    expect(await storage.roleForToken(w.id, w.tokenHashes.projector)).toBe('projector');
    expect(await storage.roleForToken('other', w.tokenHashes.participant)).toBeNull();
    expect(await storage.roleForToken(w.id, hashToken('nope'))).toBeNull();
    expect(await storage.getWorkshop('missing')).toBeNull();
    await storage.close();
  });

  it('rebuilds the doc from the initial snapshot plus appended updates, in order', async () => {
    const storage = await make();
    const w = newWorkshop();
    await storage.createWorkshop(w);
    const doc = rebuild(await storage.loadDocument(w.id));
    const updates: Uint8Array[] = [];
    doc.on('update', (u: Uint8Array) => updates.push(u));
    for (let i = 0; i < 5; i++) doc.getArray('list').push([i]);
    expect(await storage.appendUpdates(w.id, updates.slice(0, 1))).toEqual({
      firstSeq: 1,
      lastSeq: 1,
    });
    expect(await storage.appendUpdates(w.id, updates.slice(1))).toEqual({
      firstSeq: 2,
      lastSeq: 5,
    });

    const stored = await storage.loadDocument(w.id);
    expect(stored).toMatchObject({ snapshotSeq: 0, lastSeq: 5 });
    expect(stored.updates).toHaveLength(5);
    expect(rebuild(stored).getArray('list').toArray()).toEqual([0, 1, 2, 3, 4]);
    expect(rebuild(stored).getMap('meta').get('title')).toBe('initial');
    await storage.close();
  });

  it('numbers updates in the database: consecutive per workshop, across processes', async () => {
    const [a, b] = await share();
    const w = newWorkshop();
    const other = otherWorkshop();
    await a.createWorkshop(w);
    await a.createWorkshop(other);
    const u = (n: number) => new Uint8Array([n]);
    // Two processes append to the same workshop at once, in batches of 1 to 3.
    const appended = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        (i % 2 ? a : b).appendUpdates(
          w.id,
          Array.from({ length: (i % 3) + 1 }, () => u(i)),
        ),
      ),
    );
    await b.appendUpdates(other.id, [u(99)]);
    const seqs = appended.flatMap(({ firstSeq, lastSeq }) => {
      expect(lastSeq).toBeGreaterThanOrEqual(firstSeq);
      return Array.from({ length: lastSeq - firstSeq + 1 }, (_, k) => firstSeq + k);
    });
    // 39 updates in all: every seq from 1 to 39 once.
    expect(seqs.sort((x, y) => x - y)).toEqual(Array.from({ length: 39 }, (_, k) => k + 1));
    const stored = await b.loadDocument(w.id);
    expect(stored).toMatchObject({ snapshotSeq: 0, lastSeq: 39 });
    // In seq order: each batch's bytes where the database numbered them.
    const bySeq = new Map<number, number>();
    appended.forEach(({ firstSeq, lastSeq }, i) => {
      for (let seq = firstSeq; seq <= lastSeq; seq++) bySeq.set(seq, i);
    });
    expect(stored.updates.map((x) => x[0])).toEqual(seqs.map((seq) => bySeq.get(seq)));
    // Another workshop's log has its own numbers.
    expect(await a.loadDocument(other.id)).toMatchObject({ lastSeq: 1 });
    await expect(a.appendUpdates('missing', [u(1)])).rejects.toThrow();
    await a.close();
    await b.close();
  });

  it('keeps numbering after compaction and reopening: a seq is never given twice', async () => {
    const storage = await make();
    const w = newWorkshop();
    await storage.createWorkshop(w);
    const u = new Uint8Array([0, 0]);
    await storage.appendUpdates(w.id, [u, u, u]);
    await storage.compact(w.id, w.initialState, 3);
    expect(await storage.loadDocument(w.id)).toMatchObject({
      snapshotSeq: 3,
      lastSeq: 3,
      updates: [],
    });
    expect(await storage.appendUpdates(w.id, [u])).toEqual({ firstSeq: 4, lastSeq: 4 });
    await storage.close();
  });

  it('compacts only through throughSeq: updates another process appended after stay', async () => {
    const [a, b] = await share();
    const w = newWorkshop();
    await a.createWorkshop(w);
    // Process A's doc and process B's doc, both from the stored workshop.
    const docA = rebuild(await a.loadDocument(w.id));
    const docB = rebuild(await b.loadDocument(w.id));
    const edit = async (doc: Y.Doc, storage: Storage, value: string) => {
      let update: Uint8Array | null = null;
      doc.once('update', (u: Uint8Array) => (update = u));
      doc.getArray<string>('list').push([value]);
      return storage.appendUpdates(w.id, [update!]);
    };
    expect(await edit(docA, a, 'a1')).toMatchObject({ firstSeq: 1 });
    expect(await edit(docB, b, 'b2')).toMatchObject({ firstSeq: 2 }); // A's doc lacks seq 2
    expect(await edit(docA, a, 'a3')).toMatchObject({ firstSeq: 3 });
    // A snapshots what it holds, claiming only seq 1 (the last before the first gap).
    await a.compact(w.id, Y.encodeStateAsUpdate(docA), 1);
    // B appends after the snapshot was taken.
    expect(await edit(docB, b, 'b4')).toMatchObject({ firstSeq: 4 });

    const stored = await b.loadDocument(w.id);
    expect(stored).toMatchObject({ snapshotSeq: 1, lastSeq: 4 });
    expect(stored.updates).toHaveLength(3);
    expect(new Set(rebuild(stored).getArray('list').toArray())).toEqual(
      new Set(['a1', 'b2', 'a3', 'b4']),
    );
    await a.close();
    await b.close();
  });

  it('writes control state and ballots by compare-and-set: a stale writer is refused', async () => {
    const [a, b] = await share();
    const w = newWorkshop();
    await a.createWorkshop(w);
    expect(await a.getControlState(w.id)).toBeNull();
    expect(await a.putControlState(w.id, '{"step":1}', 0)).toBe(true);
    // B read nothing as well: its first write lost the race.
    expect(await b.putControlState(w.id, '{"step":"b"}', 0)).toBe(false);
    expect(await b.getControlState(w.id)).toEqual({ json: '{"step":1}', version: 1 });
    expect(await b.putControlState(w.id, '{"step":2}', 1)).toBe(true);
    // A still holds version 1: refused, and B's state stays.
    expect(await a.putControlState(w.id, '{"step":"stale"}', 1)).toBe(false);
    expect(await a.getControlState(w.id)).toEqual({ json: '{"step":2}', version: 2 });
    expect(await a.putControlState(w.id, '{"step":3}', 2)).toBe(true);
    expect(await b.getControlState(w.id)).toEqual({ json: '{"step":3}', version: 3 });

    expect(await a.getBallots(w.id)).toBeNull();
    expect(await a.putBallots(w.id, '{"anna":{}}', 0)).toBe(true);
    expect(await b.putBallots(w.id, '{"ben":{}}', 0)).toBe(false);
    expect(await b.putBallots(w.id, '{"anna":{},"ben":{}}', 1)).toBe(true);
    expect(await a.putBallots(w.id, '{"anna":{"c1":1}}', 1)).toBe(false);
    expect(await a.getBallots(w.id)).toEqual({ json: '{"anna":{},"ben":{}}', version: 2 });
    // Another workshop's state is its own.
    expect(await a.getControlState(otherWorkshop().id)).toBeNull();
    await a.close();
    await b.close();
  });

  it('compacts: the snapshot replaces the updates it covers, later ones stay', async () => {
    const storage = await make();
    const w = newWorkshop();
    await storage.createWorkshop(w);
    const doc = rebuild(await storage.loadDocument(w.id));
    const updates: Uint8Array[] = [];
    doc.on('update', (u: Uint8Array) => updates.push(u));
    for (let i = 0; i < 4; i++) doc.getArray('list').push([i]);
    await storage.appendUpdates(w.id, updates.slice(0, 3));
    const snapshotDoc = rebuild(await storage.loadDocument(w.id));
    await storage.appendUpdates(w.id, updates.slice(3));
    await storage.compact(w.id, Y.encodeStateAsUpdate(snapshotDoc), 3);

    const stored = await storage.loadDocument(w.id);
    expect(stored).toMatchObject({ snapshotSeq: 3, lastSeq: 4 });
    expect(stored.updates).toHaveLength(1);
    expect(rebuild(stored).getArray('list').toArray()).toEqual([0, 1, 2, 3]);

    // An older snapshot never replaces a newer one.
    await storage.compact(w.id, w.initialState, 1);
    expect((await storage.loadDocument(w.id)).snapshotSeq).toBe(3);
    await storage.close();
  });

  it('stores identities by token hash and lists them in joining order', async () => {
    const storage = await make();
    const w = newWorkshop();
    await storage.createWorkshop(w);
    const base = {
      workshopId: w.id,
      organisation: '',
      helix: null,
      regionId: '',
      removed: false,
      consentToNames: false,
    };
    await storage.createIdentity(
      { ...base, id: 'i1', role: 'participant', name: 'Anna', joinedAt: '2026-11-23T10:00:00Z' },
      hashToken('a'.repeat(43)),
    );
    await storage.createIdentity(
      {
        ...base,
        id: 'i2',
        role: 'facilitator',
        name: 'Fiona',
        helix: 'cluster',
        joinedAt: '2026-11-23T10:01:00Z',
        consentToNames: true,
      },
      hashToken('b'.repeat(43)),
    );
    expect(await storage.identityForToken(w.id, hashToken('a'.repeat(43)))).toMatchObject({
      id: 'i1',
      name: 'Anna',
      role: 'participant',
      removed: false,
    });
    expect(await storage.identityForToken('other', hashToken('a'.repeat(43)))).toBeNull();
    const listed = await storage.listIdentities(w.id);
    expect(listed.map((i) => [i.id, i.helix, i.consentToNames])).toEqual([
      ['i1', null, false],
      ['i2', 'cluster', true],
    ]);
    await storage.close();
  });

  it('finds the people who joined from a device, and removes and readmits them', async () => {
    const storage = await make();
    const w = newWorkshop();
    await storage.createWorkshop(w);
    const person = (id: string, name: string) => ({
      id,
      workshopId: w.id,
      role: 'participant' as const,
      name,
      organisation: '',
      helix: null,
      regionId: '',
      removed: false,
      joinedAt: `2026-11-23T10:0${id.slice(1)}:00Z`,
      consentToNames: false,
    });
    const laptop = hashToken('laptop');
    await storage.createIdentity(person('i1', 'Ben'), hashToken('a'.repeat(43)), laptop);
    await storage.createIdentity(person('i2', 'Ben again'), hashToken('b'.repeat(43)), laptop);
    await storage.createIdentity(person('i3', 'Anna'), hashToken('c'.repeat(43)));
    expect((await storage.identitiesForDevice(w.id, laptop)).map((i) => i.id)).toEqual([
      'i1',
      'i2',
    ]);
    expect(await storage.identitiesForDevice('other', laptop)).toEqual([]);
    expect(await storage.identitiesForDevice(w.id, hashToken('phone'))).toEqual([]);

    expect(await storage.updateIdentity(w.id, 'i1', { removed: true })).toBe(true);
    expect((await storage.identitiesForDevice(w.id, laptop))[0]).toMatchObject({ removed: true });
    expect(await storage.identityForToken(w.id, hashToken('a'.repeat(43)))).toMatchObject({
      removed: true,
    });
    expect(await storage.updateIdentity(w.id, 'i1', { removed: false })).toBe(true);
    expect((await storage.listIdentities(w.id)).map((i) => [i.id, i.removed])).toEqual([
      ['i1', false],
      ['i2', false],
      ['i3', false],
    ]);
    await storage.close();
  });

  it("resets a shared link: the next generation's token replaces the old one", async () => {
    const storage = await make();
    const w = newWorkshop();
    await storage.createWorkshop(w);
    expect(await storage.linkGenerations(w.id)).toEqual({ participant: 0, projector: 0 });

    const next = hashToken('q'.repeat(43));
    expect(await storage.rotateLinkToken(w.id, 'participant', 1, next)).toBe(true);
    expect(await storage.roleForToken(w.id, w.tokenHashes.participant)).toBeNull();
    expect(await storage.roleForToken(w.id, next)).toBe('participant');
    expect(await storage.roleForToken(w.id, w.tokenHashes.projector)).toBe('projector');
    expect(await storage.linkGenerations(w.id)).toEqual({ participant: 1, projector: 0 });

    // Only the next generation: a reset that lost a race (or skips one) changes nothing.
    expect(await storage.rotateLinkToken(w.id, 'participant', 1, hashToken('r'.repeat(43)))).toBe(
      false,
    );
    expect(await storage.rotateLinkToken(w.id, 'projector', 2, hashToken('s'.repeat(43)))).toBe(
      false,
    );
    expect(await storage.rotateLinkToken('other', 'projector', 1, hashToken('t'.repeat(43)))).toBe(
      false,
    );
    expect(await storage.roleForToken(w.id, next)).toBe('participant');
    expect(await storage.linkGenerations(w.id)).toEqual({ participant: 1, projector: 0 });
    await storage.close();
  });

  it('keeps private drafts per round, owned by their author, until cleared', async () => {
    const storage = await make();
    const w = newWorkshop();
    await storage.createWorkshop(w);
    const anna = { draftId: 'd1', identityId: 'anna', draft: '{"text":"one"}' };
    expect(await storage.putDraft(w.id, 'r1', anna)).toBe(true);
    expect(await storage.putDraft(w.id, 'r1', { ...anna, draftId: 'd2' })).toBe(true);
    expect(await storage.putDraft(w.id, 'r1', { ...anna, draft: '{"text":"two"}' })).toBe(true);
    // Someone else cannot overwrite or delete Anna's draft.
    expect(await storage.putDraft(w.id, 'r1', { ...anna, identityId: 'ben' })).toBe(false);
    expect(await storage.deleteDraft(w.id, 'r1', 'd1', 'ben')).toBe(false);
    expect(await storage.listDrafts(w.id, 'r1')).toEqual([
      { draftId: 'd1', identityId: 'anna', draft: '{"text":"two"}' },
      { draftId: 'd2', identityId: 'anna', draft: '{"text":"one"}' },
    ]);
    expect(await storage.listDrafts(w.id, 'r2')).toEqual([]);
    expect(await storage.deleteDraft(w.id, 'r1', 'd2', 'anna')).toBe(true);
    await storage.clearDrafts(w.id);
    expect(await storage.listDrafts(w.id, 'r1')).toEqual([]);
    await storage.close();
  });

  it('holds questionnaire runs and answers per person until cleared', async () => {
    const storage = await make();
    const w = newWorkshop();
    await storage.createWorkshop(w);
    await storage.putQuestionnaireRun(w.id, 'q2', '{"v":1}');
    await storage.putQuestionnaireRun(w.id, 'q1', '{"v":1}');
    await storage.putQuestionnaireRun(w.id, 'q2', '{"v":2}');
    // Started order, an update keeping its place.
    expect(await storage.listQuestionnaireRuns(w.id)).toEqual([
      { questionnaireId: 'q2', json: '{"v":2}' },
      { questionnaireId: 'q1', json: '{"v":1}' },
    ]);
    await storage.putHeldAnswers(w.id, 'q1', 'ben', '{"a":1}');
    await storage.putHeldAnswers(w.id, 'q1', 'anna', '{"a":2}');
    await storage.putHeldAnswers(w.id, 'q1', 'ben', '{"a":3}');
    await storage.putHeldAnswers(w.id, 'q2', 'anna', '{"b":1}');
    expect(await storage.listHeldAnswers(w.id, 'q1')).toEqual([
      { identityId: 'ben', json: '{"a":3}' },
      { identityId: 'anna', json: '{"a":2}' },
    ]);
    await storage.clearHeldAnswers(w.id, 'q1');
    expect(await storage.listHeldAnswers(w.id, 'q1')).toEqual([]);
    expect(await storage.listHeldAnswers(w.id, 'q2')).toEqual([
      { identityId: 'anna', json: '{"b":1}' },
    ]);
    expect(await storage.listQuestionnaireRuns('nobody')).toEqual([]);
    await storage.close();
  });

  it('keeps a workshop status, open until archived', async () => {
    const storage = await make();
    const w = newWorkshop();
    await storage.createWorkshop(w);
    expect(await storage.getWorkshopStatus(w.id)).toBe('open');
    expect(await storage.setWorkshopStatus(w.id, 'archived')).toBe(true);
    expect(await storage.getWorkshopStatus(w.id)).toBe('archived');
    expect(await storage.getWorkshopStatus('missing')).toBeNull();
    expect(await storage.setWorkshopStatus('missing', 'open')).toBe(false);
    await storage.close();
  });

  it('stores record versions immutably; an archive also marks the workshop archived', async () => {
    const storage = await make();
    const w = newWorkshop();
    await storage.createWorkshop(w);
    expect(await storage.latestRecordVersion(w.id)).toBe(0);
    expect(await storage.getRecord(w.id)).toBeNull();

    await storage.insertRecord(recordRow(w.id, 1, 'snapshot', { json: '{"v":1}' }));
    expect(await storage.getWorkshopStatus(w.id)).toBe('open');
    await storage.insertRecord(recordRow(w.id, 2, 'archive', { json: '{"v":2}' }));
    expect(await storage.getWorkshopStatus(w.id)).toBe('archived');
    // A version once written never changes.
    await expect(
      storage.insertRecord(recordRow(w.id, 1, 'archive', { json: '{"v":"changed"}' })),
    ).rejects.toThrow();

    expect(await storage.latestRecordVersion(w.id)).toBe(2);
    expect(await storage.getRecord(w.id)).toMatchObject({
      json: '{"v":2}',
      summary: { version: 2 },
    });
    expect(await storage.getRecord(w.id, 1)).toEqual({
      json: '{"v":1}',
      summary: summaryOf(recordRow(w.id, 1, 'snapshot')),
    });
    expect(await storage.getRecord(w.id, 3)).toBeNull();
    expect((await storage.listRecords(w.id)).map((r) => [r.version, r.kind])).toEqual([
      [1, 'snapshot'],
      [2, 'archive'],
    ]);
    await storage.close();
  });

  it('searches the latest record of each workshop by words, region, template, field and day', async () => {
    const storage = await make();
    const [a, b, c] = [otherWorkshop(), otherWorkshop(), otherWorkshop()];
    for (const w of [a, b, c]) await storage.createWorkshop(w);
    await storage.insertRecord(
      recordRow(a.id, 1, 'archive', { searchText: 'old 100% title', heldOn: '2026-01-10' }),
    );
    await storage.insertRecord(
      recordRow(a.id, 2, 'archive', {
        title: 'Tyrol EDW',
        searchText: 'tyrol edw\ndigital tourism',
        regionKeys: ['tyrol', 'at33'],
        field: 'Digital Tourism',
        heldOn: '2026-03-01',
      }),
    );
    await storage.insertRecord(
      recordRow(b.id, 1, 'snapshot', {
        template: 'adw',
        searchText: 'south tyrol adw\ndigital health',
        regionKeys: ['south tyrol', 'ith1'],
        heldOn: '2026-05-01',
      }),
    );
    await storage.insertRecord(recordRow(c.id, 1, 'archive', { heldOn: '2026-07-01' }));
    const ids = async (search: Partial<Parameters<Storage['searchRecords']>[0]>) =>
      (await storage.searchRecords({ words: [], offset: 0, limit: 10, ...search })).items.map(
        (i) => i.workshopId,
      );

    expect(await ids({})).toEqual([c.id, b.id, a.id]); // most recently held first
    expect(await ids({ words: ['digital'] })).toEqual([b.id, a.id]);
    expect(await ids({ words: ['digital', 'tourism'] })).toEqual([a.id]);
    expect(await ids({ words: ['old'] })).toEqual([]); // only the latest version is searched
    expect(await ids({ words: ['100%'] })).toEqual([]); // % is a literal, not a wildcard
    expect(await ids({ region: 'tyrol' })).toEqual([a.id]); // a whole region, not a substring
    expect(await ids({ region: 'ith1' })).toEqual([b.id]);
    expect(await ids({ template: 'adw' })).toEqual([b.id]);
    expect(await ids({ field: 'tourism' })).toEqual([a.id]);
    expect(await ids({ from: '2026-03-01', to: '2026-05-01' })).toEqual([b.id, a.id]);

    const page = await storage.searchRecords({ words: [], offset: 1, limit: 1 });
    expect(page.total).toBe(3);
    expect(page.items).toHaveLength(1);
    expect(page.items[0]).toMatchObject({ workshopId: b.id, status: 'open', versions: 1 });
    const [first] = (await storage.searchRecords({ words: ['tourism'], offset: 0, limit: 5 }))
      .items;
    expect(first).toMatchObject({ workshopId: a.id, version: 2, versions: 2, status: 'archived' });
    await storage.close();
  });

  it('keeps the first value of a setting', async () => {
    const storage = await make();
    expect(await storage.getSetting('organiser_token_hash')).toBeNull();
    expect(await storage.initSetting('organiser_token_hash', 'first')).toBe('first');
    expect(await storage.initSetting('organiser_token_hash', 'second')).toBe('first');
    expect(await storage.getSetting('organiser_token_hash')).toBe('first');
    await storage.close();
  });

  it('reports writability', async () => {
    const storage = await make();
    expect(await storage.isWritable()).toBe(true);
    await storage.close();
    expect(await storage.isWritable()).toBe(false);
  });
});

function recordRow(
  workshopId: string,
  version: number,
  kind: 'archive' | 'snapshot',
  overrides: Partial<RecordRow> = {},
): RecordRow {
  return {
    workshopId,
    version,
    kind,
    archivedAt: '2026-11-23T17:00:00.000Z',
    schemaVersion: 1,
    title: 'Workshop',
    template: 'edw',
    field: '',
    regions: ['Tyrol'],
    createdAt: '2026-11-23T08:00:00.000Z',
    heldOn: '2026-11-23',
    searchText: 'workshop',
    regionKeys: [],
    json: '{}',
    ...overrides,
  };
}

function summaryOf(row: RecordRow) {
  const { searchText: _s, regionKeys: _r, json: _j, ...summary } = row;
  return summary;
}

/** A workshop with tokens of its own (token hashes are unique across workshops). */
function otherWorkshop(): NewWorkshop {
  const token = () => hashToken(randomId(32));
  return {
    ...newWorkshop(),
    tokenHashes: { facilitator: token(), participant: token(), projector: token() },
  };
}

describe.skipIf(!withPostgres)('postgres migrations', () => {
  it('run once when several processes start together', async () => {
    const schema = await createTestSchema();
    schemas.push(schema);
    const started = await Promise.all(
      Array.from({ length: 4 }, () => PostgresStorage.open({ url: schema.url, log })),
    );
    const check = new pg.Client({ connectionString: schema.url });
    await check.connect();
    const { rows } = await check.query<{ version: number }>(
      'SELECT version FROM schema_migrations ORDER BY version',
    );
    await check.end();
    expect(rows.map((r) => r.version)).toEqual(POSTGRES_MIGRATIONS.map((_, i) => i + 1));
    for (const storage of started) {
      expect(await storage.isWritable()).toBe(true);
      await storage.close();
    }
  });
});
