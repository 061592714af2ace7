/**
 * The control plane's limit on incoming events, per connection. Separate because it runs before
 * every handler, whatever part of the control plane serves the event, and answers what no
 * handler would (refused, unknown or malformed events).
 */
import type { Logger } from '../log';
import type { ControlSocket } from './controlServer';
import type { EventBudget } from './eventBudget';

/**
 * Every incoming event spends from the connection's budget before any handler runs: past it, an
 * acknowledged event is answered { ok: false } and not run, one without an ack is dropped, and a
 * flood closes the connection. Events no handler listens to are answered too, never left hanging;
 * so are events sent with no payload or extra arguments (found by the control-plane fuzz).
 */
export function limitEvents(socket: ControlSocket, budget: EventBudget, log: Logger): void {
  socket.use((event, next) => {
    const last: unknown = event.at(-1);
    const answer = typeof last === 'function' ? (last as (reply: unknown) => void) : undefined;
    const verdict = budget.take();
    if (verdict === 'flood') {
      const { workshopId, role, identityId } = socket.data;
      log.warn({ workshopId, role, identityId }, 'control events flood: disconnecting');
      socket.disconnect(true);
    } else if (verdict === 'refuse') {
      answer?.({ ok: false, error: 'too many requests: slow down' });
    } else if (event[0] === 'error' || socket.listenerCount(event[0]) === 0) {
      // socket.io itself listens to 'error' (a no-op): a client's 'error' event is unknown too.
      answer?.({ ok: false, error: 'unknown event' });
    } else {
      // Handlers take (payload, ack). Sent with no payload, or with more arguments, the ack would
      // land elsewhere and the event would never be answered: keep the first argument and the ack.
      const payload: unknown = answer ? (event.length > 2 ? event[1] : undefined) : event[1];
      event.splice(1, event.length - 1, payload, ...(answer ? [answer] : []));
      next();
    }
  });
}
