/**
 * Property-based fuzz of the three surfaces a participant reaches (issue 9): y-websocket messages,
 * socket.io payloads, REST bodies and ids. 3 × 72 batches of 50 generated cases = 10,800 cases,
 * each block against ONE real server with real sockets. After every batch: the server answers
 * (/healthz), other clients keep working (honest stock clients sync, a facilitator's command goes
 * through), and nothing in a workshop changed unless the input was a valid change by a role allowed
 * to make it.
 *
 * A property run is one batch (an array of cases): the cases of a batch run concurrently over
 * reused sockets and the invariants are checked at its end; a failing batch shrinks to simpler
 * cases, and per-case checks name the case that broke them. Each block is bounded in time
 * (BLOCK_TIME_LIMIT_MS, and every wait on the server has its own timeout), so a slow machine runs
 * fewer cases rather than hang the suite; each block logs how many cases it ran (FUZZ_VERBOSE=1:
 * every outcome). fast-check prints the seed and path of any failure.
 */
import fc from 'fast-check';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import type { Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { RunningServer } from '../../server/app';
import { inspectUpdate, MISSING_DEPENDENCY } from '../../server/sync/inspectUpdate';
import { BOARD_KINDS } from '../../shared/templates/templates';
import {
  CARD_COLORS,
  createActivity,
  createCapacity,
  createCard,
  deleteCard,
  listCards,
  moveCard,
  setCardColor,
  setCardTitle,
  setWorkshopTitle,
  type CardColor,
} from '../../shared/doc';
import { CAPACITY_KINDS, HELICES, type CapacityKind } from '../../shared/domain/s3';
import {
  WORKSHOP_TEMPLATES,
  type CreateWorkshopResponse,
  type WorkshopSession,
} from '../../shared/domain/workshop';
import {
  awarenessMessage,
  connectSynced,
  rawSocket,
  syncUpdateMessage,
  type RawSocket,
  type TestClient,
} from '../support/clients';
import { connectControl, joinAs, type ControlClient } from '../support/controlClients';
import { createWorkshop, startTestServer, waitFor, wsBase } from '../support/server';

/** Cases per block: RUNS property runs of BATCH cases each. */
const RUNS = 72;
const BATCH = 50;
/** Past this, a block stops generating new batches (a slow machine runs fewer, never hangs). */
const BLOCK_TIME_LIMIT_MS = 35_000;
/** Each block's test: its time limit, setup and the checks of the batch running at the limit. */
const BLOCK_TEST_TIMEOUT_MS = 90_000;
/** How long the server may take to answer one message, event or request. */
const ANSWER_MS = 5_000;

/**
 * Runs RUNS batches of BATCH cases each through `runBatch`, stopping early at BLOCK_TIME_LIMIT_MS.
 * fast-check stops waiting for the batch it is running at that limit: that batch is awaited here,
 * so it neither runs on under the next test nor goes unchecked. fast-check reports the seed and
 * path of a failure.
 */
async function fuzzBatches<T>(
  caseArb: fc.Arbitrary<T>,
  runBatch: (batch: T[]) => Promise<void>,
): Promise<void> {
  let running: Promise<void> = Promise.resolve();
  try {
    await fc.assert(
      fc.asyncProperty(
        fc.array(caseArb, { minLength: BATCH, maxLength: BATCH }),
        (batch) => (running = runBatch(batch)),
      ),
      {
        numRuns: RUNS,
        // To replay a failure: FUZZ_SEED=<seed> FUZZ_PATH=<path> with -t naming its block.
        ...(process.env.FUZZ_SEED ? { seed: Number(process.env.FUZZ_SEED) } : {}),
        ...(process.env.FUZZ_PATH ? { path: process.env.FUZZ_PATH } : {}),
        interruptAfterTimeLimit: BLOCK_TIME_LIMIT_MS,
        markInterruptAsFailure: false,
      },
    );
  } catch (err) {
    await running.catch(() => {});
    throw err;
  }
  await running;
}

/** Counts outcomes by kind, for the block's summary line. */
class Tally {
  private readonly counts = new Map<string, number>();
  cases = 0;

  add(key: string): void {
    this.cases++;
    this.counts.set(key, (this.counts.get(key) ?? 0) + 1);
  }

  /** One line per block; every outcome with FUZZ_VERBOSE=1. */
  report(block: string, startedAt: number, extra = ''): void {
    const seconds = ((Date.now() - startedAt) / 1000).toFixed(1);
    console.info(`fuzz ${block}: ${this.cases} cases in ${seconds} s${extra}`);
    if (process.env.FUZZ_VERBOSE) {
      console.info(
        [...this.counts]
          .sort()
          .map(([key, n]) => `  ${key}: ${n}`)
          .join('\n'),
      );
    }
  }
}

/** Resolves like `promise`, or rejects saying what the server did not do within `ms`. */
async function within<T>(promise: Promise<T>, what: string, ms = ANSWER_MS): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`the server did not ${what} within ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Waits for every task, then throws the first failure: a failing batch must not leave tasks running
 * on shared sockets while fast-check already runs the next (shrinking) batch.
 */
async function settleAll(tasks: Promise<unknown>[]): Promise<void> {
  const results = await Promise.allSettled(tasks);
  const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
  if (failed) throw failed.reason;
}

async function expectHealthy(url: string): Promise<void> {
  const res = await within(
    fetch(`${url}/healthz`, { signal: AbortSignal.timeout(2_000) }),
    'answer /healthz',
    2_000,
  );
  expect(res.status).toBe(200);
  await res.body?.cancel();
}

const hex = (bytes: Uint8Array, max = 48): string =>
  Buffer.from(bytes.subarray(0, max)).toString('hex') + (bytes.length > max ? '…' : '');

const short = (value: unknown, max = 300): string => {
  let text: string;
  try {
    text = JSON.stringify(value, (_k, v: unknown) =>
      v instanceof Uint8Array ? `<${v.length} bytes>` : v === undefined ? '<undefined>' : v,
    );
  } catch {
    text = String(value);
  }
  return text.length > max ? `${text.slice(0, max)}…` : text;
};

// ────────────────────────────────────────────────────────────────────────────────────────────────
// 1. y-websocket messages
// ────────────────────────────────────────────────────────────────────────────────────────────────

type SyncRole = 'participant' | 'projector';

type EditOp =
  | { op: 'note'; title: string; x: number; y: number; color: CardColor }
  | { op: 'capacity'; title: string; strength: number; kind: CapacityKind }
  | { op: 'rename'; pick: number; title: string }
  | { op: 'move'; pick: number; x: number; y: number }
  | { op: 'color'; pick: number; color: CardColor }
  | { op: 'delete'; pick: number };

type Mutation =
  | { m: 'flip'; flips: { at: number; bit: number }[] }
  | { m: 'truncate'; at: number }
  /** The last bytes cut off: the delete set, which Yjs reads after integrating the structs. */
  | { m: 'chop'; count: number }
  | { m: 'splice'; at: number; remove: number; insert: Uint8Array }
  | { m: 'graft'; other: EditOp; at: number; from: number; length: number }
  | { m: 'concat'; other: EditOp }
  | { m: 'merge'; other: EditOp };

/**
 * A change to the structure of a real update, re-encoded with Yjs's own encoder: what bit flips
 * reach only by luck (an item emptied, an origin moved onto itself, a later change or anyone's
 * item, another parent or key, clocks shifted, another client's id, a struct collected, a
 * deletion of anything). `at` and `pick` choose among the update's structs and the doc's items.
 */
type StructChange =
  | { c: 'empty'; at: number }
  | {
      c: 'origin' | 'rightOrigin';
      at: number;
      to: 'self' | 'later' | 'earlier' | 'known' | 'none';
      pick: number;
    }
  | { c: 'parent'; at: number; to: 'known' | 'cards' | 'meta'; pick: number; key: string | null }
  | { c: 'clock'; delta: number }
  | { c: 'client'; pick: number }
  | { c: 'gc'; at: number; length: number }
  | { c: 'delete'; pick: number; length: number };

interface PresenceEntryCase {
  /** Whose awareness id the entry names: an honest client's, or any id (maybe claimed anew). */
  whose: 'honestA' | 'honestB' | 'any';
  id: number;
  /** Added to the victim's current clock (so a spoof would win), or the clock of an `any` id. */
  bump: number;
  /** A JSON state (null removes), or a raw string that may not be JSON. */
  state: { json: unknown } | { raw: string };
}

type SyncCase =
  | { kind: 'bytes'; role: SyncRole; bytes: Uint8Array }
  | {
      kind: 'framed';
      role: SyncRole;
      head: number[];
      payload: Uint8Array;
      sized: boolean;
      trailing: Uint8Array;
    }
  | {
      kind: 'mutated';
      role: SyncRole;
      edit: EditOp;
      mutation: Mutation;
      frame: boolean;
      step: 1 | 2;
    }
  | { kind: 'reshaped'; role: SyncRole; edit: EditOp; changes: StructChange[] }
  | { kind: 'edit'; role: SyncRole; edit: EditOp }
  /** What stock clients send besides edits: sync step 1, presence query, an empty presence. */
  | { kind: 'plain'; role: SyncRole; message: 'step1' | 'step1-empty' | 'query' | 'keep-alive' }
  /** A well-formed edit of the workshop's settings, which only facilitators may make. */
  | { kind: 'meta'; role: SyncRole; title: string }
  | { kind: 'presence'; role: SyncRole; entries: PresenceEntryCase[] };

const titleArb = fc.string({ unit: 'grapheme', maxLength: 40 });
const coordArb = fc.integer({ min: -5_000, max: 5_000 });
const editArb: fc.Arbitrary<EditOp> = fc.oneof(
  fc.record({
    op: fc.constant('note' as const),
    title: titleArb,
    x: coordArb,
    y: coordArb,
    color: fc.constantFrom(...CARD_COLORS),
  }),
  fc.record({
    op: fc.constant('capacity' as const),
    title: titleArb,
    strength: fc.integer({ min: 0, max: 5 }),
    kind: fc.constantFrom(...CAPACITY_KINDS),
  }),
  fc.record({ op: fc.constant('rename' as const), pick: fc.nat(), title: titleArb }),
  fc.record({ op: fc.constant('move' as const), pick: fc.nat(), x: coordArb, y: coordArb }),
  fc.record({
    op: fc.constant('color' as const),
    pick: fc.nat(),
    color: fc.constantFrom(...CARD_COLORS),
  }),
  fc.record({ op: fc.constant('delete' as const), pick: fc.nat() }),
);

const mutationArb: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({
    m: fc.constant('flip' as const),
    flips: fc.array(fc.record({ at: fc.nat(), bit: fc.integer({ min: 0, max: 7 }) }), {
      minLength: 1,
      maxLength: 4,
    }),
  }),
  fc.record({ m: fc.constant('truncate' as const), at: fc.nat() }),
  fc.record({ m: fc.constant('chop' as const), count: fc.integer({ min: 1, max: 3 }) }),
  fc.record({
    m: fc.constant('splice' as const),
    at: fc.nat(),
    remove: fc.nat({ max: 8 }),
    insert: fc.uint8Array({ maxLength: 8 }),
  }),
  fc.record({
    m: fc.constant('graft' as const),
    other: editArb,
    at: fc.nat(),
    from: fc.nat(),
    length: fc.nat({ max: 64 }),
  }),
  fc.record({ m: fc.constant('concat' as const), other: editArb }),
  fc.record({ m: fc.constant('merge' as const), other: editArb }),
);

const structChangeArb: fc.Arbitrary<StructChange> = fc.oneof(
  fc.record({ c: fc.constant('empty' as const), at: fc.nat() }),
  fc.record({
    c: fc.constantFrom('origin' as const, 'rightOrigin' as const),
    at: fc.nat(),
    to: fc.constantFrom(
      'self' as const,
      'later' as const,
      'earlier' as const,
      'known' as const,
      'none' as const,
    ),
    pick: fc.nat(),
  }),
  fc.record({
    c: fc.constant('parent' as const),
    at: fc.nat(),
    to: fc.constantFrom('known' as const, 'cards' as const, 'meta' as const),
    pick: fc.nat(),
    key: fc.option(fc.constantFrom('title', 'x', 'boardId', 'type', 'template'), { nil: null }),
  }),
  fc.record({ c: fc.constant('clock' as const), delta: fc.integer({ min: -3, max: 3 }) }),
  fc.record({ c: fc.constant('client' as const), pick: fc.nat() }),
  fc.record({
    c: fc.constant('gc' as const),
    at: fc.nat(),
    length: fc.integer({ min: 1, max: 2 ** 20 }),
  }),
  fc.record({
    c: fc.constant('delete' as const),
    pick: fc.nat(),
    length: fc.integer({ min: 1, max: 40 }),
  }),
);

const syncRoleArb = fc.constantFrom<SyncRole>('participant', 'participant', 'projector');
const jsonStateArb = fc.oneof(
  fc.constant(null),
  fc.record({ user: fc.record({ name: fc.string({ maxLength: 20 }) }) }),
  fc.jsonValue({ maxDepth: 2 }),
);

const syncCaseArb: fc.Arbitrary<SyncCase> = fc.oneof(
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('bytes' as const),
      role: syncRoleArb,
      bytes: fc.oneof(
        fc.uint8Array({ maxLength: 200 }),
        // Plausible starts: sync step 1/2/update, awareness, auth, query awareness.
        fc
          .tuple(
            fc.constantFrom([0], [0, 0], [0, 1], [0, 2], [1], [2], [3]),
            fc.uint8Array({ maxLength: 120 }),
          )
          .map(([head, tail]) => new Uint8Array([...head, ...tail])),
      ),
    }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('framed' as const),
      role: syncRoleArb,
      head: fc.oneof(
        fc.constantFrom([0, 0], [0, 1], [0, 2], [1], [2], [3]).map((head) => [...head]),
        fc.nat({ max: 300 }).map((step) => [0, step]),
        fc.integer({ min: 4, max: 2 ** 31 }).map((type) => [type]),
      ),
      payload: fc.uint8Array({ maxLength: 160 }),
      sized: fc.boolean(),
      trailing: fc.oneof(
        { weight: 4, arbitrary: fc.constant(new Uint8Array()) },
        { weight: 1, arbitrary: fc.uint8Array({ minLength: 1, maxLength: 4 }) },
      ),
    }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('mutated' as const),
      role: syncRoleArb,
      edit: editArb,
      mutation: mutationArb,
      frame: fc.boolean(),
      step: fc.constantFrom<1 | 2>(1, 2),
    }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('reshaped' as const),
      role: syncRoleArb,
      edit: editArb,
      changes: fc.array(structChangeArb, { minLength: 1, maxLength: 3 }),
    }),
  },
  {
    weight: 3,
    arbitrary: fc.record({ kind: fc.constant('edit' as const), role: syncRoleArb, edit: editArb }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('meta' as const),
      role: syncRoleArb,
      title: titleArb,
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('plain' as const),
      role: syncRoleArb,
      message: fc.constantFrom('step1', 'step1-empty', 'query', 'keep-alive') as fc.Arbitrary<
        'step1' | 'step1-empty' | 'query' | 'keep-alive'
      >,
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('presence' as const),
      role: syncRoleArb,
      entries: fc.array(
        fc.record({
          whose: fc.constantFrom<PresenceEntryCase['whose']>('honestA', 'honestB', 'any'),
          id: fc.nat({ max: 2 ** 31 }),
          bump: fc.nat({ max: 1_000_000 }),
          state: fc.oneof(
            { weight: 4, arbitrary: jsonStateArb.map((json) => ({ json })) },
            { weight: 1, arbitrary: fc.string({ maxLength: 30 }).map((raw) => ({ raw })) },
          ),
        }),
        { maxLength: 6 },
      ),
    }),
  },
);

/** Applies an edit the way the app does (shared/doc operations); picks existing cards by index. */
function applyEdit(doc: Y.Doc, edit: EditOp): void {
  const cards = listCards(doc);
  const pick = (n: number) => (cards.length > 0 ? cards[n % cards.length]!.id : null);
  try {
    switch (edit.op) {
      case 'note':
        createCard(doc, { title: edit.title, x: edit.x, y: edit.y, color: edit.color });
        return;
      case 'capacity':
        createCapacity(doc, { title: edit.title, strength: edit.strength, kind: edit.kind });
        return;
      case 'rename': {
        const id = pick(edit.pick);
        if (id) setCardTitle(doc, id, edit.title);
        else createCard(doc, { title: edit.title });
        return;
      }
      case 'move': {
        const id = pick(edit.pick);
        if (id) moveCard(doc, id, edit.x, edit.y);
        return;
      }
      case 'color': {
        const id = pick(edit.pick);
        if (id) setCardColor(doc, id, edit.color);
        return;
      }
      case 'delete': {
        const id = pick(edit.pick);
        if (id) deleteCard(doc, id, 'fuzz');
        return;
      }
    }
  } catch {
    // A card a mutated update left half-made: whatever the edit managed is still a valid update.
  }
}

/** The update an edit makes to `doc` (which keeps it). */
function editUpdate(doc: Y.Doc, edit: EditOp): Uint8Array {
  const before = Y.encodeStateVector(doc);
  applyEdit(doc, edit);
  return Y.encodeStateAsUpdate(doc, before);
}

function docFrom(state: Uint8Array): Y.Doc {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, state);
  return doc;
}

function mutate(bytes: Uint8Array, mutation: Mutation, other: () => Uint8Array): Uint8Array {
  const at = (n: number, len = bytes.length) => (len === 0 ? 0 : n % (len + 1));
  switch (mutation.m) {
    case 'flip': {
      const out = bytes.slice();
      for (const { at: i, bit } of mutation.flips) {
        if (out.length > 0) out[i % out.length]! ^= 1 << bit;
      }
      return out;
    }
    case 'truncate':
      return bytes.slice(0, at(mutation.at) === bytes.length ? -1 : at(mutation.at));
    case 'chop':
      return bytes.slice(0, Math.max(0, bytes.length - mutation.count));
    case 'splice': {
      const i = at(mutation.at);
      return new Uint8Array([
        ...bytes.subarray(0, i),
        ...mutation.insert,
        ...bytes.subarray(i + mutation.remove),
      ]);
    }
    case 'graft': {
      const donor = other();
      const from = at(mutation.from, donor.length);
      const i = at(mutation.at);
      return new Uint8Array([
        ...bytes.subarray(0, i),
        ...donor.subarray(from, from + mutation.length),
        ...bytes.subarray(i),
      ]);
    }
    case 'concat':
      return new Uint8Array([...bytes, ...other()]);
    case 'merge': {
      // Two valid updates merged are one valid update: not malformed, still a valid edit.
      const donor = other();
      try {
        return Y.mergeUpdates([bytes, donor]);
      } catch {
        return new Uint8Array([...bytes, ...donor]); // whole messages do not merge: concatenated
      }
    }
  }
}

type Struct = Y.Item | Y.GC | Y.Skip;

/** What a doc holds, for structural changes to point at: item ids, and each client's next clock. */
interface DocIds {
  items: Y.ID[];
  clients: [number, number][];
}

function idsIn(doc: Y.Doc): DocIds {
  const items: Y.ID[] = [];
  const clients: [number, number][] = [];
  for (const [client, structs] of doc.store.clients) {
    clients.push([client, Y.getState(doc.store, client)]);
    for (const struct of structs) {
      items.push(struct.id, Y.createID(client, struct.id.clock + struct.length - 1));
    }
  }
  return { items, clients };
}

/** Applies structural changes to an update and encodes it again (v1, as y-websocket sends). */
function reshape(update: Uint8Array, changes: StructChange[], ids: DocIds): Uint8Array {
  const { structs, ds } = Y.decodeUpdate(update) as unknown as {
    structs: Struct[];
    ds: { clients: Map<number, { clock: number; len: number }[]> };
  };
  if (structs.length === 0) return update;
  const known = (n: number) => ids.items[n % Math.max(1, ids.items.length)] ?? null;
  const firstClient = structs[0]!.id.client;
  const header = { client: firstClient, delta: 0 };
  for (const change of changes) {
    const i = 'at' in change ? change.at % structs.length : 0;
    const struct = structs[i]!;
    const item = struct instanceof Y.Item ? struct : null;
    switch (change.c) {
      case 'empty':
        if (item) {
          item.content =
            item.content instanceof Y.ContentString
              ? new Y.ContentString('')
              : new Y.ContentAny([]);
          item.length = 0;
        }
        break;
      case 'origin':
      case 'rightOrigin': {
        if (!item) break;
        const { client, clock } = item.id;
        const id =
          change.to === 'self'
            ? item.id
            : change.to === 'later'
              ? Y.createID(client, clock + item.length + (change.pick % 3))
              : change.to === 'earlier'
                ? Y.createID(client, Math.max(0, clock - 1 - (change.pick % 3)))
                : change.to === 'known'
                  ? known(change.pick)
                  : null;
        item[change.c] = id;
        // Without neighbours an item names its parent itself.
        if (!item.origin && !item.rightOrigin && !item.parent) item.parent = 'cards' as never;
        break;
      }
      case 'parent':
        if (!item) break;
        item.origin = null;
        item.rightOrigin = null;
        item.parent = (change.to === 'known' ? known(change.pick) : change.to) as never;
        item.parentSub = change.key;
        break;
      case 'clock':
        header.delta = change.delta;
        break;
      case 'client': {
        // Another client's id, at that client's next clock: the update then speaks for it.
        const [client] = ids.clients[change.pick % Math.max(1, ids.clients.length)] ?? [
          firstClient,
        ];
        header.client = client;
        break;
      }
      case 'gc':
        structs[i] = new Y.GC(struct.id, change.length);
        break;
      case 'delete': {
        const id = known(change.pick);
        if (id) ds.clients.set(id.client, [{ clock: id.clock, len: change.length }]);
        break;
      }
    }
  }
  const state = new Map(ids.clients);
  const enc = new Y.UpdateEncoderV1();
  const byClient = new Map<number, Struct[]>();
  for (const struct of structs) {
    byClient.set(struct.id.client, [...(byClient.get(struct.id.client) ?? []), struct]);
  }
  encoding.writeVarUint(enc.restEncoder, byClient.size);
  for (const [client, list] of byClient) {
    const renamed = client === firstClient ? header.client : client;
    const clock =
      renamed !== client
        ? (state.get(renamed) ?? 0)
        : Math.max(0, list[0]!.id.clock + header.delta);
    encoding.writeVarUint(enc.restEncoder, list.length);
    enc.writeClient(renamed);
    encoding.writeVarUint(enc.restEncoder, clock);
    for (const struct of list) {
      (struct as { write(encoder: Y.UpdateEncoderV1, offset: number): void }).write(enc, 0);
    }
  }
  encoding.writeVarUint(enc.restEncoder, ds.clients.size);
  for (const [client, ranges] of ds.clients) {
    encoding.writeVarUint(enc.restEncoder, client);
    encoding.writeVarUint(enc.restEncoder, ranges.length);
    for (const range of ranges) {
      encoding.writeVarUint(enc.restEncoder, range.clock);
      encoding.writeVarUint(enc.restEncoder, range.len);
    }
  }
  return enc.toUint8Array();
}

function encodePresence(entries: { clientId: number; clock: number; state: string }[]) {
  const inner = encoding.createEncoder();
  encoding.writeVarUint(inner, entries.length);
  for (const entry of entries) {
    encoding.writeVarUint(inner, entry.clientId);
    encoding.writeVarUint(inner, entry.clock);
    encoding.writeVarString(inner, entry.state);
  }
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, 1);
  encoding.writeVarUint8Array(e, encoding.toUint8Array(inner));
  return encoding.toUint8Array(e);
}

/** A y-websocket message as the test reads it (the README's sync contract), independent of the server. */
type Frame =
  | { ok: false }
  | { ok: true; type: 0; step: number; payload: Uint8Array }
  | { ok: true; type: 1; payload: Uint8Array }
  | { ok: true; type: 2 | 3 };

function parseFrame(bytes: Uint8Array): Frame {
  try {
    const d = decoding.createDecoder(bytes);
    const type = decoding.readVarUint(d);
    let frame: Frame;
    if (type === 0) {
      const step = decoding.readVarUint(d);
      if (step > 2) return { ok: false };
      frame = { ok: true, type: 0, step, payload: decoding.readVarUint8Array(d) };
    } else if (type === 1) {
      frame = { ok: true, type: 1, payload: decoding.readVarUint8Array(d) };
    } else if (type === 2) {
      return { ok: true, type: 2 }; // auth: stock clients never send it; read and dropped whole
    } else if (type === 3) {
      frame = { ok: true, type: 3 };
    } else {
      return { ok: false };
    }
    return decoding.hasContent(d) ? { ok: false } : frame;
  } catch {
    return { ok: false };
  }
}

function presenceDecodes(payload: Uint8Array): boolean {
  try {
    const d = decoding.createDecoder(payload);
    const count = decoding.readVarUint(d);
    for (let i = 0; i < count; i++) {
      decoding.readVarUint(d);
      decoding.readVarUint(d);
      decoding.readVarString(d);
    }
    return !decoding.hasContent(d);
  } catch {
    return false;
  }
}

function updateDecodes(update: Uint8Array): boolean {
  try {
    Y.decodeUpdate(update);
    return true;
  } catch {
    return false;
  }
}

/** Whether `update` would wait for changes `model` lacks (Yjs would park it as pending). */
function buildsOnMissing(model: Y.Doc, update: Uint8Array): boolean {
  // The relay's own reading first (it also sees references to clocks not yet written).
  const inspection = inspectUpdate(model, update);
  if (!inspection.ok && inspection.reason === MISSING_DEPENDENCY) return true;
  const probe = new Y.Doc();
  try {
    Y.applyUpdate(probe, Y.encodeStateAsUpdate(model));
    Y.applyUpdate(probe, update);
    return Boolean(probe.store.pendingStructs || probe.store.pendingDs);
  } catch {
    return false; // does not apply at all: the checks below report it
  } finally {
    probe.destroy();
  }
}

interface SendOutcome {
  closed: { code: number; reason: string } | null;
  /** The connection the message went on had sent its step 2 before it (a new one has not). */
  step2Sent: boolean;
  /** A refusal for an update dropped earlier on that connection was due when it went. */
  refusalDue: boolean;
}

/**
 * One raw y-websocket connection, reused until the server closes it. Each message is followed by a
 * WebSocket ping: the server reads a socket's frames in order and handles each message before it
 * answers the ping, so the pong (or the close) says the message was handled. A sync step 1 is
 * answered asynchronously: its step 2 (or the close) is awaited too.
 */
class SyncLane {
  private raw: RawSocket | null = null;
  connections = 0;
  /** This connection sent a sync step 2 (until then, an update ahead of it may be dropped). */
  sentStep2 = false;
  /** An update was dropped as ahead of a step 2 that never came: 4400 follows within seconds. */
  refusalDue = false;

  constructor(
    private readonly url: string,
    readonly role: SyncRole,
    readonly name: string,
  ) {}

  private async open(): Promise<RawSocket> {
    const raw = rawSocket(this.url);
    // Messages sent before the server admitted the socket wait in a queue the ping would overtake:
    // the server's own sync step 1 says the socket has joined its room.
    const joined = new Promise<null>((resolve) => raw.socket.once('message', () => resolve(null)));
    await within(raw.opened, `open a ${this.name} socket`);
    const closed = await within(Promise.race([joined, raw.closed]), `admit a ${this.name} socket`);
    if (closed) throw new Error(`a ${this.name} socket was refused: ${short(closed)}`);
    this.connections++;
    this.sentStep2 = false;
    this.refusalDue = false;
    return raw;
  }

  async send(bytes: Uint8Array, awaitSyncReply: boolean): Promise<SendOutcome> {
    this.raw ??= await this.open();
    const raw = this.raw;
    // Read after opening: a message that opens a new connection goes on one without a step 2.
    const { sentStep2: step2Sent, refusalDue } = this;
    const { socket } = raw;
    let onMessage = (_data: Buffer) => {};
    let onPong = () => {};
    const reply = new Promise<null>((resolve) => {
      onMessage = (data: Buffer) => {
        if (data[0] === 0 && data[1] === 1) resolve(null);
      };
      socket.on('message', onMessage);
    });
    const pong = new Promise<null>((resolve) => {
      onPong = () => resolve(null);
      socket.on('pong', onPong);
    });
    try {
      socket.send(bytes);
      let closed = awaitSyncReply
        ? await within(Promise.race([reply, raw.closed]), 'answer a sync step 1')
        : null;
      if (!closed) {
        socket.ping();
        closed = await within(Promise.race([pong, raw.closed]), 'handle a message');
      }
      if (closed) this.raw = null;
      return { closed, step2Sent, refusalDue };
    } finally {
      socket.off('message', onMessage);
      socket.off('pong', onPong);
      raw.messages.length = 0; // what the server relays is not needed here
    }
  }

  close(): void {
    this.raw?.socket.terminate();
    this.raw = null;
  }
}

describe('fuzz: y-websocket messages (participant and projector tokens)', () => {
  let server: RunningServer;
  let workshop: CreateWorkshopResponse;
  let honestA: TestClient;
  let honestB: TestClient;
  const lanes: SyncLane[] = [];

  beforeAll(async () => {
    server = await startTestServer();
    workshop = await createWorkshop(server.url, 'Fuzzed sync');
    honestA = await connectSynced(server.url, workshop.id, workshop.tokens.participant);
    honestB = await connectSynced(server.url, workshop.id, workshop.tokens.participant);
    honestA.provider.awareness.setLocalStateField('user', { name: 'honest-A' });
    honestB.provider.awareness.setLocalStateField('user', { name: 'honest-B' });
    createCard(honestA.doc, { title: 'first card' });
    await waitFor(() => listCards(honestB.doc).length === 1, 'the first card to sync');
  }, 30_000);

  afterAll(async () => {
    for (const lane of lanes) lane.close();
    honestA?.destroy();
    honestB?.destroy();
    await server?.close();
  });

  it(
    'answers every message, keeps honest clients syncing, and stores only valid participant edits',
    async () => {
      const url = (token: string) => `${wsBase(server.url)}/${workshop.id}?token=${token}`;
      const participantUrl = url(workshop.tokens.participant);
      const projectorUrl = url(workshop.tokens.projector);
      // Valid participant edits go through one socket, in order (each builds on the one before);
      // everything else is spread over a few sockets per role.
      const editor = new SyncLane(participantUrl, 'participant', 'participant editor');
      const attackers = [1, 2, 3, 4].map(
        (n) => new SyncLane(participantUrl, 'participant', `participant ${n}`),
      );
      const projectors = [1, 2].map(
        (n) => new SyncLane(projectorUrl, 'projector', `projector ${n}`),
      );
      lanes.push(editor, ...attackers, ...projectors);
      const startedAt = Date.now();
      let run = 0;
      const tally = new Tally();

      /**
       * The oracle. `model` starts each batch as a copy of the server's doc and receives exactly:
       *   - every valid edit of the participant editor (made on the model itself, then sent), and
       *   - every other participant message that carries a document update which the server did
       *     NOT refuse (it did not close the socket). Random bytes and mutated updates that still
       *     decode may well be valid edits (a flipped bit in a title); keeping the oracle exact
       *     means following the server's verdict on those, while separate checks make sure that
       *     verdict is right: whatever does not decode must be refused (4400), refusals carry only
       *     the documented codes, and `meta` (the facilitator's) never changes.
       * Projector messages never enter the model: their updates must never be applied. At the end of
       * the batch the server's doc must equal the model: same structs, same deletions, same cards.
       */
      async function runBatch(batch: SyncCase[]): Promise<void> {
        run++;
        const start = await server.rooms.withDocument(workshop.id, (doc) =>
          Y.encodeStateAsUpdate(doc),
        );
        let model: Y.Doc;
        try {
          model = docFrom(start);
        } catch (err) {
          throw new Error(`a new client could not load the stored workshop: ${err}`);
        }
        const metaBefore = model.getMap('meta').toJSON();
        // Projector edits and mutation bases are made on copies that never reach the model.
        const projectorCopy = docFrom(start);
        const mutationBase = docFrom(start);
        const startIds = idsIn(mutationBase);
        const freshUpdate = (edit: EditOp) => {
          // A new client id per edit: each base update builds only on what the server has.
          mutationBase.clientID = Math.floor(Math.random() * 2 ** 31);
          return editUpdate(mutationBase, edit);
        };

        const messageFor = (c: SyncCase): Uint8Array => {
          switch (c.kind) {
            case 'bytes':
              return c.bytes;
            case 'framed': {
              const e = encoding.createEncoder();
              for (const n of c.head) encoding.writeVarUint(e, n);
              if (c.sized) encoding.writeVarUint8Array(e, c.payload);
              else encoding.writeUint8Array(e, c.payload);
              encoding.writeUint8Array(e, c.trailing);
              return encoding.toUint8Array(e);
            }
            case 'mutated': {
              const base = freshUpdate(c.edit);
              const donor = 'other' in c.mutation ? c.mutation.other : c.edit;
              const other = () => freshUpdate(donor);
              const frame = (update: Uint8Array) => {
                const e = encoding.createEncoder();
                encoding.writeVarUint(e, 0);
                encoding.writeVarUint(e, c.step);
                encoding.writeVarUint8Array(e, update);
                return encoding.toUint8Array(e);
              };
              return c.frame
                ? mutate(frame(base), c.mutation, () => frame(other()))
                : frame(mutate(base, c.mutation, other));
            }
            case 'reshaped': {
              const base = freshUpdate(c.edit);
              try {
                return syncUpdateMessage(reshape(base, c.changes, startIds));
              } catch {
                return syncUpdateMessage(base); // a change Yjs's encoder cannot write
              }
            }
            case 'edit':
              return syncUpdateMessage(
                editUpdate(c.role === 'participant' ? model : projectorCopy, c.edit),
              );
            case 'plain': {
              const e = encoding.createEncoder();
              if (c.message === 'query') encoding.writeVarUint(e, 3);
              if (c.message === 'keep-alive')
                encoding.writeUint8Array(e, new Uint8Array([1, 1, 0]));
              if (c.message === 'step1' || c.message === 'step1-empty') {
                encoding.writeVarUint(e, 0);
                encoding.writeVarUint(e, 0);
                encoding.writeVarUint8Array(
                  e,
                  c.message === 'step1' ? Y.encodeStateVector(model) : new Uint8Array([0]),
                );
              }
              return encoding.toUint8Array(e);
            }
            case 'meta': {
              // On a fresh copy: overwriting a key builds on its current value, which must be the
              // server's (not an earlier refused title), so that only the role decides.
              const copy = docFrom(start);
              const before = Y.encodeStateVector(copy);
              setWorkshopTitle(copy, c.title);
              const update = Y.encodeStateAsUpdate(copy, before);
              copy.destroy();
              return syncUpdateMessage(update);
            }
            case 'presence': {
              const clockOf = (id: number) =>
                honestB.provider.awareness.meta.get(id)?.clock ??
                honestA.provider.awareness.meta.get(id)?.clock ??
                0;
              const entries = c.entries.map((entry) => {
                const clientId =
                  entry.whose === 'honestA'
                    ? honestA.provider.awareness.clientID
                    : entry.whose === 'honestB'
                      ? honestB.provider.awareness.clientID
                      : entry.id;
                const clock = entry.whose === 'any' ? entry.bump : clockOf(clientId) + entry.bump;
                return { clientId, clock, state: entry.state };
              });
              // JSON states go through the support helper, raw (maybe not JSON) ones by hand.
              return entries.every((e) => 'json' in e.state)
                ? awarenessMessage(
                    entries.map((e) => ({ ...e, state: (e.state as { json: unknown }).json })),
                  )
                : encodePresence(
                    entries.map((e) => ({
                      ...e,
                      state: 'raw' in e.state ? e.state.raw : JSON.stringify(e.state.json),
                    })),
                  );
            }
          }
        };

        /**
         * Participant messages that may carry a document update go one at a time, everything else
         * concurrently: so the model applies accepted updates in exactly the server's order, and
         * each valid edit builds on everything the server accepted before it. (Yjs integrates
         * crafted updates, such as a mutated origin, in an order that can depend on what arrived
         * first; the oracle must not guess the server's order across sockets.)
         */
        let updates: Promise<unknown> = Promise.resolve();
        const oneAtATime = (task: () => Promise<void>): Promise<void> => {
          const next = updates.then(task);
          updates = next.catch(() => {});
          return next;
        };
        const runCase = (lane: SyncLane, c: SyncCase): Promise<void> => {
          if (lane === editor) return oneAtATime(() => sendAndCheck(lane, c, messageFor(c)));
          const bytes = messageFor(c);
          const frame = parseFrame(bytes);
          return lane.role === 'participant' && frame.ok && frame.type === 0 && frame.step !== 0
            ? oneAtATime(() => sendAndCheck(lane, c, bytes))
            : sendAndCheck(lane, c, bytes);
        };

        const sendAndCheck = async (lane: SyncLane, c: SyncCase, bytes: Uint8Array) => {
          const frame = parseFrame(bytes);
          const outcome = await lane.send(bytes, frame.ok && frame.type === 0 && frame.step === 0);
          const { step2Sent, refusalDue } = outcome;
          if (!outcome.closed && frame.ok && frame.type === 0 && frame.step === 1) {
            lane.sentStep2 = true; // the server stops waiting for it
            lane.refusalDue = false;
          }
          const what = () =>
            `${lane.name} sent ${c.kind} ${hex(bytes)} (${short(c)}); closed: ${short(outcome.closed)}`;
          // What the server must, may or must not do with this message.
          let mustClose = false;
          let mayClose: number[] = [];
          if (!frame.ok) {
            mustClose = true;
            mayClose = [4400];
          } else if (frame.type === 0 && frame.step === 0) {
            mayClose = [4400]; // a state vector that does not decode
          } else if (frame.type === 0 && lane.role === 'participant') {
            if (!updateDecodes(frame.payload)) mustClose = true;
            // Builds on something the server lacks (4400), writes the facilitator's meta (4423).
            mayClose = [4400, 4423];
          } else if (frame.type === 1) {
            if (!presenceDecodes(frame.payload)) {
              mustClose = true;
              mayClose = [4400];
            }
          }
          if (c.kind === 'meta' && lane.role === 'participant') {
            mustClose = true;
            mayClose = [4423]; // refused as not the participant's to change
          }
          // An earlier update was dropped ahead of a step 2 that did not come: its 4400 may land now.
          if (refusalDue) mayClose = [...mayClose, 4400];
          if (outcome.closed && !mayClose.includes(outcome.closed.code)) {
            throw new Error(`unexpected close: ${what()}`);
          }
          if (mustClose && !outcome.closed) throw new Error(`not refused: ${what()}`);
          if (c.kind === 'edit' && lane === editor && outcome.closed) {
            throw new Error(`a valid participant edit was refused: ${what()}`);
          }
          // Accepted (not refused) participant updates are in the server's doc: follow them.
          if (lane.role === 'participant' && frame.ok && frame.type === 0 && frame.step !== 0) {
            if (!outcome.closed && lane !== editor && frame.step === 2 && !step2Sent) {
              // Before its step 2, a client's update that builds on what the server lacks is
              // dropped, not kept (the step brings it; a client back from offline sends one so).
              if (buildsOnMissing(model, frame.payload)) {
                lane.refusalDue = true;
                tally.add(`${c.kind}/${lane.role}: dropped ahead of step 2`);
                return;
              }
            }
            if (!outcome.closed && lane !== editor) {
              try {
                Y.applyUpdate(model, frame.payload);
              } catch (err) {
                throw new Error(
                  `the server kept an update that does not apply (${err}): ${what()}`,
                );
              }
              // Yjs would park it and integrate it later, inside someone else's update, past every
              // check: an update that builds on what the server lacks must be refused instead.
              if (model.store.pendingStructs || model.store.pendingDs) {
                throw new Error(
                  `the server kept an update that builds on missing changes: ${what()}`,
                );
              }
            }
          }
          tally.add(
            `${c.kind}/${lane.role}: ${outcome.closed ? `closed ${outcome.closed.code}` : 'kept'}`,
          );
        };

        const queues = new Map<SyncLane, SyncCase[]>();
        batch.forEach((c, i) => {
          const lane =
            c.kind === 'edit' && c.role === 'participant'
              ? editor
              : c.role === 'participant'
                ? attackers[i % attackers.length]!
                : projectors[i % projectors.length]!;
          queues.set(lane, [...(queues.get(lane) ?? []), c]);
        });
        await settleAll(
          [...queues].map(async ([lane, list]) => {
            for (const c of list) await runCase(lane, c);
          }),
        );

        // The stored doc is exactly the model: nothing else was applied, nothing valid was lost.
        const stored = await server.rooms.withDocument(workshop.id, (doc) => ({
          snapshot: Y.snapshot(doc),
          cards: doc.getMap('cards').toJSON(),
          meta: doc.getMap('meta').toJSON(),
          update: Y.encodeStateAsUpdate(doc),
        }));
        // A client that joins now can load it.
        try {
          docFrom(stored.update).destroy();
        } catch (err) {
          throw new Error(`a new client could not load the stored workshop: ${err}`);
        }
        expect(stored.meta).toEqual(metaBefore);
        expect(stored.cards).toEqual(model.getMap('cards').toJSON());
        if (!Y.equalSnapshots(stored.snapshot, Y.snapshot(model))) {
          const serverDoc = docFrom(stored.update);
          const toServer = Y.encodeStateAsUpdate(serverDoc, Y.encodeStateVector(model));
          const toModel = Y.encodeStateAsUpdate(model, Y.encodeStateVector(serverDoc));
          throw new Error(
            `the server's doc differs from the model: what only the server has ${hex(toServer)} ` +
              `(${toServer.length} bytes), what only the model has ${hex(toModel)} ` +
              `(${toModel.length} bytes); deletions count too`,
          );
        }
        model.destroy();
        projectorCopy.destroy();
        mutationBase.destroy();

        // The server answers, and honest clients were never closed and still sync a new edit.
        await expectHealthy(server.url);
        // (It also deletes a card: collecting what others put in it must work too.)
        const title = `honest ${run}`;
        const cards = listCards(honestA.doc);
        const gone = cards[run % Math.max(1, cards.length)]?.id;
        try {
          honestA.doc.transact(() => {
            createCard(honestA.doc, { title });
            if (gone) deleteCard(honestA.doc, gone, 'honest-A');
          });
        } catch (err) {
          throw new Error(`an honest client's edit failed on the doc the server sent it: ${err}`);
        }
        await waitFor(
          () =>
            listCards(honestB.doc).some((card) => card.title === title) &&
            !listCards(honestB.doc).some((card) => card.id === gone),
          'an honest edit to reach the other honest client',
          ANSWER_MS,
        );
        expect(honestA.closeCodes).toEqual([]);
        expect(honestB.closeCodes).toEqual([]);
        const serverCards = await server.rooms.withDocument(workshop.id, (doc) =>
          doc.getMap('cards').toJSON(),
        );
        expect(honestB.doc.getMap('cards').toJSON()).toEqual(serverCards);
        // Nobody else's presence was taken over (spoofed names, removed or renamed cursors).
        const nameIn = (client: TestClient, id: number) =>
          (
            client.provider.awareness.getStates().get(id) as
              { user?: { name?: string } } | undefined
          )?.user?.name;
        expect(nameIn(honestA, honestA.provider.awareness.clientID)).toBe('honest-A');
        expect(nameIn(honestB, honestB.provider.awareness.clientID)).toBe('honest-B');
        expect(nameIn(honestB, honestA.provider.awareness.clientID)).toBe('honest-A');
        expect(nameIn(honestA, honestB.provider.awareness.clientID)).toBe('honest-B');
      }

      await fuzzBatches(syncCaseArb, runBatch);
      const connections = lanes.reduce((n, lane) => n + lane.connections, 0);
      tally.report('sync', startedAt, ` (${connections} raw connections)`);
      expect(tally.cases).toBeGreaterThan(0);
    },
    BLOCK_TEST_TIMEOUT_MS,
  );
});

