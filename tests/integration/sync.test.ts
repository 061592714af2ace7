/**
 * The sync contract with stock y-websocket clients against the real server:
 * two clients sync, wrong tokens are refused with 4401, projectors cannot write, presence is relayed,
 * data survives a restart.
 */
import { afterEach, describe, expect, it } from 'vitest';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';
import type { RunningServer } from '../../server/app';
import { createCard, listCards, moveCard, readMeta, setCardTitle } from '../../shared/doc';
import { connectClient, connectSynced, rawSocket, type TestClient } from '../support/clients';
import { createWorkshop, startTestServer, tempDataDir, waitFor, wsBase } from '../support/server';

const servers: RunningServer[] = [];
const clients: TestClient[] = [];

async function server(dataDir = tempDataDir()) {
  const s = await startTestServer({ dataDir });
  servers.push(s);
  return s;
}

async function client(s: RunningServer, id: string, token: string) {
  const c = await connectSynced(s.url, id, token);
  clients.push(c);
  return c;
}

afterEach(async () => {
  for (const c of clients.splice(0)) c.destroy();
  for (const s of servers.splice(0)) await s.close();
});

describe('sync between stock y-websocket clients', () => {
  it('delivers the workshop meta written at creation to a new client', async () => {
    const s = await server();
    const w = await createWorkshop(s.url, 'Digital services for tourism', 'cedw');
    const a = await client(s, w.id, w.tokens.participant);
    expect(readMeta(a.doc)).toMatchObject({
      workshopId: w.id,
      title: 'Digital services for tourism',
      template: 'cedw',
    });
  });

  it('syncs cards created, edited and moved by two clients both ways', async () => {
    const s = await server();
    const w = await createWorkshop(s.url);
    const a = await client(s, w.id, w.tokens.participant);
    const b = await client(s, w.id, w.tokens.facilitator);

    const id = createCard(a.doc, { title: 'Ski lift sensors', createdBy: 'Ana', x: 10, y: 20 });
    await waitFor(() => listCards(b.doc).length === 1, 'B to see the card');
    expect(listCards(b.doc)[0]).toMatchObject({ id, title: 'Ski lift sensors', x: 10, y: 20 });

    moveCard(b.doc, id, 300, 400);
    setCardTitle(b.doc, id, 'Ski lift sensors (IoT)');
    await waitFor(() => listCards(a.doc)[0]?.x === 300, 'A to see the move');
    expect(listCards(a.doc)[0]).toMatchObject({ title: 'Ski lift sensors (IoT)', y: 400 });
  });

  it('merges concurrent typing in the same card title', async () => {
    const s = await server();
    const w = await createWorkshop(s.url);
    const a = await client(s, w.id, w.tokens.participant);
    const b = await client(s, w.id, w.tokens.participant);
    const id = createCard(a.doc, { title: 'tourism' });
    await waitFor(() => listCards(b.doc).length === 1, 'B to see the card');

    setCardTitle(a.doc, id, 'digital tourism');
    setCardTitle(b.doc, id, 'tourism services');
    await waitFor(
      () => listCards(a.doc)[0]?.title === listCards(b.doc)[0]?.title,
      'titles to converge',
    );
    expect(listCards(a.doc)[0]?.title).toBe('digital tourism services');
  });

  it('relays presence (awareness) between clients', async () => {
    const s = await server();
    const w = await createWorkshop(s.url);
    const a = await client(s, w.id, w.tokens.participant);
    const b = await client(s, w.id, w.tokens.participant);
    a.provider.awareness.setLocalStateField('user', { name: 'Ana', color: '#f00' });
    await waitFor(
      () =>
        [...b.provider.awareness.getStates().values()].some(
          (state) => (state as { user?: { name: string } }).user?.name === 'Ana',
        ),
      'B to see A in presence',
    );
    a.destroy();
    await waitFor(
      () => !b.provider.awareness.getStates().has(a.doc.clientID),
      'A to leave presence when it disconnects',
    );
  });
});

describe('authentication', () => {
  it.each([
    ['a wrong token', 'x'.repeat(43)],
    ['a malformed token', 'not a token!'],
    ['no token', null],
  ])('closes the socket with 4401 and sends no document data for %s', async (_label, token) => {
    const s = await server();
    const w = await createWorkshop(s.url);
    const url = `${wsBase(s.url)}/${w.id}${token === null ? '' : `?token=${encodeURIComponent(token)}`}`;
    const raw = rawSocket(url);
    const { code } = await raw.closed;
    expect(code).toBe(4401);
    expect(raw.messages).toHaveLength(0);
  });

  it('refuses a token of another workshop', async () => {
    const s = await server();
    const w1 = await createWorkshop(s.url);
    const w2 = await createWorkshop(s.url);
    const raw = rawSocket(`${wsBase(s.url)}/${w1.id}?token=${w2.tokens.facilitator}`);
    expect((await raw.closed).code).toBe(4401);
    expect(raw.messages).toHaveLength(0);
  });

  it('makes a stock provider with a wrong token see close code 4401', async () => {
    const s = await server();
    const w = await createWorkshop(s.url);
    const c = connectClient(s.url, w.id, 'y'.repeat(43));
    clients.push(c);
    await waitFor(() => c.closeCodes.includes(4401), 'close code 4401');
    expect(c.provider.synced).toBe(false);
  });
});

