/**
 * Request logs (pino-http): one JSON line per finished request, and a request id on every line
 * logged while serving it (`req.log`). The id is the caller's `X-Request-Id` when that is a sane
 * short token (a proxy's or load balancer's, so both logs correlate), else a fresh UUID; it goes
 * back in the `X-Request-Id` response header and in every JSON error body (errors.ts).
 *
 * What a line holds: method, the path and query with `token=` values blanked (export links carry
 * the organiser's or a workshop's token there), the client IP as Express sees it (TRUST_PROXY), the
 * status and the time taken. Never a header: Authorization, cookies and X-Transforma-Identity are
 * credentials.
 *
 * Levels, so `LOG_LEVEL=info` reads as an API log: API requests at info; probes (/healthz,
 * /readyz) and everything else outside /api (the client's files, the app page) at debug, since a
 * load balancer probes every few seconds and a page load fetches a dozen files; any 5xx or thrown
 * error at error, except a probe's 503, which is the probe doing its job (the readiness change
 * itself is logged once, app.ts).
 */
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Request, RequestHandler } from 'express';
import { pinoHttp } from 'pino-http';
import type { Logger } from '../log';

export const REQUEST_ID_HEADER = 'x-request-id';

/** An incoming request id is honoured only if it is this: short, no spaces, nothing to escape. */
const SANE_REQUEST_ID = /^[A-Za-z0-9._:-]{1,64}$/;

/** The caller's request id if it is sane, else a new one. */
export function requestIdFor(incoming: string | string[] | undefined): string {
  const value = Array.isArray(incoming) ? undefined : incoming;
  return value !== undefined && SANE_REQUEST_ID.test(value) ? value : randomUUID();
}

/** Blanks every `token=` query value (case-insensitive) and caps the length of what is logged. */
export function loggableUrl(url: string): string {
  const blanked = url.replace(/([?&]token=)[^&#]*/gi, '$1[redacted]');
  return blanked.length > 512 ? `${blanked.slice(0, 512)}…` : blanked;
}

const PROBES = /^\/(healthz|readyz)\/?$/i;

function pathOf(req: IncomingMessage): string {
  const url = (req as Partial<Request>).originalUrl ?? req.url ?? '/';
  const query = url.indexOf('?');
  return query === -1 ? url : url.slice(0, query);
}

export function requestLog(log: Logger): RequestHandler {
  return pinoHttp({
    logger: log,
    genReqId: (req: IncomingMessage, res: ServerResponse) => {
      const id = requestIdFor(req.headers[REQUEST_ID_HEADER]);
      res.setHeader('X-Request-Id', id);
      return id;
    },
    // Lines logged through req.log carry the id only; the finished-request line carries the rest.
    quietReqLogger: true,
    wrapSerializers: false,
    serializers: {
      req: (req: IncomingMessage) => ({
        method: req.method,
        url: loggableUrl((req as Partial<Request>).originalUrl ?? req.url ?? '/'),
        ip: (req as Partial<Request>).ip ?? req.socket?.remoteAddress,
      }),
      res: (res: ServerResponse) => ({ statusCode: res.statusCode }),
    },
    customLogLevel: (req, res, err) => {
      const path = pathOf(req);
      if (PROBES.test(path)) return 'debug';
      if (err || res.statusCode >= 500) return 'error';
      return /^\/api(\/|$)/i.test(path) ? 'info' : 'debug';
    },
    customSuccessMessage: (req, res) =>
      `${req.method} ${loggableUrl(pathOf(req))} ${res.statusCode}`,
    customErrorMessage: (req, res) => `${req.method} ${loggableUrl(pathOf(req))} ${res.statusCode}`,
  });
}
