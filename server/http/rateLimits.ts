/**
 * Per-IP rate limits on the API (mounted on /api, before the routers): workshop creation, joins,
 * and every other request. A request past its limit is answered 429 with Retry-After and never
 * reaches a route. /healthz, /readyz and the client's files are outside /api and never limited.
 *
 * One process counts in memory. With REDIS_URL the counts live in Redis (rate-limiter-flexible's
 * RateLimiterRedis, keys `<REDIS_PREFIX>ratelimit:<limit>:<ip>`), so N processes behind a load
 * balancer share one budget per client instead of granting N times the limit. When Redis fails or
 * does not answer within a second, each process counts in its own memory instead (logged once per
 * outage, and once when Redis counts again), and Redis is tried again after a few seconds: while
 * Redis is down a client may get up to N times its limit, which is better than refusing every
 * request of every workshop, or waiting on a dead Redis for each one.
 */
import type { Request, RequestHandler } from 'express';
import type { Redis } from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import type { Logger } from '../log';
import { requestIdOf, type ErrorBody } from './errors';

export interface ApiRateLimits {
  /** Workshop creations per client IP per 10 minutes (create, derive, from-record). */
  workshopCreate: number;
  /** Joins per client IP per minute. */
  join: number;
  /** Every other API request per client IP per minute. */
  api: number;
  /** Where the counts are shared between processes (REDIS_URL); absent: this process's memory. */
  store?: RateLimitRedis;
}

export type RateLimitName = Exclude<keyof ApiRateLimits, 'store'>;

/** The 429 body: the API's error shape, with the wait in seconds. */
export type TooManyRequests = ErrorBody & { retryAfter: number };

/** How long Redis may take to count a request before this process counts it in memory. */
const REDIS_COMMAND_TIMEOUT_MS = 1_000;
/** After Redis failed, requests are counted in memory this long before Redis is tried again. */
const REDIS_RETRY_AFTER_MS = 5_000;

/** The Redis connection the rate limits count in, shared by every limit of this process. */
export interface RateLimitRedis {
  client: Redis;
  /** REDIS_PREFIX: the keys are `<prefix>ratelimit:<limit>:<ip>`. */
  prefix: string;
  close(): Promise<void>;
}

/**
 * Connects the rate limits' own Redis connection. Never fails the start: a Redis that cannot be
 * reached yet only means counting in memory until it can (the room bus, which needs Redis, is
 * what refuses to start without it).
 */
export async function connectRateLimitRedis(options: {
  url: string;
  prefix: string;
  log: Logger;
}): Promise<RateLimitRedis> {
  let closed = false;
  // The Redis client loads only with REDIS_URL: one process counting in memory never carries it.
  const { Redis } = await import('ioredis');
  const client = new Redis(options.url, {
    lazyConnect: true,
    // A command while disconnected fails at once (→ memory) instead of queueing.
    enableOfflineQueue: false,
    maxRetriesPerRequest: 0,
    commandTimeout: REDIS_COMMAND_TIMEOUT_MS,
    retryStrategy: (attempt) => Math.min(100 * attempt, 2_000),
    connectionName: 'transforma-ratelimits',
  });
  client.on('error', (err: Error) => {
    if (!closed) options.log.debug({ err: err.message }, 'rate limits: Redis connection error');
  });
  try {
    await client.connect();
  } catch (err) {
    options.log.warn(
      { err: (err as Error).message },
      'rate limits: Redis not reachable yet; counting in memory until it is',
    );
  }
  return {
    client,
    prefix: options.prefix,
    async close() {
      closed = true;
      await client.quit().catch(() => undefined);
      client.disconnect();
    },
  };
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

const WINDOWS: Record<RateLimitName, number> = { workshopCreate: 10 * 60, join: 60, api: 60 };

export function apiRateLimits(limits: ApiRateLimits, log: Logger): RequestHandler {
  const names = Object.keys(WINDOWS) as RateLimitName[];
  const memory = Object.fromEntries(
    names.map((name) => [
      name,
      new RateLimiterMemory({ points: limits[name], duration: WINDOWS[name] }),
    ]),
  ) as Record<RateLimitName, RateLimiterMemory>;
  const { store } = limits;
  const shared = store
    ? (Object.fromEntries(
        names.map((name) => [
          name,
          new RateLimiterRedis({
            storeClient: store.client,
            keyPrefix: `${store.prefix}ratelimit:${name}`,
            points: limits[name],
            duration: WINDOWS[name],
            rejectIfRedisNotReady: true,
          }),
        ]),
      ) as Record<RateLimitName, RateLimiterRedis>)
    : null;

  // Redis failed at this time (counting in memory until REDIS_RETRY_AFTER_MS later), or null.
  let redisFailedAt: number | null = null;
  /** Resolves when the request may go on; rejects with the RateLimiterRes when it is refused. */
  const consume = async (name: RateLimitName, ip: string): Promise<unknown> => {
    if (!shared || (redisFailedAt !== null && Date.now() - redisFailedAt < REDIS_RETRY_AFTER_MS)) {
      return memory[name].consume(ip);
    }
    let refusal: RateLimiterRes | null = null;
    try {
      await shared[name].consume(ip);
    } catch (outcome) {
      if (!(outcome instanceof RateLimiterRes)) {
        if (redisFailedAt === null) {
          log.warn(
            { err: outcome instanceof Error ? outcome.message : String(outcome) },
            'rate limits: Redis failed; each process counts in its own memory until it is back',
          );
        }
        redisFailedAt = Date.now();
        return memory[name].consume(ip);
      }
      refusal = outcome; // Redis answered: over the limit
    }
    if (redisFailedAt !== null) {
      redisFailedAt = null;
      log.info('rate limits: counting in Redis again, shared by every process');
    }
    if (refusal) throw refusal;
  };

  return (req, res, next) => {
    const limit = limitFor(req.method, req.path);
    const ip = clientKey(req);
    consume(limit, ip).then(
      () => next(),
      (refusal: unknown) => {
        if (!(refusal instanceof RateLimiterRes)) return next(refusal);
        // One line per IP and limit per window: a flood must not flood the log too.
        if (refusal.consumedPoints === limits[limit] + 1) {
          (req.log ?? log).warn({ ip, limit }, 'rate limit reached: refusing with 429');
        }
        const retryAfter = Math.max(1, Math.ceil(refusal.msBeforeNext / 1000));
        const requestId = requestIdOf(req);
        const body: TooManyRequests = {
          error: `too many requests: try again in ${retryAfter} s`,
          retryAfter,
          ...(requestId === undefined ? {} : { requestId }),
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
