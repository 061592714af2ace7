/**
 * Presence (awareness) rules of the relay, applied to each connection's awareness messages before
 * they reach the room:
 *   - ownership: a connection may set, update or remove only the awareness client ids it introduced
 *     (at most MAX_PRESENCE_IDS of them); an entry naming anyone else's id is dropped, so nobody can
 *     rename, move or remove another person's cursor, and one socket cannot fill the room with
 *     phantom users;
 *   - size: one entry's state is at most MAX_PRESENCE_STATE_CHARS of JSON, and must be JSON.
 * The wire format (y-protocols awareness): varUint count, then per entry varUint clientID,
 * varUint clock, varString JSON state ("null" removes).
 */
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';

/** A stock client uses one id per doc; a few more leave room for reconnects within one socket. */
export const MAX_PRESENCE_IDS = 4;
/** Name, colour, cursor and selection fit in well under this. */
export const MAX_PRESENCE_STATE_CHARS = 16 * 1024;

export interface PresenceEntry {
  clientId: number;
  clock: number;
  state: string;
}

/** Reads an awareness update; throws on anything that is not one. */
export function decodePresence(update: Uint8Array): PresenceEntry[] {
  const decoder = decoding.createDecoder(update);
  const count = decoding.readVarUint(decoder);
  const entries: PresenceEntry[] = [];
  for (let i = 0; i < count; i++) {
    entries.push({
      clientId: decoding.readVarUint(decoder),
      clock: decoding.readVarUint(decoder),
      state: decoding.readVarString(decoder),
    });
  }
  if (decoding.hasContent(decoder)) throw new Error('trailing bytes in a presence update');
  return entries;
}

export function encodePresence(entries: PresenceEntry[]): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, entries.length);
  for (const entry of entries) {
    encoding.writeVarUint(encoder, entry.clientId);
    encoding.writeVarUint(encoder, entry.clock);
    encoding.writeVarString(encoder, entry.state);
  }
  return encoding.toUint8Array(encoder);
}

/** Who holds which awareness client id in one room. */
export class PresenceOwners<Owner> {
  private readonly owners = new Map<number, Owner>();
  private readonly counts = new Map<Owner, number>();

  ownerOf(clientId: number): Owner | undefined {
    return this.owners.get(clientId);
  }

  /**
   * The entries `owner` may apply: its own ids, and new ids while it holds fewer than the maximum
   * (claimed now). Entries whose state is too long or not JSON are dropped.
   */
  admit(owner: Owner, entries: PresenceEntry[]): PresenceEntry[] {
    const admitted: PresenceEntry[] = [];
    for (const entry of entries) {
      if (entry.state.length > MAX_PRESENCE_STATE_CHARS || !isJson(entry.state)) continue;
      const current = this.owners.get(entry.clientId);
      if (current === undefined) {
        const held = this.counts.get(owner) ?? 0;
        if (held >= MAX_PRESENCE_IDS) continue;
        this.owners.set(entry.clientId, owner);
        this.counts.set(owner, held + 1);
      } else if (current !== owner) {
        continue;
      }
      admitted.push(entry);
    }
    return admitted;
  }

  /** Forgets every id of an owner (its connection left); returns them. */
  release(owner: Owner): number[] {
    const ids: number[] = [];
    for (const [id, holder] of this.owners) {
      if (holder === owner) {
        ids.push(id);
        this.owners.delete(id);
      }
    }
    this.counts.delete(owner);
    return ids;
  }
}

function isJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

/**
 * A token bucket per connection: `perSecond` presence updates a second, bursts up to the same.
 * Beyond it, updates are merged and applied when the bucket refills (delayed, never refused).
 */
export class PresenceThrottle {
  private tokens: number;
  private last: number;
  private pending = new Map<number, PresenceEntry>();
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly perSecond: number,
    private readonly apply: (entries: PresenceEntry[]) => void,
    private readonly now: () => number = Date.now,
  ) {
    this.tokens = perSecond;
    this.last = now();
  }

  offer(entries: PresenceEntry[]): void {
    if (entries.length === 0) return;
    if (this.pending.size === 0 && this.take()) {
      this.apply(entries);
      return;
    }
    // Later entries for the same id replace earlier ones (higher clocks win on apply anyway).
    for (const entry of entries) this.pending.set(entry.clientId, entry);
    this.schedule();
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.pending.clear();
  }

  private take(): boolean {
    const now = this.now();
    this.tokens = Math.min(
      this.perSecond,
      this.tokens + ((now - this.last) / 1000) * this.perSecond,
    );
    this.last = now;
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }

  private schedule(): void {
    if (this.timer) return;
    const waitMs = Math.max(1, Math.ceil(((1 - this.tokens) / this.perSecond) * 1000));
    this.timer = setTimeout(() => {
      this.timer = null;
      if (!this.take()) return this.schedule();
      const entries = [...this.pending.values()];
      this.pending.clear();
      this.apply(entries);
    }, waitMs);
    this.timer.unref();
  }
}
