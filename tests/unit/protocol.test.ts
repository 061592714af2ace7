/** y-websocket message decoding: strict, and interoperable with y-protocols' own encoders. */
import * as encoding from 'lib0/encoding';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as syncProtocol from 'y-protocols/sync';
import fc from 'fast-check';
import {
  decodeClientMessage,
  encodeSyncStep2,
  encodeUpdate,
  MalformedMessageError,
} from '../../server/sync/protocol';

function stockMessage(write: (e: encoding.Encoder) => void): Uint8Array {
  const e = encoding.createEncoder();
  write(e);
  return encoding.toUint8Array(e);
}

describe('decodeClientMessage', () => {
  const doc = new Y.Doc();
  doc.getText('t').insert(0, 'hello');

  it('reads what y-protocols writes', () => {
    const step1 = stockMessage((e) => {
      encoding.writeVarUint(e, 0);
      syncProtocol.writeSyncStep1(e, doc);
    });
    expect(decodeClientMessage(step1)).toEqual({
      kind: 'sync-step1',
      stateVector: Y.encodeStateVector(doc),
    });
    const update = Y.encodeStateAsUpdate(doc);
    expect(decodeClientMessage(encodeUpdate(update))).toEqual({ kind: 'update', update });
    expect(decodeClientMessage(encodeSyncStep2(update))).toEqual({ kind: 'update', update });
    const awareness = new awarenessProtocol.Awareness(doc);
    const aw = awarenessProtocol.encodeAwarenessUpdate(awareness, [doc.clientID]);
    const awMsg = stockMessage((e) => {
      encoding.writeVarUint(e, 1);
      encoding.writeVarUint8Array(e, aw);
    });
    expect(decodeClientMessage(awMsg)).toEqual({ kind: 'awareness', update: aw });
    expect(decodeClientMessage(new Uint8Array([3]))).toEqual({ kind: 'query-awareness' });
    awareness.destroy();
  });

  it('throws MalformedMessageError, and nothing else, for any other bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), (bytes) => {
        try {
          decodeClientMessage(bytes);
          return true;
        } catch (err) {
          return err instanceof MalformedMessageError;
        }
      }),
    );
    expect(() => decodeClientMessage(new Uint8Array([]))).toThrow(MalformedMessageError);
    expect(() => decodeClientMessage(new Uint8Array([0, 9, 0]))).toThrow(/unknown sync step/);
    expect(() => decodeClientMessage(new Uint8Array([3, 0]))).toThrow(/trailing/);
  });
});
