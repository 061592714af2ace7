/**
 * API errors: one JSON shape `{ error, field?, requestId }` for every failure, and one Express
 * error handler. `requestId` is the request's id (requestLog.ts), also in the X-Request-Id header
 * and on every log line of that request, so a user's report finds the server's side of it.
 */
import type { ErrorRequestHandler, Request, RequestHandler } from 'express';
import type { z } from 'zod';
import type { ApiError } from '../../shared/domain/workshop';
import type { Logger } from '../log';
import { serverErrorCode } from '../../shared/errors/serverErrors';

export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly field?: string,
  ) {
    super(message);
  }
}

/** Parses input with a zod schema, or throws a 400 naming the first offending field. */
export function parseOr400<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const field = issue?.path.map(String).join('.') || undefined;
  const message = issue?.message ?? 'invalid input';
  throw new HttpError(
    400,
    field && !message.includes(field) ? `${field}: ${message}` : message,
    field,
  );
}

/** The body of every error answer: the API's error shape plus the request's id. */
export type ErrorBody = ApiError & { requestId?: string };

/** The request's id (set by requestLog), for error bodies; absent if the logger did not run. */
export function requestIdOf(req: Request): string | undefined {
  return req.id === undefined ? undefined : String(req.id);
}

/** A JSON 404 naming the whole path asked for (wherever the handler is mounted). */
export const notFoundApi: RequestHandler = (req, _res, next) => {
  const path = req.originalUrl.split('?')[0] ?? '/';
  const shown = path.length > 200 ? `${path.slice(0, 200)}…` : path;
  next(new HttpError(404, `no such endpoint: ${req.method} ${shown}`));
};

export function errorHandler(log: Logger): ErrorRequestHandler {
  return (err: unknown, req, res, _next) => {
    let status = 500;
    let body: ErrorBody = { error: 'internal server error' };
    if (err instanceof HttpError) {
      status = err.status;
      body = { error: err.message, ...(err.field ? { field: err.field } : {}) };
    } else if (isBodyParserError(err)) {
      status = err.status;
      body = {
        error:
          err.type === 'entity.too.large'
            ? 'request body too large'
            : err.type === 'entity.parse.failed'
              ? 'request body is not valid JSON'
              : 'invalid request body',
      };
    } else if (isClientError(err)) {
      // Refused by Express itself before any route ran: a path segment that is not valid
      // percent-encoding (`/api/workshops/%ZZ`) is the client's mistake, not a 500 (found by the
      // REST fuzz).
      status = err.status;
      body = {
        error:
          err instanceof URIError ? 'the URL is not valid percent-encoding' : 'invalid request',
      };
    } else {
      (req.log ?? log).error({ err }, 'unhandled error in a request');
    }
    if (res.headersSent) return;
    body = { ...body, code: serverErrorCode(body.error, status) };
    const requestId = requestIdOf(req);
    res.status(status).json(requestId === undefined ? body : { ...body, requestId });
  };
}

function isBodyParserError(err: unknown): err is { status: number; type: string } {
  return (
    typeof err === 'object' &&
    err !== null &&
    'type' in err &&
    'status' in err &&
    typeof (err as { status: unknown }).status === 'number' &&
    (err as { status: number }).status >= 400 &&
    (err as { status: number }).status < 500
  );
}

/** An error Express or its router marked as the client's (a 4xx `status`, as http-errors do). */
function isClientError(err: unknown): err is { status: number } {
  const status = typeof err === 'object' && err !== null && (err as { status?: unknown }).status;
  return typeof status === 'number' && status >= 400 && status < 500;
}