// ────────────────────────────────────────────────────────────────────────────────────────────────
// 2. socket.io payloads
// ────────────────────────────────────────────────────────────────────────────────────────────────

type ControlFrom = 'participant' | 'projector' | 'person' | 'facilitator';

interface ControlCase {
  from: ControlFrom;
  event: string | number;
  args: unknown[];
  ack: boolean;
}

/** Every event a client sends (shared/control/events.ts ClientToServerEvents). */
const CLIENT_EVENTS = [
  'control:command',
  'vote:cast',
  'vote:mine',
  'draft:put',
  'draft:delete',
  'draft:mine',
  'people:command',
  'hand:set',
  'clock:sync',
] as const;
/** socket.io clients refuse to send these; every other name reaches the server. */
const RESERVED_EVENTS = new Set([
  'connect',
  'connect_error',
  'disconnect',
  'disconnecting',
  'newListener',
  'removeListener',
]);
/** Each facilitator command and its fields (shared/control/commands.ts). */
const COMMAND_FIELDS: Record<string, string[]> = {
  'agenda:set': ['phases'],
  'phase:start': ['phaseId', 'startTimer'],
  'phase:end': [],
  'timer:start': ['durationMs'],
  'timer:pause': [],
  'timer:resume': [],
  'timer:extend': ['ms'],
  'timer:reset': [],
  'lock:set': ['target', 'locked'],
  'follow:set': ['on', 'leader'],
  'vote:open': ['title', 'cardIds', 'budget', 'maxPerCard'],
  'vote:close': [],
  'vote:reveal': [],
  'vote:cancel': [],
  'private:open': ['board', 'prompt', 'activityId'],
  'private:reveal': ['showAuthors'],
  'private:cancel': [],
  'breakout:start': ['groups', 'durationMs'],
  'breakout:timer': ['groupId', 'timer'],
  'breakout:assign': ['identityId', 'groupId'],
  'breakout:end': [],
  'breakout:clear': [],
  'wall:set': ['showCursors', 'joinUrl'],
};
const PEOPLE_COMMANDS = [
  'participant:promote',
  'participant:remove',
  'participant:readmit',
  'hand:lower',
];
/** Placeholders for ids only known while the fuzz runs (the open vote, round, the person, …). */
type Marker = '<<vote>>' | '<<card>>' | '<<round>>' | '<<person>>' | '<<group>>';

