/**
 * Who caused a change to a room's doc or presence: one of the room's connections, another process
 * (the bus), the server itself, or nobody (loading from storage, presence timing out). Separate
 * because the room, its persist queue and its presence all tell these apart; Yjs hands origins
 * over as `unknown`, and `originOf` narrows them without casts.
 */
import { Connection } from './connection';

/** Transaction origin of changes the server makes itself. */
export const SERVER_ORIGIN = Symbol('server');
/** Transaction origin of what another process accepted (durable already: relayed, never stored). */
export const BUS_ORIGIN = Symbol('bus');

export type ChangeOrigin = Connection | typeof BUS_ORIGIN | typeof SERVER_ORIGIN | null;

export function originOf(raw: unknown): ChangeOrigin {
  if (raw instanceof Connection || raw === BUS_ORIGIN || raw === SERVER_ORIGIN) return raw;
  return null;
}
