/** The relay's presence rules (server/sync/presence.ts): ownership, size, JSON, throttling. */
import { describe, expect, it } from 'vitest';
import {
  decodePresence,
  encodePresence,
  MAX_PRESENCE_IDS,
  MAX_PRESENCE_STATE_CHARS,
  PresenceOwners,
  PresenceThrottle,
  type PresenceEntry,
} from '../../server/sync/presence';

const entry = (clientId: number, state = '{"user":{"name":"Ana"}}', clock = 1): PresenceEntry => ({
  clientId,
  clock,
  state,
});

describe('PresenceOwners', () => {
  it('lets a connection speak only for the ids it introduced, at most MAX_PRESENCE_IDS', () => {
    const owners = new PresenceOwners<string>();
    expect(owners.admit('a', [entry(1)])).toHaveLength(1);
    expect(owners.admit('b', [entry(1, '{"user":{"name":"Spoof"}}', 9)])).toEqual([]);
    expect(owners.admit('b', [entry(1, 'null', 9)])).toEqual([]); // nor remove it
    const many = Array.from({ length: 50 }, (_, i) => entry(100 + i));
    expect(owners.admit('b', many)).toHaveLength(MAX_PRESENCE_IDS);
    expect(owners.release('a')).toEqual([1]);
    expect(owners.admit('c', [entry(1)])).toHaveLength(1); // free again once its owner left
  });

  it('drops states that are too long or not JSON', () => {
    const owners = new PresenceOwners<string>();
    const long = JSON.stringify({ user: { name: 'x'.repeat(MAX_PRESENCE_STATE_CHARS) } });
    expect(owners.admit('a', [entry(1, long), entry(2, '{not json'), entry(3)])).toEqual([
      entry(3),
    ]);
  });

  it('round-trips the awareness wire format and refuses trailing bytes', () => {
    const entries = [entry(7, '{"n":1}', 3), entry(8, 'null', 4)];
    const encoded = encodePresence(entries);
    expect(decodePresence(encoded)).toEqual(entries);
    expect(() => decodePresence(new Uint8Array([...encoded, 0]))).toThrow();
  });
});

describe('PresenceThrottle', () => {
  it('applies a burst up to the rate, then merges and delays the rest (never drops the latest)', async () => {
    const applied: PresenceEntry[][] = [];
    const throttle = new PresenceThrottle(5, (entries) => applied.push(entries));
    for (let clock = 1; clock <= 20; clock++) throttle.offer([entry(1, `{"n":${clock}}`, clock)]);
    expect(applied).toHaveLength(5);
    await new Promise((r) => setTimeout(r, 400));
    expect(applied.length).toBeLessThanOrEqual(7);
    expect(applied.at(-1)).toEqual([entry(1, '{"n":20}', 20)]);
    throttle.dispose();
  });
});