const junkArb = fc.anything({
  maxDepth: 2,
  maxKeys: 4,
  withBoxedValues: true,
  withDate: true,
  withMap: true,
  withSet: true,
  withNullPrototype: true,
  withSparseArray: true,
  withTypedArray: true,
});
/** Mostly a plausible value, sometimes anything at all. */
const either = (valid: fc.Arbitrary<unknown>) =>
  fc.oneof({ weight: 12, arbitrary: valid }, { weight: 1, arbitrary: junkArb });
const idishArb = fc.oneof(fc.string({ minLength: 1, maxLength: 12 }), fc.string({ maxLength: 80 }));
const marker = (m: Marker) => fc.constant(m);
const durationArb = fc.oneof(
  { weight: 4, arbitrary: fc.integer({ min: 1_000, max: 3_600_000 }) },
  fc.integer(),
  fc.double(),
);

const FIELD_ARBS: Record<string, fc.Arbitrary<unknown>> = {
  phases: fc.array(
    fc.record(
      {
        id: idishArb,
        name: fc.string({ maxLength: 20 }),
        minutes: fc.integer({ min: -1, max: 200 }),
        board: fc.constantFrom(...BOARD_KINDS),
        privateWriting: fc.boolean(),
      },
      { requiredKeys: ['id', 'name', 'minutes', 'board'] },
    ),
    { maxLength: 5 },
  ),
  phaseId: fc.oneof(fc.constantFrom('agree-field', 'map-capacities', 'wrap-up'), idishArb),
  startTimer: fc.boolean(),
  durationMs: durationArb,
  ms: fc.oneof(fc.integer({ min: -600_000, max: 600_000 }), fc.double()),
  target: fc.oneof(fc.constantFrom('workshop', ...BOARD_KINDS), fc.string()),
  locked: fc.boolean(),
  on: fc.boolean(),
  leader: fc.oneof(fc.nat(), fc.constant(null), fc.integer()),
  title: fc.string({ maxLength: 220 }),
  cardIds: fc.uniqueArray(fc.oneof(fc.constantFrom('card-1', 'card-2', 'card-3'), idishArb), {
    maxLength: 5,
  }),
  budget: fc.integer({ min: 0, max: 12 }),
  maxPerCard: fc.integer({ min: 0, max: 12 }),
  board: fc.oneof(fc.constantFrom(...BOARD_KINDS), fc.string()),
  prompt: fc.string({ maxLength: 320 }),
  activityId: fc.oneof(fc.constant(null), idishArb),
  showAuthors: fc.boolean(),
  groups: fc.array(
    fc.record({
      id: idishArb,
      name: fc.string({ maxLength: 20 }),
      memberIds: fc.array(fc.oneof(marker('<<person>>'), idishArb), { maxLength: 3 }),
      board: fc.constantFrom(...BOARD_KINDS),
      cardId: fc.oneof(fc.constant(null), idishArb),
    }),
    { maxLength: 4 },
  ),
  groupId: fc.oneof(fc.constant(null), marker('<<group>>'), idishArb),
  timer: fc.oneof(
    fc.record({ action: fc.constant('start'), durationMs: durationArb }),
    fc.record({
      action: fc.constantFrom('pause', 'resume', 'reset', 'extend', 'explode'),
      ms: fc.integer(),
    }),
  ),
  identityId: fc.oneof(marker('<<person>>'), idishArb),
  showCursors: fc.boolean(),
  joinUrl: fc.oneof(fc.constant(null), fc.webUrl(), fc.string()),
};

