/**
 * A frame built once for a broadcast (server/sync/wireFrame.ts) must be exactly what `ws` would
 * have sent: `ws`'s own Receiver, the one every client of this library parses with, is the judge,
 * at the lengths where the header changes shape (7-bit, 16-bit and 64-bit lengths).
 */
import { describe, expect, it } from 'vitest';
import { createRequire } from 'node:module';
import WebSocket, { WebSocketServer } from 'ws';
import { frameBinary, WireFrame, writeFrame } from '../../server/sync/wireFrame';

/** ws exports its Receiver at runtime; @types/ws does not declare it. */
interface FrameReceiver {
  on(event: 'message', listener: (data: Buffer, isBinary: boolean) => void): void;
  on(event: 'error', listener: (error: Error) => void): void;
  write(chunk: Buffer): void;
}
const { Receiver } = createRequire(import.meta.url)('ws') as {
  Receiver: new (options: { isServer: boolean; binaryType: string }) => FrameReceiver;
};

function parse(frame: Buffer): Promise<{ data: Buffer; isBinary: boolean }> {
  return new Promise((resolve, reject) => {
    // A client's receiver: it expects unmasked frames from the server.
    const receiver = new Receiver({ isServer: false, binaryType: 'nodebuffer' });
    receiver.on('message', (data: Buffer, isBinary: boolean) => resolve({ data, isBinary }));
    receiver.on('error', reject);
    receiver.write(frame);
  });
}

describe('frameBinary', () => {
  for (const length of [0, 1, 125, 126, 127, 65_535, 65_536, 200_000]) {
    it(`frames a ${length}-byte payload as one final binary frame`, async () => {
      const payload = Uint8Array.from({ length }, (_, i) => (i * 31 + 7) % 256);
      const { data, isBinary } = await parse(frameBinary(payload));
      expect(isBinary).toBe(true);
      expect(data.equals(Buffer.from(payload))).toBe(true);
    });
  }

  it('frames a view into a larger buffer by its own bytes only', async () => {
    const backing = Uint8Array.from({ length: 64 }, (_, i) => i);
    const view = backing.subarray(10, 20);
    const { data } = await parse(frameBinary(view));
    expect([...data]).toEqual([10, 11, 12, 13, 14, 15, 16, 17, 18, 19]);
  });
});

describe('writeFrame', () => {
  it("writes the prebuilt bytes past ws's Sender on a plain server socket, and the client gets the message", async () => {
    const wss = new WebSocketServer({ port: 0, host: '127.0.0.1', perMessageDeflate: false });
    try {
      await new Promise((resolve) => wss.once('listening', resolve));
      const { port } = wss.address() as { port: number };
      const serverSide = new Promise<WebSocket>((resolve) => wss.once('connection', resolve));
      const client = new WebSocket(`ws://127.0.0.1:${port}`);
      const received = new Promise<Buffer>((resolve) =>
        client.once('message', (data) => resolve(data as Buffer)),
      );
      const socket = await serverSide;
      // If ws's internals change so that the fast path no longer applies, this fails: the
      // broadcast would silently lose what issue 15 measured.
      socket.send = () => {
        throw new Error('fell back to ws.send');
      };
      const payload = Uint8Array.from({ length: 300 }, (_, i) => i % 256);
      writeFrame(socket, new WireFrame(payload));
      expect((await received).equals(Buffer.from(payload))).toBe(true);
      client.close();
    } finally {
      await new Promise((resolve) => wss.close(resolve));
    }
  });
});
