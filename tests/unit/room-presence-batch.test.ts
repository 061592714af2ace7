/**
 * A room sends presence at most once per PRESENCE_BATCH_MS (server/sync/roomPresence.ts, issue 15):
 * renewals and cursor moves inside the window wait for the batch (the latest state wins), while
 * someone leaving goes out at once.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import * as awarenessProtocol from 'y-protocols/awareness';
import pino from 'pino';
import { PRESENCE_BATCH_MS, RoomPresence } from '../../server/sync/roomPresence';
import { decodePresence } from '../../server/sync/presence';
import { decodeClientMessage } from '../../server/sync/protocol';

function client(name: string) {
  const awareness = new awarenessProtocol.Awareness(new Y.Doc());
  awareness.setLocalState({ user: { name } });
  return awareness;
}

describe('room presence batching', () => {
  let room: awarenessProtocol.Awareness;
  let presence: RoomPresence;
  let changes: number;

  beforeEach(() => {
    vi.useFakeTimers();
    room = new awarenessProtocol.Awareness(new Y.Doc());
    room.setLocalState(null);
    changes = 0;
    presence = new RoomPresence(room, {
      workshopId: 'w',
      log: pino({ level: 'silent' }),
      presencePerSecond: 1000,
      isMember: () => true,
      onChange: () => changes++,
    });
  });
  afterEach(() => {
    presence.dispose();
    vi.useRealTimers();
  });

  const announce = (from: awarenessProtocol.Awareness) =>
    awarenessProtocol.applyAwarenessUpdate(
      room,
      awarenessProtocol.encodeAwarenessUpdate(from, [from.clientID]),
      null,
    );
  const namesIn = (message: Uint8Array) => {
    // The server's presence message has the same shape as a client's.
    const decoded = decodeClientMessage(message);
    if (decoded.kind !== 'awareness') throw new Error(`not presence: ${decoded.kind}`);
    return decodePresence(decoded.update).map((entry) => {
      const state = JSON.parse(entry.state) as { user: { name: string } } | null;
      return state?.user.name ?? null;
    });
  };

  it('sends the first change at once, later ones together when the window has passed', () => {
    const ada = client('Ada');
    announce(ada);
    expect(changes).toBe(1);
    expect(namesIn(presence.takeTurn()!.message)).toEqual(['Ada']);

    const bo = client('Bo');
    announce(bo);
    ada.setLocalState({ user: { name: 'Ada L.' } });
    announce(ada);
    expect(changes).toBe(1); // waiting for the window
    expect(presence.takeTurn()).toBeNull(); // a document flush does not take it early

    vi.advanceTimersByTime(PRESENCE_BATCH_MS);
    expect(changes).toBe(2);
    expect(namesIn(presence.takeTurn()!.message).sort()).toEqual(['Ada L.', 'Bo']);
  });

  it('never delays someone leaving', () => {
    const ada = client('Ada');
    announce(ada);
    presence.takeTurn();
    awarenessProtocol.removeAwarenessStates(room, [ada.clientID], null);
    expect(changes).toBe(2);
    expect(namesIn(presence.takeTurn()!.message)).toEqual([null]);
  });
});
