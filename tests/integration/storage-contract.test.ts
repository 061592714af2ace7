/**
 * The contract every Storage implementation must meet. SQLite today; PostgreSQL joins the list
 * with the scale-out work, against the real database.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { hashToken } from '../../server/auth/tokens';
import { SqliteStorage } from '../../server/storage/sqlite/sqliteStorage';
import type { NewWorkshop, Storage } from '../../server/storage/storage';
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
    const base = { workshopId: w.id, organisation: '', helix: null, regionId: '', removed: false };
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
    expect((await storage.listIdentities(w.id)).map((i) => [i.id, i.helix])).toEqual([
      ['i1', null],
      ['i2', 'cluster'],
    ]);
    await storage.close();
  });

  it('reports writability', async () => {
    const storage = make();
    expect(await storage.isWritable()).toBe(true);
    await storage.close();
    expect(await storage.isWritable()).toBe(false);
  });
});
