/**
 * The client's IP address for per-IP limits, on any raw request: Express routes, the socket.io
 * handshake, a WebSocket upgrade. It must agree with Express's `req.ip` under the same
 * `trust proxy` value, so one person is one key whichever door they come through.
 */
import type { IncomingMessage } from 'node:http';

/**
 * `trustProxy` is the configured TRUST_PROXY: `false` (or 0) → the socket's peer address;
 * a hop count n → the address n hops back in X-Forwarded-For (the leftmost when there are fewer);
 * `true` → the leftmost X-Forwarded-For address. X-Forwarded-For is read right to left, so only
 * the hops the operator declared trusted can choose the answer. Never throws; '' when the socket
 * is already closed and there is no trusted header.
 */
export function clientIp(req: IncomingMessage, trustProxy: boolean | number): string {
  const peer = req.socket.remoteAddress ?? '';
  if (trustProxy === false || trustProxy === 0) return peer;
  // The peer first, then each proxy's claim from the nearest to the farthest.
  const hops = [peer, ...forwardedFor(req.headers['x-forwarded-for']).reverse()];
  const index = trustProxy === true ? hops.length - 1 : Math.min(trustProxy, hops.length - 1);
  return hops[index] ?? peer;
}

function forwardedFor(header: string | string[] | undefined): string[] {
  const value = Array.isArray(header) ? header.join(',') : (header ?? '');
  return value
    .split(',')
    .map((address) => address.trim())
    .filter((address) => address !== '');
}
