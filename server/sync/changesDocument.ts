/**
 * Whether an update would change a doc. Clients send their whole delete set and, in the sync
 * handshake, whatever the server lacks (usually nothing): such updates change nothing and must
 * not be refused by a gate, or a client could not even open a locked or archived workshop.
 */
import * as Y from 'yjs';

export function changesDocument(doc: Y.Doc, update: Uint8Array): boolean {
  const { structs, ds } = Y.decodeUpdate(update);
  for (const struct of structs) {
    if (struct instanceof Y.Skip) continue;
    if (struct.id.clock + struct.length > Y.getState(doc.store, struct.id.client)) return true;
  }
  for (const [client, ranges] of ds.clients) {
    for (const range of ranges) {
      for (let clock = range.clock; clock < range.clock + range.len;) {
        let struct: Y.Item | Y.GC;
        try {
          struct = Y.getItem(doc.store, Y.createID(client, clock));
        } catch {
          return true; // deletes something this doc has not seen
        }
        if (!struct.deleted) return true;
        clock = struct.id.clock + struct.length;
      }
    }
  }
  return false;
}
