/**
 * A stock y-websocket client that comes back with edits the server has not seen (made offline, or
 * sent to a process that died) and goes on editing while it reconnects: the provider sends each
 * new edit as soon as the socket opens, before its sync step 2 has brought the offline ones. The
 * server must not take that for a broken client (4400 makes the app stop syncing for good); the
 * step 2 that follows carries everything, the early edit included.
 */
import WebSocket from 'ws';
import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import { afterEach, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../server/app';
import { createCard, listCards } from '../../shared/doc';
import { connectSynced, type TestClient } from '../support/clients';
import { createWorkshop, startTestServer, waitFor, wsBase } from '../support/server';

const servers: RunningServer[] = [];
const clients: TestClient[] = [];
const providers: WebsocketProvider[] = [];

afterEach(async () => {
  for (const c of clients.splice(0)) c.destroy();
  for (const p of providers.splice(0)) p.destroy();
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

const titles = (doc: Y.Doc) =>
  listCards(doc)
    .map((c) => c.title)
    .sort();

describe('a client reconnecting with edits the server lacks', () => {
  it('keeps its connection when it edits before its sync step 2, and loses nothing', async () => {
    const server = await startTestServer();
    servers.push(server);
    const w = await createWorkshop(server.url, 'Offline edits');
    const first = await connectSynced(server.url, w.id, w.tokens.participant);
    clients.push(first);
    createCard(first.doc, { title: 'seen by the server' });
    const other = await connectSynced(server.url, w.id, w.tokens.participant);
    clients.push(other);
    await waitFor(() => titles(other.doc).length === 1, 'the first card to be stored');

    // The same tab, offline: its doc goes on, the server hears nothing.
    const doc = new Y.Doc();
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(first.doc));
    createCard(doc, { title: 'offline 1' });
    createCard(doc, { title: 'offline 2' });

    // Back online, typing on: an edit made the moment the socket opens goes out before the
    // provider has even answered the server's sync step 1.
    const provider = new WebsocketProvider(wsBase(server.url), w.id, doc, {
      params: { token: w.tokens.participant },
      WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
      disableBc: true,
      maxBackoffTime: 200,
      connect: false,
    });
    providers.push(provider);
    const closes: number[] = [];
    provider.on('connection-close', (event) => {
      if (event) closes.push(event.code);
    });
    let typed = false;
    provider.on('status', ({ status }) => {
      if (status === 'connected' && !typed) {
        typed = true;
        createCard(doc, { title: 'typed while reconnecting' });
      }
    });
    provider.connect();
    await waitFor(() => provider.synced, 'the client to sync');
    const all = ['offline 1', 'offline 2', 'seen by the server', 'typed while reconnecting'];
    await waitFor(() => titles(other.doc).length === 4, 'every card to reach the other client');
    expect(titles(other.doc)).toEqual(all);
    expect(closes).toEqual([]);

    // And it is stored: a client joining now gets all four.
    const late = await connectSynced(server.url, w.id, w.tokens.participant);
    clients.push(late);
    expect(titles(late.doc)).toEqual(all);
  });
});
