/**
 * One WebSocket frame built once for many recipients (issue 15: a broadcast to 250 sockets used to
 * frame the message 250 times, each a header allocation, a Buffer view and a corked two-chunk
 * write). A server's frames are not masked (RFC 6455 §5.1), so the same bytes are valid on every
 * socket: a binary, final frame is the header below followed by the payload.
 *
 * Writing the bytes straight to the TCP socket bypasses `ws`'s Sender, which is safe only while
 * the Sender queues nothing: it queues only while compressing or reading a Blob, and this server
 * has `perMessageDeflate: false` and sends Uint8Arrays only. `writeFrame` checks that state and
 * otherwise falls back to `ws.send`, so a future option cannot interleave bytes mid-frame.
 */
import type { Socket } from 'node:net';
import type WebSocket from 'ws';

const OPCODE_BINARY_FINAL = 0x82;

export class WireFrame {
  private framed: Buffer | null = null;

  constructor(readonly payload: Uint8Array) {}

  /** The frame's bytes: header and payload in one buffer, made on first use. */
  get bytes(): Buffer {
    return (this.framed ??= frameBinary(this.payload));
  }
}

export function frameBinary(payload: Uint8Array): Buffer {
  const length = payload.byteLength;
  const headerLength = length < 126 ? 2 : length < 65_536 ? 4 : 10;
  const frame = Buffer.allocUnsafe(headerLength + length);
  frame[0] = OPCODE_BINARY_FINAL;
  if (length < 126) {
    frame[1] = length;
  } else if (length < 65_536) {
    frame[1] = 126;
    frame.writeUInt16BE(length, 2);
  } else {
    frame[1] = 127;
    frame.writeBigUInt64BE(BigInt(length), 2);
  }
  frame.set(payload, headerLength);
  return frame;
}

/** The parts of `ws` internals this relies on; absent ones make it fall back to `ws.send`. */
interface WsInternals {
  _socket?: Socket | null;
  _sender?: { _state?: number; _queue?: unknown[] } | null;
}

/** Sends a prebuilt frame on an open socket (the caller checked `readyState`). */
export function writeFrame(socket: WebSocket, frame: WireFrame): void {
  const { _socket: tcp, _sender: sender } = socket as unknown as WsInternals;
  if (tcp && sender && sender._state === 0 && sender._queue?.length === 0 && tcp.writable) {
    tcp.write(frame.bytes);
  } else {
    socket.send(frame.payload, { binary: true });
  }
}
