/**
 * One client's WebSocket in a room. Knows its role's write permission, who it is (for the log:
 * never its token) and when it was last sent anything (keep-alive).
 */
import WebSocket from 'ws';
import type { Role } from '../../shared/domain/workshop';
import { CLOSE_TOO_SLOW } from '../../shared/sync/closeCodes';
import { writeFrame, type WireFrame } from './wireFrame';

/** A client whose unsent buffer grows past this is dropped rather than grow server memory. */
const MAX_BUFFERED_BYTES = 64 * 1024 * 1024;

export class Connection {
  readonly awarenessClientIds = new Set<number>();
  alive = true;
  /** Date.now() of the last message sent to this client. */
  lastSentAt = Date.now();
  /**
   * Whether the client has sent its sync step 2 (its answer to the room's step 1: everything it
   * holds that the room lacked when it joined). Until then its updates may build on edits only
   * that step brings.
   */
  sentSyncStep2 = false;
  /** Set while an update of it waits for its sync step 2 (Room.applyClientUpdate). */
  step2Deadline: NodeJS.Timeout | null = null;

  constructor(
    readonly socket: WebSocket,
    /** Changes in place when a participant is promoted to co-facilitator. */
    public role: Role,
    /** The person, when they connected with their identity token (null for a workshop token). */
    readonly identityId: string | null = null,
    /** The client's address as the server sees it (behind a trusted proxy: the forwarded one). */
    readonly ip = '',
  ) {}

  /** Projectors receive everything and write nothing. */
  get canWrite(): boolean {
    return this.role !== 'projector';
  }

  /** What the log says about this connection when it refuses something of it. */
  get who(): { role: Role; identityId: string | null; ip: string } {
    return { role: this.role, identityId: this.identityId, ip: this.ip };
  }

  send(message: Uint8Array): void {
    if (!this.ready()) return;
    this.socket.send(message, { binary: true });
  }

  /** Sends a frame that was built once for all of a broadcast's recipients (wireFrame.ts). */
  sendFrame(frame: WireFrame): void {
    if (!this.ready()) return;
    writeFrame(this.socket, frame);
  }

  /** Whether a message may go out now; drops a client that does not read what it is sent. */
  private ready(): boolean {
    if (this.socket.readyState !== WebSocket.OPEN) return false;
    if (this.socket.bufferedAmount > MAX_BUFFERED_BYTES) {
      this.close(CLOSE_TOO_SLOW, 'client too slow');
      return false;
    }
    this.lastSentAt = Date.now();
    return true;
  }

  close(code: number, reason: string): void {
    if (
      this.socket.readyState === WebSocket.OPEN ||
      this.socket.readyState === WebSocket.CONNECTING
    )
      this.socket.close(code, reason);
  }
}
