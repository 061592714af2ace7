/**
 * "Lite" y-websocket clients: the raw protocol (y-protocols sync + awareness) over `ws`, cheap
 * enough that one load-generator process can drive a few hundred sockets without becoming the
 * bottleneck.
 *
 * - join: sync step 1 with an empty state vector, answer the server's step 1 with our state,
 *   synced when the server's step 2 arrives; a small awareness state is set on join (and renewed
 *   on request, like y-protocols' Awareness does every 15 s).
 * - write: a private Y.Doc per writer produces a REAL Yjs update (a Y.Map note pushed into
 *   doc.getArray('notes')), sent as a sync "update" message.
 * - receive: updates are NOT applied. The arrival time, the receiver and a hash of the update
 *   bytes are recorded; each distinct update is decoded once (Y.decodeUpdate) to learn which
 *   notes it carried. A server may merge several notes into one message, so everything
 *   downstream counts per note, never per message.
 */
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { performance } from 'node:perf_hooks';
import WebSocket from 'ws';
import * as Y from 'yjs';

/** Wall-clock ms with sub-ms resolution, comparable across processes on the same host. */
export const nowMs = (): number => performance.timeOrigin + performance.now();

const MSG_SYNC = 0;
const MSG_AWARENESS = 1;
const MSG_AUTH = 2;
const MSG_QUERY_AWARENESS = 3;
const SYNC_STEP1 = 0;
const SYNC_STEP2 = 1;
const SYNC_UPDATE = 2;
const EMPTY_STATE_VECTOR = new Uint8Array([0]);
const EMPTY_UPDATE = new Uint8Array([0, 0]);

export interface NoteRef {
  id: string;
  /** writer's nowMs() when the note was made */
  ts: number;
}

const TEXT = 'Sticky note: what could the region do better in its S3 priorities? ';

export function makeNote(id: string, seq: number, author: string): Y.Map<unknown> {
  const note = new Y.Map<unknown>();
  note.set('id', id);
  note.set('text', `#${seq} ${TEXT}`.slice(0, 40));
  note.set('x', (seq * 37) % 1600);
  note.set('y', (seq * 53) % 900);
  note.set('author', author);
  note.set('ts', nowMs());
  return note;
}

/**
 * Notes carried by a Yjs (v1) update: map entries are items whose parent is the note's Y.Map
 * (an ID in a decoded update) and whose parentSub is the key. Notes missing id or ts are skipped.
 */
export function decodeNotes(update: Uint8Array): NoteRef[] {
  const fields = new Map<string, Record<string, unknown>>();
  try {
    for (const s of Y.decodeUpdate(update).structs) {
      if (!(s instanceof Y.Item) || s.parentSub === null) continue;
      const parent = s.parent as unknown;
      if (!(parent instanceof Y.ID)) continue;
      const k = `${parent.client}:${parent.clock}`;
      const rec = fields.get(k) ?? {};
      rec[s.parentSub] = s.content.getContent()[0];
      fields.set(k, rec);
    }
  } catch {
    return [];
  }
  const notes: NoteRef[] = [];
  for (const f of fields.values()) {
    if (typeof f.id === 'string' && typeof f.ts === 'number') notes.push({ id: f.id, ts: f.ts });
  }
  return notes;
}

/** 53-bit hash of buf[start..end) (two 32-bit multiplicative hashes folded together). */
export function messageKey(buf: Uint8Array, start: number, end: number): number {
  let a = 0x811c9dc5;
  let b = 0x9747b28c ^ (end - start);
  for (let i = start; i < end; i++) {
    const x = buf[i] as number;
    a = Math.imul(a ^ x, 0x01000193);
    b = Math.imul(b + x, 0x5bd1e995);
    b ^= b >>> 15;
  }
  return (a >>> 0) * 0x200000 + ((b >>> 0) & 0x1fffff);
}

/**
 * Arrival log shared by all clients of one load process: parallel typed arrays (time, message
 * key, receiver) plus the first copy of every distinct update.
 */
export class Recorder {
  t: Float64Array;
  key: Float64Array;
  rcv: Int32Array;
  n = 0;
  dropped = 0;
  messagesIn = 0;
  step2AfterSync = 0;
  readonly payloads = new Map<number, Uint8Array>();
  readonly otherTypes: Record<string, number> = {};
  /** live hook (fan-out pacing): the message is decoded on first sight, once per distinct key */
  onNotes: ((notes: readonly NoteRef[], rcv: number) => void) | null = null;
  private readonly decoded = new Map<number, NoteRef[]>();

  constructor(
    capacity: number,
    private readonly maxCapacity = 16_000_000,
  ) {
    const cap = Math.max(1024, Math.min(maxCapacity, Math.ceil(capacity)));
    this.t = new Float64Array(cap);
    this.key = new Float64Array(cap);
    this.rcv = new Int32Array(cap);
  }

  record(t: number, rcv: number, buf: Uint8Array, start: number, end: number): void {
    const key = messageKey(buf, start, end);
    if (!this.payloads.has(key)) this.payloads.set(key, buf.slice(start, end));
    if (this.n >= this.t.length && !this.grow()) {
      this.dropped++;
    } else {
      this.t[this.n] = t;
      this.key[this.n] = key;
      this.rcv[this.n] = rcv;
      this.n++;
    }
    if (this.onNotes) this.onNotes(this.notesOf(key), rcv);
  }

  /** Notes carried by the distinct message `key` (decoded once, then cached). */
  notesOf(key: number): NoteRef[] {
    let notes = this.decoded.get(key);
    if (!notes) {
      const payload = this.payloads.get(key);
      notes = payload ? decodeNotes(payload) : [];
      this.decoded.set(key, notes);
    }
    return notes;
  }

