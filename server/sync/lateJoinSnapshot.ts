/**
 * The sync step 2 a client needs, with the whole doc cached for late joiners. Separate from the
 * room's relay logic because it is a cache with one rule of its own: a client holding nothing (a
 * fresh join) gets the whole doc, encoded once and kept until the doc next changes, so many
 * people opening a large workshop at once cost one encode.
 */
import * as Y from 'yjs';
import { encodeSyncStep2 } from './protocol';

export class LateJoinSnapshot {
  private fullStateMessage: Uint8Array | null = null;

  constructor(private readonly doc: Y.Doc) {}

  /** The doc changed: the cached message is stale. */
  invalidate(): void {
    this.fullStateMessage = null;
  }

  /** The sync step 2 message for a client with this state vector. */
  missingFrom(stateVector: Uint8Array): Uint8Array {
    if (Y.decodeStateVector(stateVector).size > 0) {
      return encodeSyncStep2(Y.encodeStateAsUpdate(this.doc, stateVector));
    }
    this.fullStateMessage ??= encodeSyncStep2(Y.encodeStateAsUpdate(this.doc));
    return this.fullStateMessage;
  }
}
