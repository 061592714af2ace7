/** Test support: stock y-websocket clients (the npm `y-websocket` provider) and raw sockets. */
import * as encoding from 'lib0/encoding';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import { waitFor, wsBase } from './server';

export interface TestClient {
  doc: Y.Doc;
  provider: WebsocketProvider;
  closeCodes: number[];
  destroy(): void;
}

/** A stock WebsocketProvider, exactly as a third-party client would connect. */
export function connectClient(baseUrl: string, workshopId: string, token: string): TestClient {
  const doc = new Y.Doc();
  const provider = new WebsocketProvider(wsBase(baseUrl), workshopId, doc, {
    params: { token },
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
    maxBackoffTime: 200,
  });
  const closeCodes: number[] = [];
  provider.on('connection-close', (event) => {
    if (event) closeCodes.push(event.code);
  });
  return {
    doc,
    provider,
    closeCodes,
    destroy() {
      // When a peer's update speaks for this doc's client id (Yjs ids are not authenticated; the
      // sync fuzz sends such updates), Yjs gives the doc a new id, but the presence keeps the old
      // one, and y-websocket's destroy reads the presence under the doc's id: point it back first.
      doc.clientID = provider.awareness.clientID;
      provider.destroy();
      doc.destroy();
    },
  };
}

export async function connectSynced(
  baseUrl: string,
  workshopId: string,
  token: string,
): Promise<TestClient> {
  const client = connectClient(baseUrl, workshopId, token);
  await waitFor(() => client.provider.synced, 'client to sync');
  return client;
}

/** A raw WebSocket that records every message and the close code. */
export interface RawSocket {
  socket: WebSocket;
  messages: Uint8Array[];
  closed: Promise<{ code: number; reason: string }>;
  opened: Promise<void>;
}

export function rawSocket(url: string): RawSocket {
  const socket = new WebSocket(url);
  const messages: Uint8Array[] = [];
  socket.binaryType = 'nodebuffer';
  socket.on('message', (data: Buffer) => messages.push(new Uint8Array(data)));
  socket.on('error', () => {});
  const closed = new Promise<{ code: number; reason: string }>((resolve) =>
    socket.on('close', (code, reason) => resolve({ code, reason: reason.toString() })),
  );
  const opened = new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve());
    socket.once('error', reject);
  });
  return { socket, messages, closed, opened };
}

/** A y-websocket "sync update" message carrying `update` (what a client sends for each edit). */
export function syncUpdateMessage(update: Uint8Array): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, 0);
  encoding.writeVarUint(e, 2);
  encoding.writeVarUint8Array(e, update);
  return encoding.toUint8Array(e);
}

/** A y-websocket awareness message setting these clients' states (as any client could). */
export function awarenessMessage(
  entries: { clientId: number; clock: number; state: unknown }[],
): Uint8Array {
  const inner = encoding.createEncoder();
  encoding.writeVarUint(inner, entries.length);
  for (const entry of entries) {
    encoding.writeVarUint(inner, entry.clientId);
    encoding.writeVarUint(inner, entry.clock);
    encoding.writeVarString(inner, JSON.stringify(entry.state));
  }
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, 1);
  encoding.writeVarUint8Array(e, encoding.toUint8Array(inner));
  return encoding.toUint8Array(e);
}

/** The update an edit makes to a replica of `base` (the replica is kept for further edits). */
export function replicaOf(base: Y.Doc): {
  doc: Y.Doc;
  edit(change: (doc: Y.Doc) => void): Uint8Array;
} {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, Y.encodeStateAsUpdate(base));
  return {
    doc,
    edit(change) {
      const before = Y.encodeStateVector(doc);
      change(doc);
      return Y.encodeStateAsUpdate(doc, before);
    },
  };
}