describe('projector (read-only)', () => {
  it('receives everything and its own edits are never applied, relayed or stored', async () => {
    const dataDir = tempDataDir();
    let s = await server(dataDir);
    const w = await createWorkshop(s.url);
    const participant = await client(s, w.id, w.tokens.participant);
    const projector = await client(s, w.id, w.tokens.projector);

    createCard(participant.doc, { title: 'visible to the wall' });
    await waitFor(() => listCards(projector.doc).length === 1, 'projector to receive the card');

    createCard(projector.doc, { title: 'written by the wall' });
    // A later participant edit proves the server processed the projector's message meanwhile.
    createCard(participant.doc, { title: 'second' });
    await waitFor(() => listCards(projector.doc).length === 3, 'projector to receive the second');
    await new Promise((r) => setTimeout(r, 100));
    expect(listCards(participant.doc).map((c) => c.title)).not.toContain('written by the wall');

    const late = await client(s, w.id, w.tokens.participant);
    expect(
      listCards(late.doc)
        .map((c) => c.title)
        .sort(),
    ).toEqual(['second', 'visible to the wall']);

    for (const c of clients.splice(0)) c.destroy();
    await s.close();
    servers.length = 0;
    s = await server(dataDir);
    const afterRestart = await client(s, w.id, w.tokens.facilitator);
    expect(listCards(afterRestart.doc).map((c) => c.title)).not.toContain('written by the wall');
  });
});

describe('durability', () => {
  it('keeps every card across a server restart, with and without compaction', async () => {
    for (const compactEvery of [1_000_000, 3]) {
      const dataDir = tempDataDir();
      let s = await startTestServer({ dataDir, compactEvery });
      const w = await createWorkshop(s.url);
      const a = await connectSynced(s.url, w.id, w.tokens.participant);
      for (let i = 0; i < 10; i++) createCard(a.doc, { title: `capacity ${i}` });
      const b = await connectSynced(s.url, w.id, w.tokens.participant);
      await waitFor(() => listCards(b.doc).length === 10, 'B to have all ten cards');
      a.destroy();
      b.destroy();
      await s.close();

      s = await startTestServer({ dataDir, compactEvery });
      const c = await connectSynced(s.url, w.id, w.tokens.facilitator);
      expect(
        listCards(c.doc)
          .map((card) => card.title)
          .sort(),
      ).toEqual(Array.from({ length: 10 }, (_, i) => `capacity ${i}`).sort());
      c.destroy();
      await s.close();
    }
  });

  it('sends a client that was offline exactly the changes it missed, and takes its offline edits', async () => {
    const s = await server();
    const w = await createWorkshop(s.url);
    const a = await client(s, w.id, w.tokens.participant);
    const b = await client(s, w.id, w.tokens.participant);
    b.provider.disconnect();
    createCard(a.doc, { title: 'made while B was away' });
    createCard(b.doc, { title: 'made offline by B' });
    b.provider.connect();
    await waitFor(() => listCards(a.doc).length === 2 && listCards(b.doc).length === 2, 'merge');
    expect(Y.encodeStateVector(a.doc)).toEqual(Y.encodeStateVector(b.doc));
  });
});

describe('relay', () => {
  it('never sends writers their own updates back, however updates are batched', async () => {
    const s = await server();
    const w = await createWorkshop(s.url);
    const writers = [0, 1, 2].map(() => {
      const doc = new Y.Doc();
      const raw = rawSocket(`${wsBase(s.url)}/${w.id}?token=${w.tokens.participant}`);
      doc.on('update', (update: Uint8Array) => {
        const e = encoding.createEncoder();
        encoding.writeVarUint(e, 0);
        encoding.writeVarUint(e, 2);
        encoding.writeVarUint8Array(e, update);
        if (raw.socket.readyState === 1) raw.socket.send(encoding.toUint8Array(e));
      });
      return { doc, raw };
    });
    await Promise.all(writers.map((wr) => wr.raw.opened));
    // Bursts from three writers at once, so the server merges several senders per turn.
    for (let i = 0; i < 30; i++) for (const wr of writers) createCard(wr.doc, { title: `c${i}` });
    const reader = await client(s, w.id, w.tokens.participant);
    await waitFor(() => listCards(reader.doc).length === 90, 'all 90 cards at a reader');
    await new Promise((r) => setTimeout(r, 200));

    for (const wr of writers) {
      const own = wr.doc.clientID;
      const received = wr.raw.messages
        .map((m) => decoding.createDecoder(m))
        .filter((d) => decoding.readVarUint(d) === 0 && decoding.readVarUint(d) === 2)
        .map((d) => Y.decodeUpdate(decoding.readVarUint8Array(d)));
      expect(received.length).toBeGreaterThan(0); // it did hear the others
      for (const update of received) {
        expect(update.structs.every((struct) => struct.id.client !== own)).toBe(true);
      }
      wr.raw.socket.close();
    }
  });
});
