/**
 * The contract every Storage implementation must meet. SQLite today; PostgreSQL joins the list
 * with the scale-out work, against the real database.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { hashToken } from '../../server/auth/tokens';
import { SqliteStorage } from '../../server/storage/sqlite/sqliteStorage';
import type { NewWorkshop, RecordRow, Storage } from '../../server/storage/storage';
import { randomId } from '../../shared/ids';
import { tempDataDir } from '../support/server';

const implementations: [string, () => Storage][] = [
  ['sqlite', () => new SqliteStorage({ dataDir: tempDataDir('transforma-storage-') })],
];

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

describe.each(implementations)('%s storage', (_name, make) => {
  it('creates a workshop and resolves token hashes to roles in that workshop only', async () => {
    const storage = make();
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
    const storage = make();
    const w = newWorkshop();
    await storage.createWorkshop(w);
    const doc = rebuild(await storage.loadDocument(w.id));
    const updates: Uint8Array[] = [];
    doc.on('update', (u: Uint8Array) => updates.push(u));
    for (let i = 0; i < 5; i++) doc.getArray('list').push([i]);
    await storage.appendUpdates(w.id, 1, updates.slice(0, 1));
    await storage.appendUpdates(w.id, 2, updates.slice(1));

    const stored = await storage.loadDocument(w.id);
    expect(stored).toMatchObject({ snapshotSeq: 0, lastSeq: 5 });
    expect(stored.updates).toHaveLength(5);
    expect(rebuild(stored).getArray('list').toArray()).toEqual([0, 1, 2, 3, 4]);
    expect(rebuild(stored).getMap('meta').get('title')).toBe('initial');
    await storage.close();
  });

  it('rejects a batch that reuses a sequence number, atomically', async () => {
    const storage = make();
    const w = newWorkshop();
    await storage.createWorkshop(w);
    const u = new Uint8Array([0, 0]);
    await storage.appendUpdates(w.id, 1, [u]);
    await storage.appendUpdates(w.id, 2, [u, u, u]);
    await storage.appendUpdates(w.id, 6, [u]);
    // seq 5 is free but 6 is taken: nothing of the batch may be stored.
    await expect(storage.appendUpdates(w.id, 5, [u, u])).rejects.toThrow();
    const stored = await storage.loadDocument(w.id);
    expect(stored.lastSeq).toBe(6);
    expect(stored.updates).toHaveLength(5);
    await storage.close();
  });

  it('compacts: the snapshot replaces the updates it covers, later ones stay', async () => {
    const storage = make();
    const w = newWorkshop();
    await storage.createWorkshop(w);
    const doc = rebuild(await storage.loadDocument(w.id));
    const updates: Uint8Array[] = [];
    doc.on('update', (u: Uint8Array) => updates.push(u));
    for (let i = 0; i < 4; i++) doc.getArray('list').push([i]);
    await storage.appendUpdates(w.id, 1, updates.slice(0, 3));
    const snapshotDoc = rebuild(await storage.loadDocument(w.id));
    await storage.appendUpdates(w.id, 4, updates.slice(3));
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
    const storage = make();
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
    const storage = make();
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
    const storage = make();
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
    const storage = make();
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

  it('keeps a workshop status, open until archived', async () => {
    const storage = make();
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
    const storage = make();
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
    const storage = make();
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
    const storage = make();
    expect(await storage.getSetting('organiser_token_hash')).toBeNull();
    expect(await storage.initSetting('organiser_token_hash', 'first')).toBe('first');
    expect(await storage.initSetting('organiser_token_hash', 'second')).toBe('first');
    expect(await storage.getSetting('organiser_token_hash')).toBe('first');
    await storage.close();
  });

  it('reports writability', async () => {
    const storage = make();
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
