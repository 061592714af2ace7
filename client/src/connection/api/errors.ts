import type { ApiError } from '@shared/domain/workshop';

/** The server answered with an error status; `message` is the server's `error`. */
export class ApiRequestError extends Error {
  readonly status: number;
  readonly field: string | undefined;
  /** The refusal's stable code, when the server sent one. */
  readonly code: string | undefined;

  constructor(status: number, body: Partial<ApiError>) {
    super(body.error ?? `HTTP ${status}`);
    this.name = 'ApiRequestError';
    this.status = status;
    this.field = body.field;
    this.code = body.code;
  }
}

/** The request never got an answer (offline, server down, DNS). */
export class NetworkError extends Error {
  constructor(cause: unknown) {
    super('network error', { cause });
    this.name = 'NetworkError';
  }
}
