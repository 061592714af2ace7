/** WebSocket close codes of the sync server, read by the server and the client; 4xxx are ours (HTTP-like). */
export const CLOSE_GOING_AWAY = 1001;
export const CLOSE_SERVER_ERROR = 1011;
export const CLOSE_MALFORMED = 4400;
export const CLOSE_UNAUTHORIZED = 4401;
export const CLOSE_NOT_FOUND = 4404;
/** The client did not read its messages fast enough; it reconnects and resyncs. */
export const CLOSE_TOO_SLOW = 4408;
/** A participant edited something the facilitator has locked; the client must drop that edit. */
export const CLOSE_LOCKED = 4423;
/** The facilitator removed this person from the workshop; their token no longer works. */
export const CLOSE_REMOVED = 4403;
/** The workshop reached MAX_DOCUMENT_BYTES: a participant's growing edit is refused. */
export const CLOSE_WORKSHOP_FULL = 4413;
/** Too many connections (per workshop or per client IP); the client may retry later. */
export const CLOSE_TOO_MANY = 4429;

/**
 * The server refused this link or this change (the 4400–4499 range above, HTTP-like 4xx): the
 * client stops reconnecting, except for the passing ones (CLOSE_TOO_SLOW, CLOSE_TOO_MANY).
 */
export function isRefusalCode(code: number): boolean {
  return code >= CLOSE_MALFORMED && code < 4500;
}