/** Structurally near-valid facilitator commands: right type, each field plausible or anything. */
const commandArb: fc.Arbitrary<unknown> = fc.oneof(
  {
    weight: 6,
    arbitrary: fc
      .constantFrom(...Object.keys(COMMAND_FIELDS))
      .chain((type) =>
        fc
          .record(Object.fromEntries(COMMAND_FIELDS[type]!.map((f) => [f, either(FIELD_ARBS[f]!)])))
          .map((fields) => ({ type, ...fields })),
      ),
  },
  {
    weight: 1,
    arbitrary: fc
      .constantFrom(...Object.keys(COMMAND_FIELDS))
      .chain((type) =>
        fc
          .record(
            Object.fromEntries(COMMAND_FIELDS[type]!.map((f) => [f, either(FIELD_ARBS[f]!)])),
            { requiredKeys: [] },
          )
          .map((fields) => ({ type, ...fields })),
      ),
  },
  {
    weight: 1,
    arbitrary: fc.record(
      { type: fc.oneof(fc.string(), junkArb), target: junkArb, locked: junkArb },
      { requiredKeys: [] },
    ),
  },
  { weight: 1, arbitrary: junkArb },
);

function payloadArb(event: string | number): fc.Arbitrary<unknown> {
  const draftIdArb = fc.oneof(
    { weight: 5, arbitrary: fc.stringMatching(/^[A-Za-z0-9_-]{1,64}$/) },
    fc.string(),
  );
  switch (event) {
    case 'control:command':
      return commandArb;
    case 'people:command':
      return fc.record({
        type: fc.oneof(fc.constantFrom(...PEOPLE_COMMANDS), fc.string()),
        identityId: either(fc.oneof(marker('<<person>>'), idishArb)),
      });
    case 'vote:cast':
      return fc.record({
        voteId: either(fc.oneof({ weight: 5, arbitrary: marker('<<vote>>') }, idishArb)),
        cardId: either(
          fc.oneof({ weight: 5, arbitrary: fc.constantFrom('card-1', 'card-2') }, idishArb),
        ),
        delta: either(fc.constantFrom(1, -1, 1, -1, 0, 2)),
      });
    case 'draft:put':
      return fc.record({
        roundId: either(fc.oneof({ weight: 5, arbitrary: marker('<<round>>') }, idishArb)),
        draftId: either(draftIdArb),
        text: either(
          fc.oneof(
            { weight: 5, arbitrary: fc.string({ maxLength: 80 }) },
            fc.string({ minLength: 495 }),
          ),
        ),
      });
    case 'draft:delete':
      return fc.record({
        roundId: either(fc.oneof({ weight: 5, arbitrary: marker('<<round>>') }, idishArb)),
        draftId: either(draftIdArb),
      });
    case 'hand:set':
      return fc.record({ raised: either(fc.boolean()) });
    default:
      return junkArb;
  }
}

