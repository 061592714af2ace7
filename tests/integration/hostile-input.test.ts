/**
 * Bad input on the sync socket: the offending socket is closed with a clear code, the server keeps
 * serving everyone else, and the workshop's stored state is not corrupted.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../server/app';
import { createCard, listCards } from '../../shared/doc';
import { connectSynced, rawSocket, syncUpdateMessage, type TestClient } from '../support/clients';
import { emptyStructUpdate, forwardReferenceUpdate } from '../support/malformedUpdates';
import { createWorkshop, startTestServer, tempDataDir, waitFor, wsBase } from '../support/server';

const servers: RunningServer[] = [];
const clients: TestClient[] = [];
afterEach(async () => {
  for (const c of clients.splice(0)) c.destroy();
  for (const s of servers.splice(0)) await s.close();
});

describe('hostile input on the sync socket', () => {
  it.each([
    ['random bytes', new Uint8Array([250, 251, 252, 253, 254, 255, 1, 2, 3])],
    ['an unknown message type', new Uint8Array([42, 0])],
    ['a truncated sync message', new Uint8Array([0, 2, 100, 1, 2])],
    ['trailing bytes', new Uint8Array([3, 7, 7, 7])],
    ['a text frame', 'hello'],
  ])(
    'closes a socket that sends %s with 4400 and keeps serving others',
    async (_label, payload) => {
      const s = await startTestServer();
      servers.push(s);
      const w = await createWorkshop(s.url);
      const good = await connectSynced(s.url, w.id, w.tokens.participant);
      const other = await connectSynced(s.url, w.id, w.tokens.participant);
      clients.push(good, other);

      const bad = rawSocket(`${wsBase(s.url)}/${w.id}?token=${w.tokens.participant}`);
      await bad.opened;
      bad.socket.send(payload);
      expect((await bad.closed).code).toBe(4400);

      createCard(good.doc, { title: 'still works' });
      await waitFor(() => listCards(other.doc).length === 1, 'other client to receive');
    },
  );

  it('refuses an update that does not decode whole, and only its sender: the room carries on', async () => {
    const dataDir = tempDataDir();
    const s = await startTestServer({ dataDir });
    servers.push(s);
    const w = await createWorkshop(s.url);
    const a = await connectSynced(s.url, w.id, w.tokens.participant);
    clients.push(a);
    createCard(a.doc, { title: 'before the attack' });

    const bad = rawSocket(`${wsBase(s.url)}/${w.id}?token=${w.tokens.participant}`);
    await bad.opened;
    // A well-framed sync update whose Yjs payload is garbage.
    bad.socket.send(syncUpdateMessage(new Uint8Array([5, 200, 1, 7, 9, 9, 9, 9])));
    expect((await bad.closed).code).toBe(4400);

    const late = await connectSynced(s.url, w.id, w.tokens.participant);
    clients.push(late);
    await waitFor(() => listCards(late.doc).length === 1, 'the good card to survive');
    expect(listCards(late.doc)[0]?.title).toBe('before the attack');
    expect(a.closeCodes).toEqual([]);
  });

  it('refuses whole an update that decodes but would throw half-way, keeping none of it (found by the fuzz)', async () => {
    const s = await startTestServer();
    servers.push(s);
    const w = await createWorkshop(s.url);
    const a = await connectSynced(s.url, w.id, w.tokens.participant);
    clients.push(a);

    const bad = rawSocket(`${wsBase(s.url)}/${w.id}?token=${w.tokens.participant}`);
    await bad.opened;
    // Its first item is fine, its second refers to a later change of its own client: applied as
    // it came, the first item stayed in the workshop while the sender was told it was refused.
    bad.socket.send(syncUpdateMessage(forwardReferenceUpdate(4242, 'fuzzed')));
    expect((await bad.closed).code).toBe(4400);

    createCard(a.doc, { title: 'after the attack' });
    const late = await connectSynced(s.url, w.id, w.tokens.participant);
    clients.push(late);
    await waitFor(() => listCards(late.doc).length === 1, 'the good card to arrive');
    const stored = await s.rooms.withDocument(w.id, (doc) => doc.getArray('fuzzed').toJSON());
    expect(stored).toEqual([]);
    expect(late.doc.getArray('fuzzed').toJSON()).toEqual([]);
    expect(a.closeCodes).toEqual([]);
  });

  it('refuses an update with an empty struct: the workshop stays readable and opens for a new client (found by the fuzz)', async () => {
    const s = await startTestServer();
    servers.push(s);
    const w = await createWorkshop(s.url);
    const a = await connectSynced(s.url, w.id, w.tokens.participant);
    clients.push(a);
    createCard(a.doc, { title: 'before the attack' });

    const bad = rawSocket(`${wsBase(s.url)}/${w.id}?token=${w.tokens.participant}`);
    await bad.opened;
    bad.socket.send(syncUpdateMessage(emptyStructUpdate(4242, 'hollow')));
    expect((await bad.closed).code).toBe(4400);

    const late = await connectSynced(s.url, w.id, w.tokens.participant);
    clients.push(late);
    await waitFor(() => listCards(late.doc).length === 1, 'the good card to arrive');
    expect(late.doc.getMap('cards').has('hollow')).toBe(false);
    const stored = await s.rooms.withDocument(w.id, (doc) => listCards(doc).map((c) => c.title));
    expect(stored).toEqual(['before the attack']);
    expect(a.closeCodes).toEqual([]);
  });

  it('closes a socket whose message exceeds MAX_MESSAGE_BYTES with 1009', async () => {
    const s = await startTestServer({ maxMessageBytes: 64 * 1024 });
    servers.push(s);
    const w = await createWorkshop(s.url);
    const bad = rawSocket(`${wsBase(s.url)}/${w.id}?token=${w.tokens.participant}`);
    await bad.opened;
    bad.socket.send(new Uint8Array(65 * 1024));
    expect((await bad.closed).code).toBe(1009);
    const res = await fetch(`${s.url}/healthz`);
    expect(res.status).toBe(200);
  });

  it('answers 404 to a WebSocket upgrade on an unknown path', async () => {
    const s = await startTestServer();
    servers.push(s);
    const raw = rawSocket(`${s.url.replace('http', 'ws')}/elsewhere`);
    await expect(raw.opened).rejects.toThrow(/404/);
  });
});
