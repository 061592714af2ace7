/**
 * Presence over Yjs awareness. Each client publishes:
 *   user:    { name, color, role }     who this is (also read by Tiptap's CollaborationCaret)
 *   pointer: { x, y } | null           the mouse pointer in board coordinates, throttled
 *   cursor:  (Tiptap)                  the text caret inside the card body being edited
 * The pointer is not stored under `cursor` because Tiptap's caret plugin owns that field.
 */
import { useCallback, useRef, useSyncExternalStore } from 'react';
import type { Awareness } from 'y-protocols/awareness';
import type { Role } from '@shared/domain/workshop';

export interface PresenceUser {
  name: string;
  color: string;
  role: Role;
}

export interface BoardPoint {
  x: number;
  y: number;
}

export interface Peer extends PresenceUser {
  clientId: number;
  isSelf: boolean;
}

export interface RemotePointer extends BoardPoint {
  clientId: number;
  name: string;
  color: string;
}

type AwarenessStates = Map<number, Record<string, unknown>>;

function readUser(state: Record<string, unknown> | undefined): PresenceUser | null {
  const user = state?.user as Partial<PresenceUser> | undefined;
  if (!user || typeof user.name !== 'string' || user.name === '') return null;
  return {
    name: user.name,
    color: typeof user.color === 'string' ? user.color : '#7c6f64',
    role: user.role === 'facilitator' || user.role === 'projector' ? user.role : 'participant',
  };
}

function readPointer(state: Record<string, unknown> | undefined): BoardPoint | null {
  const pointer = state?.pointer as Partial<BoardPoint> | null | undefined;
  if (!pointer || !Number.isFinite(pointer.x) || !Number.isFinite(pointer.y)) return null;
  return { x: pointer.x!, y: pointer.y! };
}

/** Everyone with a name, yourself first, then by name. */
export function peersOf(states: AwarenessStates, selfId: number): Peer[] {
  const peers: Peer[] = [];
  states.forEach((state, clientId) => {
    const user = readUser(state);
    if (user) peers.push({ ...user, clientId, isSelf: clientId === selfId });
  });
  return peers.sort(
    (a, b) =>
      Number(b.isSelf) - Number(a.isSelf) ||
      a.name.localeCompare(b.name) ||
      a.clientId - b.clientId,
  );
}

/** The pointers of everyone else who is over the board. */
export function remotePointersOf(states: AwarenessStates, selfId: number): RemotePointer[] {
  const pointers: RemotePointer[] = [];
  states.forEach((state, clientId) => {
    if (clientId === selfId) return;
    const user = readUser(state);
    const pointer = readPointer(state);
    if (user && pointer)
      pointers.push({ clientId, name: user.name, color: user.color, ...pointer });
  });
  return pointers;
}

/**
 * Subscribes to awareness and re-renders only when `select`'s result, compared by `keyOf`, changes
 * (so pointer moves do not re-render the list of people).
 */
export function useAwarenessSelector<T>(
  awareness: Awareness | null,
  select: (states: AwarenessStates, selfId: number) => T,
  keyOf: (value: T) => string,
  fallback: T,
): T {
  const cache = useRef<{ key: string; value: T } | null>(null);
  const subscribe = useCallback(
    (onChange: () => void) => {
      if (!awareness) return () => {};
      awareness.on('change', onChange);
      return () => awareness.off('change', onChange);
    },
    [awareness],
  );
  const getSnapshot = () => {
    if (!awareness) return fallback;
    const value = select(awareness.getStates() as AwarenessStates, awareness.clientID);
    const key = keyOf(value);
    if (cache.current && cache.current.key === key) return cache.current.value;
    cache.current = { key, value };
    return value;
  };
  return useSyncExternalStore(subscribe, getSnapshot);
}

const NO_PEERS: Peer[] = [];
const NO_POINTERS: RemotePointer[] = [];

export function usePeers(awareness: Awareness | null): Peer[] {
  return useAwarenessSelector(
    awareness,
    peersOf,
    (peers) => peers.map((p) => `${p.clientId}:${p.name}:${p.color}:${p.role}`).join('|'),
    NO_PEERS,
  );
}

export function useRemotePointers(awareness: Awareness | null): RemotePointer[] {
  return useAwarenessSelector(
    awareness,
    remotePointersOf,
    (pointers) => pointers.map((p) => `${p.clientId}:${p.name}:${p.color}:${p.x}:${p.y}`).join('|'),
    NO_POINTERS,
  );
}

/** Who we are; null hides this client from everyone (the wall screen, or before joining). */
export function publishUser(awareness: Awareness, user: PresenceUser | null): void {
  if (!user) {
    awareness.setLocalState(null);
    return;
  }
  awareness.setLocalState({ ...(awareness.getLocalState() ?? {}), user });
}

export function publishPointer(awareness: Awareness, point: BoardPoint | null): void {
  const rounded = point ? { x: Math.round(point.x), y: Math.round(point.y) } : null;
  awareness.setLocalStateField('pointer', rounded);
}