const eventArb: fc.Arbitrary<string | number> = fc.oneof(
  { weight: 8, arbitrary: fc.constantFrom(...CLIENT_EVENTS) },
  {
    weight: 2,
    arbitrary: fc
      .oneof(
        fc.string(),
        // Names of server-sent events, Object.prototype members, EventEmitter specials.
        fc.constantFrom(
          'session',
          'control:state',
          'participants',
          'removed',
          'workshop:status',
          'private:progress',
          'error',
          'connection',
          'message',
          '__proto__',
          'constructor',
          'hasOwnProperty',
          'toString',
        ),
        fc.integer(),
      )
      .filter((name) => typeof name !== 'string' || !RESERVED_EVENTS.has(name)),
  },
);

const controlCaseArb: fc.Arbitrary<ControlCase> = fc
  .tuple(
    fc.constantFrom<ControlFrom>('participant', 'projector', 'person', 'person', 'facilitator'),
    eventArb,
    fc.boolean(),
  )
  .chain(([from, drawn, commandInstead]) => {
    // Facilitators send mostly commands: each changes the state the checks follow.
    const event = from === 'facilitator' && commandInstead ? 'control:command' : drawn;
    const payload = fc.oneof(
      { weight: 6, arbitrary: payloadArb(event) },
      { weight: 1, arbitrary: junkArb },
    );
    return fc.record({
      from: fc.constant(from),
      event: fc.constant(event),
      // One payload as clients send it; sometimes none, or extra arguments.
      args: fc.oneof(
        { weight: 8, arbitrary: payload.map((p) => [p]) },
        { weight: 1, arbitrary: fc.constant([]).map((): unknown[] => []) },
        { weight: 1, arbitrary: fc.tuple(payload, junkArb).map((a) => [...a]) },
      ),
      ack: fc.oneof(
        { weight: 9, arbitrary: fc.constant(true) },
        { weight: 1, arbitrary: fc.constant(false) },
      ),
    });
  });

/** Replaces the markers with the real ids of the moment (plain objects and arrays only). */
function resolveMarkers(value: unknown, ids: Record<Marker, string>): unknown {
  if (typeof value === 'string') return (ids as Record<string, string>)[value] ?? value;
  if (Array.isArray(value)) return value.map((v) => resolveMarkers(v, ids));
  if (value && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, resolveMarkers(v, ids)]));
  }
  return value;
}

interface Reply {
  ok: boolean;
  error?: unknown;
  value?: unknown;
}

function isReply(reply: unknown): reply is Reply {
  if (typeof reply !== 'object' || reply === null) return false;
  const { ok, error } = reply as Reply;
  return typeof ok === 'boolean' && (ok || typeof error === 'string');
}

