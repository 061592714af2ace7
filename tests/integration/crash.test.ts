/**
 * Durability under kill -9: every update a client has received from the server is on disk, because
 * the server appends before it relays. The server runs in a child process and is SIGKILLed while a
 * writer is mid-burst; after a restart, a fresh client must hold everything the observer had seen.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createCard, listCards } from '../../shared/doc';
import { connectSynced, type TestClient } from '../support/clients';
import { startChildServer, type ChildServer } from '../support/childServer';
import { createWorkshop, tempDataDir, waitFor } from '../support/server';

const children: ChildServer[] = [];
const clients: TestClient[] = [];

afterEach(async () => {
  for (const c of clients.splice(0)) c.destroy();
  for (const child of children.splice(0)) await child.kill('SIGKILL');
});

describe('a server killed with SIGKILL', () => {
  it('loses no update that any client had received', async () => {
    const dataDir = tempDataDir();
    let server = await startChildServer({ DATA_DIR: dataDir });
    children.push(server);
    const w = await createWorkshop(server.url);

    for (let round = 0; round < 3; round++) {
      const writer = await connectSynced(server.url, w.id, w.tokens.participant);
      const observer = await connectSynced(server.url, w.id, w.tokens.participant);
      clients.push(writer, observer);
      const before = listCards(observer.doc).length;

      // A burst of separate edits; kill the server as soon as the observer has half of them.
      for (let i = 0; i < 40; i++) createCard(writer.doc, { title: `round ${round} card ${i}` });
      await waitFor(() => listCards(observer.doc).length >= before + 20, 'observer to receive');
      await server.kill('SIGKILL');
      children.length = 0;
      const seen = listCards(observer.doc).map((c) => c.id);
      writer.destroy();
      observer.destroy();
      clients.length = 0;

      server = await startChildServer({ DATA_DIR: dataDir });
      children.push(server);
      const fresh = await connectSynced(server.url, w.id, w.tokens.facilitator);
      clients.push(fresh);
      const stored = new Set(listCards(fresh.doc).map((c) => c.id));
      const lost = seen.filter((id) => !stored.has(id));
      expect(lost, `round ${round}: received by a client but lost`).toEqual([]);
      fresh.destroy();
      clients.length = 0;
    }
  });
});
