/**
 * The seam between the server processes that serve the same workshops.
 *
 * A room publishes what it accepted (document updates once they are durable, presence as it
 * relays it); every other process that holds the workshop applies those messages to its own doc
 * and relays them to its own sockets, without storing them again: the accepting process already
 * did. One process alone needs no bus: `LocalRoomBus` delivers nothing. `RedisRoomBus` crosses
 * processes over Redis pub/sub.
 *
 * Pub/sub delivers at most once: a message published while a subscriber was cut off is gone. So
 * the bus tells its rooms when it may have missed something (`onGap`), and they resync from the
 * database, which holds every durable update: the bus is an accelerator, the database the truth.
 */
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';

export type BusKind = 'update' | 'presence';

export interface BusMessage {
  kind: BusKind;
  /** A Yjs update (kind 'update') or an awareness update (kind 'presence'). */
  payload: Uint8Array;
}

export type BusListener = (message: BusMessage) => void;

export interface RoomBus {
  /** This process's id on the bus (its own messages never come back to it). */
  readonly processId: string;
  /** Starts delivering a workshop's messages from other processes; resolves once subscribed. */
  subscribe(workshopId: string, listener: BusListener): Promise<void>;
  unsubscribe(workshopId: string): Promise<void>;
  /** Sends to the other processes holding the workshop. Never throws; lost while disconnected. */
  publish(workshopId: string, message: BusMessage): void;
  /** Called after the bus may have lost messages (it reconnected): resync from storage. */
  onGap(listener: () => void): () => void;
  /** Why the bus cannot deliver now, or null when it can (readiness). */
  problem(): string | null;
  close(): Promise<void>;
}

/** One process: there is nobody to tell. */
export class LocalRoomBus implements RoomBus {
  readonly processId = 'local';
  subscribe(): Promise<void> {
    return Promise.resolve();
  }
  unsubscribe(): Promise<void> {
    return Promise.resolve();
  }
  publish(): void {}
  onGap(): () => void {
    return () => {};
  }
  problem(): string | null {
    return null;
  }
  close(): Promise<void> {
    return Promise.resolve();
  }
}

const KIND_CODES: Record<BusKind, number> = { update: 1, presence: 2 };

/**
 * Wire format: [kind code][length of the sender's id][sender's id, UTF-8][payload]. Binary, so a
 * Yjs update crosses without base64; the sender's id lets a process skip its own messages.
 */
export function encodeBusMessage(processId: string, message: BusMessage): Buffer {
  const sender = Buffer.from(processId, 'utf8');
  if (sender.length > 255) throw new Error('process id too long');
  const out = Buffer.allocUnsafe(2 + sender.length + message.payload.byteLength);
  out[0] = KIND_CODES[message.kind];
  out[1] = sender.length;
  sender.copy(out, 2);
  out.set(message.payload, 2 + sender.length);
  return out;
}

/** The message and its sender, or null for bytes that are not a bus message. */
export function decodeBusMessage(data: Buffer): { sender: string; message: BusMessage } | null {
  if (data.length < 2) return null;
  const kind = data[0] === 1 ? 'update' : data[0] === 2 ? 'presence' : null;
  const senderLength = data[1]!;
  if (!kind || data.length < 2 + senderLength) return null;
  return {
    sender: data.subarray(2, 2 + senderLength).toString('utf8'),
    // A copy: Yjs may keep references to the bytes it decodes.
    message: { kind, payload: new Uint8Array(data.subarray(2 + senderLength)) },
  };
}

/** The payload of a durable update on the bus: the seqs the database gave it, then the update. */
export function encodeDurableUpdate(
  firstSeq: number,
  lastSeq: number,
  update: Uint8Array,
): Uint8Array {
  const out = encoding.createEncoder();
  encoding.writeVarUint(out, firstSeq);
  encoding.writeVarUint(out, lastSeq);
  encoding.writeVarUint8Array(out, update);
  return encoding.toUint8Array(out);
}

/** Reads `encodeDurableUpdate`'s payload; throws on bytes that are not one. */
export function decodeDurableUpdate(payload: Uint8Array): {
  firstSeq: number;
  lastSeq: number;
  update: Uint8Array;
} {
  const input = decoding.createDecoder(payload);
  const firstSeq = decoding.readVarUint(input);
  const lastSeq = decoding.readVarUint(input);
  const update = decoding.readVarUint8Array(input);
  return { firstSeq, lastSeq, update };
}