describe('fuzz: socket.io payloads (participant, projector, person and facilitator sockets)', () => {
  let server: RunningServer;
  /** Non-facilitators fuzz this one: its control state must never change. */
  let quiet: CreateWorkshopResponse;
  /** The facilitator fuzzes this one: it changes exactly by the commands acknowledged ok. */
  let run: CreateWorkshopResponse;
  let personId = '';
  const sockets: Socket[] = [];
  const clients = {} as Record<ControlFrom | 'quietFacilitator', ControlClient>;

  beforeAll(async () => {
    server = await startTestServer({ controlEventsPerSecond: 10_000 });
    quiet = await createWorkshop(server.url, 'Fuzzed control, participants');
    run = await createWorkshop(server.url, 'Fuzzed control, facilitator');
    const person = await joinAs(server.url, quiet, { name: 'Fuzzy', helix: 'research' });
    personId = person.identityId;
    const connect = (w: CreateWorkshopResponse, token: string) =>
      connectControl(server.url, w.id, token, sockets);
    clients.quietFacilitator = await connect(quiet, quiet.tokens.facilitator);
    clients.participant = await connect(quiet, quiet.tokens.participant);
    clients.projector = await connect(quiet, quiet.tokens.projector);
    clients.person = await connect(quiet, person.identityToken);
    clients.facilitator = await connect(run, run.tokens.facilitator);
    // A vote and a private round are open, so that near-valid ballots and drafts are accepted.
    for (const command of [
      { type: 'vote:open', cardIds: ['card-1', 'card-2', 'card-3'], budget: 5, maxPerCard: 3 },
      { type: 'private:open', board: 'notes', prompt: 'ideas' },
    ]) {
      const reply = await clients.quietFacilitator.socket.emitWithAck('control:command', command);
      expect(reply).toMatchObject({ ok: true });
    }
  }, 30_000);

  afterAll(async () => {
    for (const socket of sockets) socket.disconnect();
    await server?.close();
  });

  it(
    'answers every acknowledged event, keeps serving others, and only valid facilitator commands change the state',
    async () => {
      const startedAt = Date.now();
      let runs = 0;
      const tally = new Tally();
      const participantsOf = async (w: CreateWorkshopResponse) => {
        const res = await fetch(`${server.url}/api/workshops/${w.id}/participants`, {
          headers: { authorization: `Bearer ${w.tokens.facilitator}` },
        });
        const { participants } = (await res.json()) as {
          participants: { id: string; name: string; role: string }[];
        };
        return participants.map(({ id, name, role }) => ({ id, name, role }));
      };
      const docOf = (w: CreateWorkshopResponse) =>
        server.rooms.withDocument(w.id, (doc) => Y.encodeStateAsUpdate(doc));
      const idsIn = async (w: CreateWorkshopResponse) => {
        const state = await server.control.get(w.id);
        return {
          '<<vote>>': state.vote?.id ?? 'no-vote',
          '<<card>>': state.vote?.cardIds[0] ?? 'no-card',
          '<<round>>': state.privateRound?.id ?? 'no-round',
          '<<person>>': w === quiet ? personId : 'nobody',
          '<<group>>': state.breakouts?.groups[0]?.id ?? 'no-group',
        };
      };

      async function runBatch(batch: ControlCase[]): Promise<void> {
        runs++;
        const quietBefore = structuredClone(await server.control.get(quiet.id));
        const quietPeople = await participantsOf(quiet);
        const quietDoc = await docOf(quiet);
        const runBefore = structuredClone(await server.control.get(run.id));
        const ids = { quiet: await idsIn(quiet), run: await idsIn(run) };
        /** The states the facilitator's acknowledged commands produced. */
        const accepted: { version: number; state: unknown }[] = [];

        const runCase = async (c: ControlCase) => {
          const client = clients[c.from];
          const args = c.args.map((a) =>
            resolveMarkers(a, c.from === 'facilitator' ? ids.run : ids.quiet),
          );
          const what = () => `${c.from} sent ${short(c.event)} ${short(args)}`;
          const emitter = client.socket as unknown as {
            emit(event: unknown, ...args: unknown[]): void;
            timeout(ms: number): {
              emitWithAck(event: unknown, ...args: unknown[]): Promise<unknown>;
            };
          };
          if (!c.ack) {
            emitter.emit(c.event, ...args);
            tally.add(`${short(c.event)}/${c.from}: not acknowledged`);
            return;
          }
          let reply: unknown;
          try {
            reply = await emitter.timeout(ANSWER_MS).emitWithAck(c.event, ...args);
          } catch (err) {
            throw new Error(`no answer (${err}) when ${what()}`);
          }
          if (!isReply(reply)) throw new Error(`not a reply: ${short(reply)} when ${what()}`);
          // The control plane's 5xx: a handler failed on what it was sent.
          if (reply.error === 'server error') throw new Error(`a server error when ${what()}`);
          const known = (CLIENT_EVENTS as readonly unknown[]).includes(c.event);
          if (!known && (reply.ok || reply.error !== 'unknown event')) {
            throw new Error(`an unknown event was not refused as such: ${short(reply)}; ${what()}`);
          }
          const commands = c.event === 'control:command' || c.event === 'people:command';
          if (c.from !== 'facilitator' && commands && reply.ok) {
            throw new Error(`a ${c.from} ran a facilitator command: ${what()}`);
          }
          const personOnly = ['vote:cast', 'draft:put', 'draft:delete', 'hand:set'];
          if ((c.from === 'participant' || c.from === 'projector') && reply.ok) {
            if (personOnly.includes(String(c.event))) {
              throw new Error(`a workshop link acted as a person: ${what()}`);
            }
          }
          if (c.from === 'facilitator' && c.event === 'control:command' && reply.ok) {
            const { state } = reply.value as { state: { version: number } };
            accepted.push({ version: state.version, state });
          }
          tally.add(`${known ? c.event : 'unknown'}/${c.from}: ${reply.ok ? 'ok' : 'refused'}`);
        };
        await settleAll(batch.map(runCase));

        // Nobody was disconnected for what they sent.
        for (const [name, client] of Object.entries(clients)) {
          if (!client.socket.connected) throw new Error(`the server disconnected the ${name}`);
        }
        // Participants, projectors and people changed nothing of the workshop: control state,
        // people (hands aside: raising one's own is theirs to do), document.
        expect(await server.control.get(quiet.id)).toEqual(quietBefore);
        expect(await participantsOf(quiet)).toEqual(quietPeople);
        expect(Buffer.from(await docOf(quiet)).equals(Buffer.from(quietDoc))).toBe(true);
        // The facilitator's workshop changed exactly by the commands acknowledged ok.
        const runAfter = await server.control.get(run.id);
        expect(runAfter.version).toBe(runBefore.version + accepted.length);
        const last = accepted.sort((a, b) => a.version - b.version).at(-1);
        expect(runAfter).toEqual(last ? last.state : runBefore);

        // The server answers, and a facilitator's valid command still goes through, everywhere.
        await expectHealthy(server.url);
        for (const [w, client] of [
          [quiet, clients.quietFacilitator],
          [run, clients.facilitator],
        ] as const) {
          const version = (await server.control.get(w.id)).version;
          const reply = await client.socket
            .timeout(ANSWER_MS)
            .emitWithAck('control:command', { type: 'wall:set', showCursors: runs % 2 === 0 });
          expect(reply).toMatchObject({ ok: true, value: { state: { version: version + 1 } } });
        }
        // A fresh connection is told the state the server holds.
        const fresh = await connectControl(server.url, quiet.id, quiet.tokens.projector, sockets);
        const first = fresh.seen.find((e) => e.event === 'control:state')?.args[0];
        expect((first as { state: unknown }).state).toEqual(await server.control.get(quiet.id));
        fresh.socket.disconnect();
      }

      await fuzzBatches(controlCaseArb, runBatch);
      tally.report('control', startedAt);
      expect(tally.cases).toBeGreaterThan(0);
    },
    BLOCK_TEST_TIMEOUT_MS,
  );
});

// ────────────────────────────────────────────────────────────────────────────────────────────────
// 3. REST bodies and ids
// ────────────────────────────────────────────────────────────────────────────────────────────────

const ORGANISER = 'fuzz-organiser-token-0123456789abcdef';

type RouteName =
  | 'create'
  | 'session'
  | 'links'
  | 'rotate'
  | 'join'
  | 'me'
  | 'rename'
  | 'participants'
  | 'removed'
  | 'derive'
  | 'archive'
  | 'reopen'
  | 'snapshot'
  | 'record'
  | 'records'
  | 'export'
  | 'search'
  | 'fromRecord'
  | 'schema';

/** Every route of the README's API table (PDF exports left out: slow, and 503 without Chromium). */
const ROUTES: Record<RouteName, { method: string; path: string; weight: number }> = {
  create: { method: 'POST', path: '/api/workshops', weight: 2 },
  session: { method: 'GET', path: '/api/workshops/:id', weight: 3 },
  links: { method: 'GET', path: '/api/workshops/:id/links', weight: 2 },
  rotate: { method: 'POST', path: '/api/workshops/:id/links/rotate', weight: 1 },
  join: { method: 'POST', path: '/api/workshops/:id/join', weight: 3 },
  me: { method: 'GET', path: '/api/workshops/:id/me', weight: 2 },
  rename: { method: 'PATCH', path: '/api/workshops/:id/me', weight: 2 },
  participants: { method: 'GET', path: '/api/workshops/:id/participants', weight: 2 },
  removed: { method: 'GET', path: '/api/workshops/:id/participants/removed', weight: 1 },
  derive: { method: 'POST', path: '/api/workshops/:id/derive', weight: 1 },
  archive: { method: 'POST', path: '/api/workshops/:id/archive', weight: 1 },
  reopen: { method: 'POST', path: '/api/workshops/:id/reopen', weight: 1 },
  snapshot: { method: 'POST', path: '/api/workshops/:id/snapshot', weight: 1 },
  record: { method: 'GET', path: '/api/workshops/:id/record', weight: 2 },
  records: { method: 'GET', path: '/api/workshops/:id/records', weight: 2 },
  export: { method: 'GET', path: '/api/workshops/:id/export', weight: 2 },
  search: { method: 'GET', path: '/api/records', weight: 2 },
  fromRecord: { method: 'POST', path: '/api/workshops/from-record', weight: 1 },
  schema: { method: 'GET', path: '/api/schema/record.json', weight: 1 },
};
const ROUTE_NAMES = Object.keys(ROUTES) as RouteName[];

/** Who a token belongs to: the target workshop T's roles and person, the other workshop O's. */
const WHOS = ['Tfac', 'Tpart', 'Tproj', 'Tperson', 'Ofac', 'Opart', 'organiser'] as const;
type Who = (typeof WHOS)[number];

type IdCase =
  | { kind: 'T' | 'O' | 'Tencoded' }
  | { kind: 'shaped'; value: string }
  | { kind: 'junk'; value: string };
type AuthCase =
  | { kind: 'none' }
  | { kind: 'token'; who: Who; style: string }
  /** May contain `<<Who>>` markers: near-misses of real tokens. */
  | { kind: 'junk'; value: string };
type BodyCase =
  | { kind: 'none' }
  | { kind: 'json'; value: unknown; type: string | null; encoding: string | null }
  | { kind: 'text'; text: string; type: string | null; encoding: string | null };

interface RestCase {
  route: RouteName;
  /** Another method than the route's own (null: its own). */
  method: string | null;
  id: IdCase;
  auth: AuthCase;
  query: [string, string][];
  rawQuery: string;
  body: BodyCase;
  pathCase: 'plain' | 'upper' | 'slash';
}

const latin1Arb = fc.string({
  unit: fc
    .oneof(fc.integer({ min: 0x20, max: 0x7e }), fc.integer({ min: 0xa0, max: 0xff }))
    .map((c) => String.fromCharCode(c)),
  maxLength: 60,
});
const whoMarker = fc.constantFrom(...WHOS).map((who) => `<<${who}>>`);

