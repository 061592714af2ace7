/**
 * What the relay checks of an update before applying it: which updates change a doc (gates refuse
 * only those), which add content (a full workshop refuses only those), and which it must refuse
 * whole (undecodable, or depending on changes the server does not have).
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { inspectUpdate } from '../../server/sync/inspectUpdate';
import { emptyStructUpdate, forwardReferenceUpdate } from '../support/malformedUpdates';

const changesDocument = (doc: Y.Doc, update: Uint8Array) => {
  const inspection = inspectUpdate(doc, update);
  if (!inspection.ok) throw new Error(inspection.reason);
  return inspection.changes;
};

function synced(): { server: Y.Doc; client: Y.Doc } {
  const server = new Y.Doc();
  server.getArray<string>('list').push(['a', 'b', 'c']);
  const client = new Y.Doc();
  Y.applyUpdate(client, Y.encodeStateAsUpdate(server));
  return { server, client };
}

describe('changesDocument', () => {
  it('is false for a sync reply that brings nothing new, deletions included', () => {
    const { server, client } = synced();
    server.getArray('list').delete(0, 1);
    Y.applyUpdate(client, Y.encodeStateAsUpdate(server));
    const reply = Y.encodeStateAsUpdate(client, Y.encodeStateVector(server));
    expect(changesDocument(server, reply)).toBe(false);
    expect(changesDocument(server, Y.encodeStateAsUpdate(client))).toBe(false);
    expect(changesDocument(server, Y.encodeStateAsUpdate(new Y.Doc()))).toBe(false);
  });

  it('is true for new content and for new deletions', () => {
    const { server, client } = synced();
    const before = Y.encodeStateVector(server);
    client.getArray<string>('list').push(['d']);
    expect(changesDocument(server, Y.encodeStateAsUpdate(client, before))).toBe(true);

    const other = synced();
    other.client.getArray('list').delete(1, 1);
    const deletion = Y.encodeStateAsUpdate(other.client, Y.encodeStateVector(other.server));
    expect(changesDocument(other.server, deletion)).toBe(true);
  });
});

describe('refusing whole', () => {
  it('an update whose item refers to a later change of its own client (found by the fuzz)', () => {
    const update = forwardReferenceUpdate(4242);
    expect(() => Y.decodeUpdate(update)).not.toThrow();
    // What refusing spares the room: Yjs applies the first item, then throws on the second.
    const doc = new Y.Doc();
    expect(() => Y.applyUpdate(doc, update)).toThrow();
    expect(doc.getArray('list').toJSON()).toEqual(['a']);

    expect(inspectUpdate(new Y.Doc(), update)).toEqual({ ok: false, reason: 'malformed update' });
    const { server } = synced();
    expect(inspectUpdate(server, update)).toEqual({ ok: false, reason: 'malformed update' });
  });

  it('an update with an empty struct (found by the fuzz)', () => {
    const update = emptyStructUpdate(4242);
    expect(Y.decodeUpdate(update).structs.map((s) => s.length)).toEqual([1, 0]);
    // What refusing spares the room: Yjs takes the card in, then throws, and from then on a new
    // client cannot load the doc any more.
    const doc = new Y.Doc();
    expect(() => Y.applyUpdate(doc, update)).toThrow();
    expect(doc.getMap('cards').has('card')).toBe(true);
    expect(() => Y.applyUpdate(new Y.Doc(), Y.encodeStateAsUpdate(doc))).toThrow();

    expect(inspectUpdate(new Y.Doc(), update)).toEqual({ ok: false, reason: 'malformed update' });
  });
});
