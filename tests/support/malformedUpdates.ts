/** Test support: hand-encoded Yjs updates (v1) that decode whole yet cannot be applied. */
import * as encoding from 'lib0/encoding';

/** Yjs v1 struct info: content ContentType (7) or ContentAny (8); has an origin; has a key. */
const CONTENT_TYPE = 7;
const CONTENT_ANY = 8;
const HAS_ORIGIN = 0x80;
const HAS_KEY = 0x20;
const Y_MAP = 1;

/**
 * Three items of one client in the root array `root`: 'a' (clock 0), 'b' placed after clock 2 (a
 * later change of its own client, which Yjs takes as already integrated), then 'c' after 'a'.
 * Y.decodeUpdate reads it whole; Y.applyUpdate integrates 'a' and then throws on 'b'.
 * (Found by the sync fuzz as a mutated card whose origin clock had a flipped bit.)
 */
export function forwardReferenceUpdate(client: number, root = 'list'): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, 1); // one client
  encoding.writeVarUint(e, 3); // three structs
  encoding.writeVarUint(e, client);
  encoding.writeVarUint(e, 0); // from clock 0
  // 'a', in the root type: parent info 1 = a root key, then the key.
  encoding.writeUint8(e, CONTENT_ANY);
  encoding.writeVarUint(e, 1);
  encoding.writeVarString(e, root);
  encoding.writeVarUint(e, 1);
  encoding.writeAny(e, 'a');
  // 'b', after (client, 2): itself not integrated yet.
  encoding.writeUint8(e, HAS_ORIGIN | CONTENT_ANY);
  encoding.writeVarUint(e, client);
  encoding.writeVarUint(e, 2);
  encoding.writeVarUint(e, 1);
  encoding.writeAny(e, 'b');
  // 'c', after 'a'.
  encoding.writeUint8(e, HAS_ORIGIN | CONTENT_ANY);
  encoding.writeVarUint(e, client);
  encoding.writeVarUint(e, 0);
  encoding.writeVarUint(e, 1);
  encoding.writeAny(e, 'c');
  encoding.writeVarUint(e, 0); // empty delete set
  return encoding.toUint8Array(e);
}

/**
 * A card (a Y.Map under the root map `cards`, key `cardId`) whose field `title` holds no value at all:
 * a ContentAny struct of length 0, which no Yjs client encodes. Yjs integrates it, then throws,
 * and the doc keeps a struct with which its own encoding no longer loads in a fresh doc. (Found by
 * the sync fuzz as a mutated capacity card.)
 */
export function emptyStructUpdate(client: number, cardId = 'card'): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, 1); // one client
  encoding.writeVarUint(e, 2); // two structs
  encoding.writeVarUint(e, client);
  encoding.writeVarUint(e, 0);
  // The card: a Y.Map in the root map 'cards' under its id.
  encoding.writeUint8(e, HAS_KEY | CONTENT_TYPE);
  encoding.writeVarUint(e, 1);
  encoding.writeVarString(e, 'cards');
  encoding.writeVarString(e, cardId);
  encoding.writeVarUint(e, Y_MAP);
  // Its 'title': parent info 0 = an item id (the card), then the key, then zero values.
  encoding.writeUint8(e, HAS_KEY | CONTENT_ANY);
  encoding.writeVarUint(e, 0);
  encoding.writeVarUint(e, client);
  encoding.writeVarUint(e, 0);
  encoding.writeVarString(e, 'title');
  encoding.writeVarUint(e, 0);
  encoding.writeVarUint(e, 0); // empty delete set
  return encoding.toUint8Array(e);
}