const idCaseArb: fc.Arbitrary<IdCase> = fc.oneof(
  { weight: 8, arbitrary: fc.constant({ kind: 'T' as const }) },
  { weight: 2, arbitrary: fc.constant({ kind: 'O' as const }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'Tencoded' as const }) },
  {
    weight: 1,
    arbitrary: fc
      .stringMatching(/^[A-Za-z0-9_-]{22}$/)
      .map((value) => ({ kind: 'shaped' as const, value })),
  },
  {
    weight: 3,
    arbitrary: fc
      .oneof(
        fc.string({ unit: 'grapheme', maxLength: 30 }),
        fc.string({ unit: 'binary', maxLength: 30 }),
        fc.constantFrom(
          '..',
          '../..',
          '..%2f..%2fhealthz',
          '%2e%2e',
          '%2e%2e%2f%2e%2e',
          '%00',
          '%',
          '%ZZ',
          '%E0%A4%A',
          '%C0%AF',
          '%FF',
          '%uD800',
          'a%2Fb',
          '.',
          ' ',
          '?x=1',
          '#frag',
          '\\..\\',
          '%252e',
          'null',
          '__proto__',
          'constructor',
          '*',
          '',
        ),
        fc.string({
          unit: fc.constantFrom('%', '2', 'e', 'f', 'Z', '.', '/', 'A', 'c'),
          maxLength: 20,
        }),
        fc.nat({ max: 2_000 }).map((n) => 'A'.repeat(1_000 + n)),
      )
      .map((value) => ({ kind: 'junk' as const, value })),
  },
);

const authArb = (route: RouteName): fc.Arbitrary<AuthCase> =>
  fc.oneof(
    { weight: 1, arbitrary: fc.constant({ kind: 'none' as const }) },
    {
      weight: 6,
      arbitrary: fc.record({
        kind: fc.constant('token' as const),
        // The rightful holders most, so that the routes also succeed.
        who: fc.constantFrom<Who>(
          ...WHOS,
          ...(route === 'search' || route === 'fromRecord'
            ? (['organiser', 'organiser', 'organiser', 'organiser'] as const)
            : (['Tfac', 'Tfac', 'Tpart', 'Tperson'] as const)),
        ),
        style: fc.constantFrom('Bearer ', 'Bearer ', 'bearer ', 'BEARER ', 'Bearer  ', 'Bearer\t'),
      }),
    },
    {
      weight: 2,
      arbitrary: fc
        .oneof(
          latin1Arb,
          fc.constantFrom(
            'Bearer',
            'Bearer ',
            'Basic dXNlcjpwYXNz',
            'Bearer a b',
            `Bearer ${'A'.repeat(43)}`,
            `Bearer ${'A'.repeat(201)}`,
          ),
          // Near misses of real tokens: extra characters, one missing, another scheme, two tokens.
          fc
            .tuple(whoMarker, fc.constantFrom('x', '%', ' extra', '\u00e9'))
            .map(([who, suffix]) => `Bearer ${who}${suffix}`),
          whoMarker.map((who) => `Token ${who}`),
          whoMarker.map((who) => `${who}`),
          fc.tuple(whoMarker, whoMarker).map(([a, b]) => `Bearer ${a} ${b}`),
        )
        .map((value) => ({ kind: 'junk' as const, value })),
    },
  );

const contentTypeArb = fc.oneof(
  { weight: 6, arbitrary: fc.constant('application/json') },
  {
    weight: 3,
    arbitrary: fc.constantFrom(
      'application/json; charset=utf-8',
      'application/json; charset=utf-16',
      'application/json; charset=latin1',
      'text/plain',
      'text/html',
      'application/x-www-form-urlencoded',
      'multipart/form-data; boundary=x',
      'application/vnd.api+json',
      'application/merge-patch+json',
      'application/octet-stream',
      'application/json;;;',
      '*/*',
    ),
  },
  { weight: 1, arbitrary: latin1Arb },
);
const encodingArb = fc.oneof(
  { weight: 12, arbitrary: fc.constant(null) },
  {
    weight: 1,
    arbitrary: fc.constantFrom('gzip', 'deflate', 'br', 'identity', 'x-junk', 'gzip, gzip'),
  },
);
const bodyTextArb = fc.oneof(
  fc.string({ maxLength: 80 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom(
    '{"title": "x"',
    '{"__proto__": {"role": "facilitator"}, "name": "Proto"}',
    '{"constructor": {"prototype": {"role": "facilitator"}}, "name": "Ctor"}',
    '[]',
    'null',
    '"a string"',
    '1e999',
    '{"name": "a", "name": "b"}',
    '\uFEFF{"name": "bom"}',
    '{"role": "participant"}',
    'title=x&template=edw',
  ),
  fc.constant('{"name": "<<huge>>"}'), // past the 64 kB body limit (filled in when sent)
);
const maybeJunk = (valid: fc.Arbitrary<unknown>) =>
  fc.oneof({ weight: 8, arbitrary: valid }, { weight: 1, arbitrary: junkArb });
const workshopRefArb = fc.oneof(
  { weight: 3, arbitrary: fc.constant('<<T>>') },
  fc.constant('<<O>>'),
  fc.string(),
);

/** Every field, or (less often) any of them. */
function recordish<T extends Record<string, fc.Arbitrary<unknown>>>(fields: T) {
  return fc.oneof(
    { weight: 3, arbitrary: fc.record(fields) },
    { weight: 1, arbitrary: fc.record(fields, { requiredKeys: [] }) },
  );
}
const absentOr = (value: fc.Arbitrary<unknown>) => fc.option(value, { nil: undefined });

function nearValidBody(route: RouteName): fc.Arbitrary<unknown> {
  switch (route) {
    case 'create':
      return recordish({
        title: maybeJunk(fc.string({ maxLength: 210 })),
        template: maybeJunk(fc.oneof(fc.constantFrom(...WORKSHOP_TEMPLATES), fc.string())),
      });
    case 'rotate':
      return recordish({
        role: maybeJunk(fc.constantFrom('participant', 'projector', 'facilitator', '')),
      });
    case 'join':
      return recordish({
        name: maybeJunk(fc.string({ maxLength: 90 })),
        organisation: maybeJunk(fc.string({ maxLength: 130 })),
        helix: maybeJunk(fc.oneof(fc.constantFrom(...HELICES), fc.constant(null), fc.string())),
        regionId: maybeJunk(
          fc.oneof({ weight: 3, arbitrary: fc.constant('') }, fc.string({ maxLength: 70 })),
        ),
        consentToNames: maybeJunk(fc.boolean()),
      });
    case 'rename':
      return recordish({ name: maybeJunk(fc.string({ maxLength: 90 })) });
    case 'derive':
      return recordish({
        template: maybeJunk(fc.constantFrom('adw', 'cadw', 'edw')),
        title: absentOr(maybeJunk(fc.string({ maxLength: 210 }))),
        activityIds: absentOr(maybeJunk(fc.array(fc.string({ maxLength: 70 }), { maxLength: 3 }))),
      });
    case 'fromRecord':
      return recordish({
        records: maybeJunk(
          fc.array(
            fc.record(
              {
                workshopId: workshopRefArb,
                version: absentOr(maybeJunk(fc.integer({ min: 0, max: 3 }))),
              },
              { requiredKeys: ['workshopId'] },
            ),
            { minLength: 1, maxLength: 3 },
          ),
        ),
        template: maybeJunk(fc.constantFrom(...WORKSHOP_TEMPLATES)),
        title: maybeJunk(fc.string({ maxLength: 210 })),
        activityIds: absentOr(maybeJunk(fc.array(fc.string({ maxLength: 70 }), { maxLength: 3 }))),
      });
    default:
      return fc.jsonValue({ maxDepth: 2 });
  }
}

const queryPairArb = (keys: string[]) =>
  fc.tuple(
    fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...keys) }, fc.string({ maxLength: 8 })),
    fc.string({ maxLength: 20 }),
  );

function queryArb(route: RouteName): fc.Arbitrary<[string, string][]> {
  const day = fc.oneof(
    fc
      .date({ min: new Date('2000-01-01'), max: new Date('2100-01-01'), noInvalidDate: true })
      .map((d) => d.toISOString().slice(0, 10)),
    fc.string({ maxLength: 12 }),
  );
  const version = fc.oneof(
    fc.integer({ min: -1, max: 4 }).map(String),
    fc.string({ maxLength: 6 }),
  );
  const token = fc.oneof(whoMarker, fc.string({ maxLength: 30 }));
  const pairs = (entries: Record<string, fc.Arbitrary<string>>, requiredKeys: string[] = []) =>
    fc
      .tuple(
        fc.record(entries, { requiredKeys }),
        fc.oneof(
          { weight: 4, arbitrary: fc.constant([]) },
          { weight: 1, arbitrary: fc.array(queryPairArb(Object.keys(entries)), { maxLength: 2 }) },
        ),
      )
      .map(([known, extra]) => [...Object.entries(known), ...extra] as [string, string][]);
  switch (route) {
    case 'export':
      return pairs(
        {
          format: fc.oneof(
            { weight: 6, arbitrary: fc.constantFrom('json', 'json', 'csv', 'xlsx', 'md', 'html') },
            fc.constantFrom('', 'PDF', 'xml', 'json '),
            fc.string({ maxLength: 8 }),
          ),
          version,
          lang: fc.oneof(
            { weight: 3, arbitrary: fc.constantFrom('en', 'de', 'fr', 'it', 'sl') },
            fc.constantFrom('', 'xx', 'DE', 'de-AT', 'toString', '__proto__'),
          ),
          sep: fc.oneof(
            { weight: 3, arbitrary: fc.constantFrom('comma', 'semicolon', 'tab') },
            fc.constantFrom('', ';', 'pipe'),
          ),
          token,
        },
        ['format'],
      );
    case 'record':
    case 'records':
      return pairs({ version, token });
    case 'search':
      return pairs({
        q: fc.string({ maxLength: 40 }),
        region: fc.string({ maxLength: 20 }),
        template: fc.oneof(fc.constantFrom(...WORKSHOP_TEMPLATES), fc.string({ maxLength: 8 })),
        field: fc.string({ maxLength: 20 }),
        from: day,
        to: day,
        page: version,
        pageSize: fc.oneof(fc.integer({ min: 0, max: 120 }).map(String), fc.string()),
        token,
      });
    default:
      return fc.array(queryPairArb(['token', 'format', 'version']), { maxLength: 2 });
  }
}