  countOther(type: string): void {
    this.otherTypes[type] = (this.otherTypes[type] ?? 0) + 1;
  }

  private grow(): boolean {
    const cap = this.t.length * 2;
    if (cap > this.maxCapacity) return false;
    const t = new Float64Array(cap);
    t.set(this.t);
    const key = new Float64Array(cap);
    key.set(this.key);
    const rcv = new Int32Array(cap);
    rcv.set(this.rcv);
    this.t = t;
    this.key = key;
    this.rcv = rcv;
    return true;
  }
}

export interface LiteClientOptions {
  awareness: boolean;
  onClose?: (code: number) => void;
}

function frame(write: (e: encoding.Encoder) => void): Uint8Array {
  const e = encoding.createEncoder();
  write(e);
  return encoding.toUint8Array(e);
}

export class LiteClient {
  synced = false;
  /** resolves when synced, or when the socket closed before that (then synced stays false) */
  readonly whenSynced: Promise<void>;
  /** performance.now() of the last awareness state sent (for the 15-s renewal) */
  lastAwarenessAt = 0;
  private resolveSynced!: () => void;
  private readonly ws: WebSocket;
  private doc: Y.Doc | null = null;
  private readonly awarenessClientId = Math.floor(Math.random() * 2 ** 31);
  private awarenessClock = 0;

  constructor(
    url: string,
    readonly index: number,
    private readonly rec: Recorder,
    private readonly opts: LiteClientOptions,
  ) {
    this.whenSynced = new Promise((resolve) => {
      this.resolveSynced = resolve;
    });
    const ws = new WebSocket(url);
    this.ws = ws;
    ws.binaryType = 'nodebuffer';
    ws.on('open', () => {
      this.send(
        frame((e) => {
          encoding.writeVarUint(e, MSG_SYNC);
          encoding.writeVarUint(e, SYNC_STEP1);
          encoding.writeVarUint8Array(e, EMPTY_STATE_VECTOR);
        }),
      );
      if (this.opts.awareness) this.sendAwareness();
    });
    ws.on('message', (data: Buffer) => this.onMessage(data));
    ws.on('close', (code: number) => {
      this.resolveSynced(); // never synced: don't make the caller wait for its timeout
      this.opts.onClose?.(code);
    });
    ws.on('error', () => {}); // a close follows and is counted
  }

  get open(): boolean {
    return this.ws.readyState === WebSocket.OPEN;
  }

  private send(msg: Uint8Array): void {
    if (this.ws.readyState === WebSocket.OPEN) this.ws.send(msg);
  }

  sendAwareness(): void {
    const state = JSON.stringify({ user: { name: `bench-${this.index}`, color: '#ffb300' } });
    const update = frame((e) => {
      encoding.writeVarUint(e, 1);
      encoding.writeVarUint(e, this.awarenessClientId);
      encoding.writeVarUint(e, ++this.awarenessClock);
      encoding.writeVarString(e, state);
    });
    this.send(
      frame((e) => {
        encoding.writeVarUint(e, MSG_AWARENESS);
        encoding.writeVarUint8Array(e, update);
      }),
    );
    this.lastAwarenessAt = performance.now();
  }

  private onMessage(data: Buffer): void {
    const t = nowMs();
    this.rec.messagesIn++;
    const d = decoding.createDecoder(data);
    const type = decoding.readVarUint(d);
    if (type === MSG_SYNC) {
      const sub = decoding.readVarUint(d);
      if (sub === SYNC_UPDATE || (sub === SYNC_STEP2 && this.synced)) {
        if (sub === SYNC_STEP2) this.rec.step2AfterSync++;
        const len = decoding.readVarUint(d);
        this.rec.record(t, this.index, data, d.pos, d.pos + len);
      } else if (sub === SYNC_STEP2) {
        this.synced = true;
        this.resolveSynced();
      } else if (sub === SYNC_STEP1) {
        const sv = decoding.readVarUint8Array(d);
        const state = this.doc ? Y.encodeStateAsUpdate(this.doc, sv) : EMPTY_UPDATE;
        this.send(
          frame((e) => {
            encoding.writeVarUint(e, MSG_SYNC);
            encoding.writeVarUint(e, SYNC_STEP2);
            encoding.writeVarUint8Array(e, state);
          }),
        );
      } else {
        this.rec.countOther(`sync/${sub}`);
      }
    } else if (type === MSG_AWARENESS) {
      // presence of the others: not measured
    } else if (type === MSG_QUERY_AWARENESS) {
      if (this.opts.awareness) this.sendAwareness();
    } else if (type === MSG_AUTH) {
      let detail = '';
      try {
        if (decoding.readVarUint(d) === 0) detail = `:denied:${decoding.readVarString(d)}`;
      } catch {
        detail = ':?';
      }
      this.rec.countOther(`auth${detail}`);
    } else {
      this.rec.countOther(String(type));
    }
  }

  /** Push one note into this client's private doc; the resulting update goes to the server. */
  write(id: string, seq: number): void {
    if (!this.doc) {
      this.doc = new Y.Doc();
      this.doc.on('update', (update: Uint8Array) => {
        this.send(
          frame((e) => {
            encoding.writeVarUint(e, MSG_SYNC);
            encoding.writeVarUint(e, SYNC_UPDATE);
            encoding.writeVarUint8Array(e, update);
          }),
        );
      });
    }
    const doc = this.doc;
    doc.transact(() => {
      doc.getArray('notes').push([makeNote(id, seq, `bench-${this.index}`)]);
    });
  }

  close(): void {
    try {
      this.ws.terminate();
    } catch {
      // already closed
    }
  }
}
