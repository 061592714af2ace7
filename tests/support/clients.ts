/** Test support: stock y-websocket clients (the npm `y-websocket` provider) and raw sockets. */
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