const restCaseArb: fc.Arbitrary<RestCase> = fc
  .oneof(
    ...ROUTE_NAMES.map((name) => ({ weight: ROUTES[name].weight, arbitrary: fc.constant(name) })),
  )
  .chain((route) =>
    fc.record({
      route: fc.constant(route),
      method: fc.oneof(
        { weight: 7, arbitrary: fc.constant(null) },
        { weight: 1, arbitrary: fc.constantFrom('GET', 'POST', 'PATCH', 'PUT', 'DELETE') },
      ),
      id: idCaseArb,
      auth: authArb(route),
      query: queryArb(route),
      rawQuery: fc.oneof(
        { weight: 10, arbitrary: fc.constant('') },
        fc.constantFrom('&%ZZ=1', '&a[b]=1', '&format=json&format=csv', '&token=&token=x', '&%'),
      ),
      body: fc.oneof(
        {
          weight: 5,
          arbitrary: fc.record({
            kind: fc.constant('json' as const),
            value: nearValidBody(route),
            type: fc.constant('application/json'),
            encoding: fc.constant(null),
          }),
        },
        {
          weight: 2,
          arbitrary: fc.record({
            kind: fc.constant('json' as const),
            value: fc.oneof(fc.jsonValue({ maxDepth: 3 }), junkArb),
            type: fc.option(contentTypeArb),
            encoding: encodingArb,
          }),
        },
        {
          weight: 2,
          arbitrary: fc.record({
            kind: fc.constant('text' as const),
            text: bodyTextArb,
            type: fc.option(contentTypeArb),
            encoding: encodingArb,
          }),
        },
        { weight: 1, arbitrary: fc.constant({ kind: 'none' as const }) },
      ),
      pathCase: fc.constantFrom<RestCase['pathCase']>('plain', 'plain', 'plain', 'upper', 'slash'),
    }),
  );

describe('fuzz: REST bodies, ids, tokens and content types', () => {
  let server: RunningServer;
  let target: CreateWorkshopResponse;
  let other: CreateWorkshopResponse;
  let personToken = '';
  let personId = '';

  const api = async (path: string, token: string, init: RequestInit = {}) => {
    const res = await fetch(`${server.url}${path}`, {
      ...init,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    });
    const body: unknown = await res.json();
    if (!res.ok) throw new Error(`${path}: ${res.status} ${short(body)}`);
    return body;
  };

  beforeAll(async () => {
    server = await startTestServer({ organiserToken: ORGANISER });
    target = await createWorkshop(server.url, 'Fuzzed REST target');
    other = await createWorkshop(server.url, 'Another workshop');
    // Something to derive from and to record: a capacity and a selected activity.
    await server.rooms.change(target.id, (doc) => {
      createCapacity(doc, { title: 'Alpine tourism SMEs', strength: 4 });
      createActivity(doc, { title: 'Digital guest journeys', status: 'selected' });
    });
    const person = await joinAs(server.url, target, { name: 'Fuzzy', helix: 'business' });
    personToken = person.identityToken;
    personId = person.identityId;
    await api(`/api/workshops/${target.id}/snapshot`, target.tokens.facilitator, {
      method: 'POST',
    });
  }, 30_000);

  afterAll(async () => {
    await server?.close();
  });

  it(
    'never answers 5xx, answers JSON errors, and changes a workshop only for its facilitator',
    async () => {
      const startedAt = Date.now();
      const tally = new Tally();

      const tokenOf = (who: Who): string => {
        switch (who) {
          case 'Tfac':
            return target.tokens.facilitator;
          case 'Tpart':
            return target.tokens.participant;
          case 'Tproj':
            return target.tokens.projector;
          case 'Tperson':
            return personToken;
          case 'Ofac':
            return other.tokens.facilitator;
          case 'Opart':
            return other.tokens.participant;
          case 'organiser':
            return ORGANISER;
        }
      };
      const fill = (text: string) =>
        text
          .replace(/<<(\w+)>>/g, (m, who: string) =>
            (WHOS as readonly string[]).includes(who) ? tokenOf(who as Who) : m,
          )
          .replaceAll('<<huge>>', 'x'.repeat(70_000))
          .replaceAll('<<T>>', target.id)
          .replaceAll('<<O>>', other.id);

      /** Who may get a 2xx from a route on workshop `wk` (the route table of the README). */
      const allowed = (route: RouteName, wk: 'T' | 'O' | null): readonly Who[] | 'anyone' => {
        if (route === 'create' || route === 'schema') return 'anyone';
        if (route === 'search' || route === 'fromRecord') return ['organiser'];
        if (!wk) return [];
        const any: Who[] = wk === 'T' ? ['Tfac', 'Tpart', 'Tproj', 'Tperson'] : ['Ofac', 'Opart'];
        const facilitator: Who[] = wk === 'T' ? ['Tfac'] : ['Ofac'];
        switch (route) {
          case 'session':
          case 'me':
          case 'participants':
            return any;
          case 'join':
            return wk === 'T' ? ['Tfac', 'Tpart'] : ['Ofac', 'Opart'];
          case 'rename':
            return wk === 'T' ? ['Tperson'] : [];
          case 'record':
          case 'records':
          case 'export':
            return [...any, 'organiser'];
          default:
            return facilitator;
        }
      };

      const stateOf = async (w: CreateWorkshopResponse) => {
        const token = w.tokens.facilitator;
        const session = (await api(`/api/workshops/${w.id}`, token)) as WorkshopSession;
        const { versions } = (await api(`/api/workshops/${w.id}/records`, token)) as {
          versions: unknown[];
        };
        const { participants } = (await api(`/api/workshops/${w.id}/participants`, token)) as {
          participants: { id: string; name: string }[];
        };
        const { tokens } = (await api(`/api/workshops/${w.id}/links`, token)) as {
          tokens: CreateWorkshopResponse['tokens'];
        };
        const doc = await server.rooms.withDocument(w.id, (d) => ({
          snapshot: Y.snapshot(d),
          cards: d.getMap('cards').toJSON(),
          meta: d.getMap('meta').toJSON(),
        }));
        return {
          session,
          records: versions.length,
          people: participants.map(({ id, name }) => ({ id, name })),
          tokens,
          doc,
          control: structuredClone(await server.control.get(w.id)),
        };
      };

      async function runBatch(batch: RestCase[]): Promise<void> {
        const before = { target: await stateOf(target), other: await stateOf(other) };
        target.tokens = before.target.tokens; // links reset in an earlier batch
        other.tokens = before.other.tokens;
        /** 2xx answers that change the target workshop, by route. */
        const changed = new Map<RouteName, number>();

        const runCase = async (c: RestCase) => {
          const route = ROUTES[c.route];
          const method = c.method ?? route.method;
          const id = c.id;
          const idText =
            id.kind === 'T'
              ? target.id
              : id.kind === 'O'
                ? other.id
                : id.kind === 'Tencoded'
                  ? [...target.id].map((ch) => `%${ch.charCodeAt(0).toString(16)}`).join('')
                  : 'value' in id
                    ? id.value
                    : '';
          let path = route.path.replace(':id', idText);
          if (c.pathCase === 'upper') path = path.replace('/api/workshops', '/API/Workshops');
          if (c.pathCase === 'slash') path += '/';
          const query = new URLSearchParams(
            c.query.map(([k, v]): [string, string] => [k, fill(v)]),
          ).toString();
          const url = `${server.url}${path}?${query}${c.rawQuery}`;
          const headers: Record<string, string> = {};
          if (c.auth.kind === 'token')
            headers.authorization = `${c.auth.style}${tokenOf(c.auth.who)}`;
          if (c.auth.kind === 'junk') headers.authorization = fill(c.auth.value);
          let body: string | undefined;
          if (c.body.kind !== 'none' && method !== 'GET') {
            body =
              c.body.kind === 'json'
                ? fill(JSON.stringify(c.body.value) ?? 'null')
                : fill(c.body.text);
            if (c.body.type !== null) headers['content-type'] = c.body.type;
            if (c.body.encoding !== null) headers['content-encoding'] = c.body.encoding;
          }
          const what = () => `${method} ${url.slice(0, 300)} ${short(headers)} ${short(body, 200)}`;
          let res: Response;
          try {
            res = await fetch(url, {
              method,
              headers,
              body,
              signal: AbortSignal.timeout(ANSWER_MS),
            });
          } catch (err) {
            throw new Error(`no answer (${err}) to ${what()}`);
          }
          const text = await res.text();
          const finalPath = new URL(url).pathname;
          if (res.status >= 500) {
            throw new Error(`answered ${res.status} ${text.slice(0, 200)} to ${what()}`);
          }
          if (res.status >= 400 && /^\/api(\/|$)/i.test(finalPath)) {
            let parsed: unknown;
            try {
              parsed = JSON.parse(text);
            } catch {
              throw new Error(
                `a ${res.status} that is not JSON (${text.slice(0, 100)}): ${what()}`,
              );
            }
            if (typeof (parsed as { error?: unknown }).error !== 'string') {
              throw new Error(`a ${res.status} without an error message: ${text}: ${what()}`);
            }
          }
          // Which route it reached (a method another route of the same path has, or none), and
          // whether its caller may get a 2xx there at all.
          const reached = ROUTE_NAMES.find(
            (n) => ROUTES[n].path === route.path && ROUTES[n].method === method,
          );
          const ok = res.status >= 200 && res.status < 300;
          if (ok && c.id.kind !== 'junk') {
            if (!reached) throw new Error(`answered ${res.status} on no route: ${what()}`);
            const wk =
              c.id.kind === 'T' || c.id.kind === 'Tencoded' ? 'T' : c.id.kind === 'O' ? 'O' : null;
            const may = allowed(reached, route.path.includes(':id') ? wk : null);
            const presented = [
              ...(c.auth.kind === 'token' ? [c.auth.who] : []),
              ...c.query.filter(([k]) => k === 'token').map(([, v]) => v.replace(/^<<|>>$/g, '')),
            ];
            if (
              may !== 'anyone' &&
              !presented.some((who) => (may as readonly string[]).includes(who))
            ) {
              throw new Error(`answered ${res.status} to a caller without the right: ${what()}`);
            }
            if (wk === 'T' && route.path.includes(':id')) {
              changed.set(reached, (changed.get(reached) ?? 0) + 1);
            }
          }
          tally.add(`${c.route}${c.method ? ` as ${c.method}` : ''}: ${res.status}`);
        };
        await settleAll(batch.map(runCase));

        // The target changed only by its facilitator's (and its people's own) valid requests.
        const after = { target: await stateOf(target), other: await stateOf(other) };
        const n = (route: RouteName) => changed.get(route) ?? 0;
        const t0 = before.target;
        const t1 = after.target;
        const { status: status0, ...session0 } = t0.session;
        const { status: status1, ...session1 } = t1.session;
        expect(session1).toEqual(session0);
        if (n('archive') + n('reopen') === 0) expect(status1).toBe(status0);
        expect(t1.records).toBe(t0.records + n('archive') + n('snapshot'));
        expect(t1.people.length).toBe(t0.people.length + n('join'));
        const renamed = n('rename') > 0 ? personId : null;
        const kept = (people: { id: string; name: string }[]) =>
          people.filter((p) => t0.people.some((q) => q.id === p.id) && p.id !== renamed);
        expect(kept(t1.people)).toEqual(kept(t0.people));
        if (n('rotate') === 0) expect(t1.tokens).toEqual(t0.tokens);
        expect(t1.doc.cards).toEqual(t0.doc.cards);
        expect(t1.doc.meta).toEqual(t0.doc.meta);
        expect(Y.equalSnapshots(t1.doc.snapshot, t0.doc.snapshot)).toBe(true);
        if (n('archive') === 0) expect(t1.control).toEqual(t0.control);
        // No request of any kind changes another workshop's title or content.
        expect(after.other.session.title).toBe(before.other.session.title);
        expect(after.other.doc.cards).toEqual(before.other.doc.cards);
        await expectHealthy(server.url);
      }

      await fuzzBatches(restCaseArb, runBatch);
      tally.report('REST', startedAt);
      expect(tally.cases).toBeGreaterThan(0);
    },
    BLOCK_TEST_TIMEOUT_MS,
  );
});
