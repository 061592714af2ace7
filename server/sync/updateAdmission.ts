/**
 * Whether a client's document update may be applied: it decodes and depends on nothing missing,
 * it passes the write gate (locks, archived workshops), it fits the size limit. Separate from the
 * room's relay logic because it is a decision only: it changes nothing, and the room acts on it
 * (applies, waits for the sync step 2, or closes the connection).
 */
import type * as Y from 'yjs';
import type { Role } from '../../shared/domain/workshop';
import { CLOSE_LOCKED, CLOSE_MALFORMED, CLOSE_WORKSHOP_FULL } from '../../shared/sync/closeCodes';
import { inspectUpdate, MISSING_DEPENDENCY } from './inspectUpdate';

/**
 * Decides whether a connection's document update may be applied (locks, archived workshops). Runs
 * only for updates from writers; without a gate every writer's update is accepted. A string
 * refuses with that reason (sent as the close reason); false refuses as a lock.
 */
export type UpdateGate = (role: Role, update: Uint8Array, doc: Y.Doc) => boolean | string;

export type Admission =
  /** Apply it. */
  | { kind: 'apply' }
  /** It changes nothing (a sync reply): never refused, so reading stays possible. */
  | { kind: 'unchanged' }
  /** It builds on what the client's sync step 2 will bring: drop it, refuse if the step never comes. */
  | { kind: 'ahead-of-step2'; reason: string }
  /** Close the connection with this code and reason. */
  | { kind: 'refuse'; code: number; reason: string };

export interface AdmissionContext {
  gate?: UpdateGate;
  /** Bytes the workshop holds in storage, counting updates accepted but not yet stored. */
  storedBytes: number;
  maxDocumentBytes: number;
}

export function admitClientUpdate(
  doc: Y.Doc,
  sender: { role: Role; sentSyncStep2: boolean },
  update: Uint8Array,
  context: AdmissionContext,
): Admission {
  const inspection = inspectUpdate(doc, update);
  if (!inspection.ok) {
    // A client back with edits this server lacks (made offline, or sent to a process that died)
    // sends each new edit the moment its socket opens, before its sync step 2: such an edit
    // builds on the ones that step brings, and the step brings it too. So it is dropped, not
    // refused; only a client whose step 2 never comes is refused (it holds an edit never taken).
    if (inspection.reason === MISSING_DEPENDENCY && !sender.sentSyncStep2) {
      return { kind: 'ahead-of-step2', reason: inspection.reason };
    }
    return { kind: 'refuse', code: CLOSE_MALFORMED, reason: inspection.reason };
  }
  if (!inspection.changes) return { kind: 'unchanged' };
  const verdict = context.gate ? context.gate(sender.role, update, doc) : true;
  if (verdict !== true) {
    // Closing (rather than dropping silently) matters: the client's later updates build on this
    // one, so it must discard it and resync, or all its later edits would be stuck.
    return { kind: 'refuse', code: CLOSE_LOCKED, reason: verdict || 'locked by the facilitator' };
  }
  if (
    inspection.grows &&
    context.storedBytes + update.byteLength > capacityFor(sender.role, context.maxDocumentBytes)
  ) {
    return {
      kind: 'refuse',
      code: CLOSE_WORKSHOP_FULL,
      reason:
        sender.role === 'facilitator'
          ? 'this workshop is full: delete something first'
          : 'this workshop is full: ask the facilitator',
    };
  }
  return { kind: 'apply' };
}

/**
 * How large a connection's growing edits may make the workshop: participants stop at the limit;
 * facilitators may go on (to tidy up, to finish) up to twice it, so disk use stays bounded even
 * for someone who creates a workshop to fill it.
 */
function capacityFor(role: Role, limit: number): number {
  return role === 'facilitator' ? 2 * limit : limit;
}
