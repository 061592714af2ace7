/**
 * Per-IP rate limits on the API (mounted on /api, before the routers): workshop creation, joins,
 * and every other request. A request past its limit is answered 429 with Retry-After and never
 * reaches a route. /healthz and the client's files are outside /api and never limited.
 */
import type { Request, RequestHandler } from 'express';
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import type { ApiError } from '../../shared/domain/workshop';
import type { Logger } from '../log';

export interface ApiRateLimits {
  /** Workshop creations per client IP per 10 minutes (create, derive, from-record). */
  workshopCreate: number;
  /** Joins per client IP per minute. */
  join: number;
  /** Every other API request per client IP per minute. */
  api: number;
}

export type RateLimitName = keyof ApiRateLimits;

/** The 429 body: the API's error shape, with the wait in seconds. */
export interface TooManyRequests extends ApiError {
  retryAfter: number;
}

// Express routes are case-insensitive and accept a trailing slash: the same must match here, or
// `POST /api/Workshops/` would create a workshop under the general limit. Paths are relative to /api.
const CREATES_A_WORKSHOP = [
  /^\/workshops\/?$/i,
  /^\/workshops\/from-record\/?$/i,
  /^\/workshops\/[^/]+\/derive\/?$/i,
];
const JOINS = /^\/workshops\/[^/]+\/join\/?$/i;

/** Which limit a request counts against; each request counts against exactly one. */
export function limitFor(method: string, path: string): RateLimitName {
  if (method !== 'POST') return 'api';
  if (CREATES_A_WORKSHOP.some((route) => route.test(path))) return 'workshopCreate';
  if (JOINS.test(path)) return 'join';
  return 'api';
}

export function apiRateLimits(limits: ApiRateLimits, log: Logger): RequestHandler {
  const limiters: Record<RateLimitName, RateLimiterMemory> = {
    workshopCreate: new RateLimiterMemory({ points: limits.workshopCreate, duration: 10 * 60 }),
    join: new RateLimiterMemory({ points: limits.join, duration: 60 }),
    api: new RateLimiterMemory({ points: limits.api, duration: 60 }),
  };
  return (req, res, next) => {
    const limit = limitFor(req.method, req.path);
    const ip = clientKey(req);
    limiters[limit].consume(ip).then(
      () => next(),
      (refusal: unknown) => {
        if (!(refusal instanceof RateLimiterRes)) return next(refusal);
        // One line per IP and limit per window: a flood must not flood the log too.
        if (refusal.consumedPoints === limits[limit] + 1) {
          log.warn({ ip, limit }, 'rate limit reached: refusing with 429');
        }
        const retryAfter = Math.max(1, Math.ceil(refusal.msBeforeNext / 1000));
        const body: TooManyRequests = {
          error: `too many requests: try again in ${retryAfter} s`,
          retryAfter,
        };
        res.setHeader('Retry-After', String(retryAfter));
        res.status(429).json(body);
      },
    );
  };
}

/** `req.ip` honours the app's trust proxy setting; it is undefined once the socket is gone. */
function clientKey(req: Request): string {
  return req.ip ?? req.socket.remoteAddress ?? 'unknown';
}
