/**
 * What the relay checks of a client's document update before it touches the room's doc:
 *   - it decodes completely (structs and delete set): Yjs integrates an update's structs before it
 *     reads the delete set, so a bad tail would otherwise throw after half the update is in;
 *   - it depends on nothing the server lacks: Yjs would park such structs and deletes as "pending"
 *     and integrate them later, inside someone else's update, past every check made here. Clients
 *     build on what they received from this server and on their own edits, which they send in
 *     order; only a client back with edits the server lacks sends such an update, before its sync
 *     step 2 brings them (Room drops it then: the step brings it too);
 *   - no item refers to itself or to a later change of its own client (Yjs would throw half-way),
 *     and no struct is empty;
 *   - whether it changes the doc at all, and whether it adds content (a full workshop still takes
 *     updates that only delete).
 */
import * as Y from 'yjs';

/** Why an update that builds on changes the room's doc does not hold is not applied. */
export const MISSING_DEPENDENCY = 'update depends on changes the server does not have';

export type UpdateInspection =
  { ok: true; changes: boolean; grows: boolean } | { ok: false; reason: string };

export function inspectUpdate(doc: Y.Doc, update: Uint8Array): UpdateInspection {
  let decoded: ReturnType<typeof Y.decodeUpdate>;
  try {
    decoded = Y.decodeUpdate(update);
  } catch {
    return { ok: false, reason: 'malformed update' };
  }
  const { structs, ds } = decoded;
  const state = (client: number) => Y.getState(doc.store, client);

  // Per client, the clock range this update's structs bring beyond the doc's state; a struct that
  // starts past the doc's state plus what came before it in the update leaves a gap.
  const covered = new Map<number, { from: number; to: number }>();
  let grows = false;
  let changes = false;
  for (const struct of structs) {
    // Yjs never encodes an empty struct, and integrates one into a doc that throws when it is read,
    // merged, collected or encoded again (a fresh client could no longer load the workshop; found by
    // the sync fuzz).
    if (!(struct.length >= 1)) return { ok: false, reason: 'malformed update' };
    if (struct instanceof Y.Skip) continue;
    const { client, clock } = struct.id;
    const end = clock + struct.length;
    const have = state(client);
    if (end <= have) continue; // already integrated here
    const range = covered.get(client) ?? { from: have, to: have };
    if (clock > range.to) {
      return { ok: false, reason: MISSING_DEPENDENCY };
    }
    range.to = end;
    covered.set(client, range);
    changes = true;
    if (struct instanceof Y.Item) grows = true;
  }
  const known = (id: Y.ID | null | undefined) => {
    if (!id) return true;
    if (id.clock < state(id.client)) return true;
    const range = covered.get(id.client);
    return range !== undefined && id.clock >= range.from && id.clock < range.to;
  };
  for (const struct of structs) {
    if (!(struct instanceof Y.Item)) continue;
    const parent = struct.parent as unknown;
    if (
      !known(struct.origin) ||
      !known(struct.rightOrigin) ||
      (parent instanceof Y.ID && !known(parent))
    ) {
      return { ok: false, reason: MISSING_DEPENDENCY };
    }
    // Yjs integrates each client's structs in clock order and takes a reference to the item's own
    // client as already integrated: one to the item itself or to a later clock throws half-way
    // through the update, after the structs before it are in (found by the sync fuzz).
    const earlier = (id: Y.ID | null | undefined) =>
      !id || id.client !== struct.id.client || id.clock < struct.id.clock;
    if (
      !earlier(struct.origin) ||
      !earlier(struct.rightOrigin) ||
      (parent instanceof Y.ID && !earlier(parent))
    ) {
      return { ok: false, reason: 'malformed update' };
    }
  }
  for (const [client, ranges] of ds.clients) {
    for (const range of ranges) {
      if (range.len <= 0 || !Number.isSafeInteger(range.clock + range.len)) {
        return { ok: false, reason: 'malformed delete set' };
      }
      if (!known(Y.createID(client, range.clock + range.len - 1))) {
        return { ok: false, reason: 'update deletes changes the server does not have' };
      }
      if (!changes && deletesSomethingLive(doc, client, range.clock, range.len)) changes = true;
    }
  }
  return { ok: true, changes, grows };
}

/** Whether any item in the range is integrated and not deleted yet. */
function deletesSomethingLive(doc: Y.Doc, client: number, from: number, len: number): boolean {
  const end = Math.min(from + len, Y.getState(doc.store, client));
  for (let clock = from; clock < end;) {
    let struct: Y.Item | Y.GC;
    try {
      struct = Y.getItem(doc.store, Y.createID(client, clock));
    } catch {
      return false;
    }
    if (!struct.deleted) return true;
    clock = struct.id.clock + struct.length;
  }
  return false;
}
