/**
 * Typed fetch wrappers for the records API (docs/record.md): archive, snapshot and reopen a
 * workshop (facilitator token), read its records (any of its tokens, or the organiser token),
 * search every workshop's records and start a workshop from them (organiser token). Errors are
 * thrown as ApiRequestError (the server answered) or NetworkError (it did not).
 */
import type { ApiError } from '@shared/domain/workshop';
import type {
  ArchiveResponse,
  FromRecordRequest,
  FromRecordResponse,
  RecordSearchResult,
  RecordVersionList,
} from '@shared/record/api';
import type { WorkshopRecord } from '@shared/record/schema';
import { ApiRequestError, NetworkError } from './errors';

async function request<T>(path: string, token: string, init: RequestInit = {}): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, {
      ...init,
      headers: { Accept: 'application/json', Authorization: `Bearer ${token}`, ...init.headers },
    });
  } catch (error) {
    throw new NetworkError(error);
  }
  const body: unknown = await response.json().catch(() => ({}));
  if (!response.ok) {
    throw new ApiRequestError(response.status, (body ?? {}) as Partial<ApiError>);
  }
  return body as T;
}

const workshopPath = (workshopId: string) => `/api/workshops/${encodeURIComponent(workshopId)}`;

/** Closes the workshop (read-only for everyone) and stores its record as the next version. */
export function archiveWorkshop(workshopId: string, token: string): Promise<ArchiveResponse> {
  return request(`${workshopPath(workshopId)}/archive`, token, { method: 'POST' });
}

/** Stores the record as the next version; the workshop stays open. */
export function snapshotWorkshop(workshopId: string, token: string): Promise<ArchiveResponse> {
  return request(`${workshopPath(workshopId)}/snapshot`, token, { method: 'POST' });
}

export function reopenWorkshop(workshopId: string, token: string): Promise<ArchiveResponse> {
  return request(`${workshopPath(workshopId)}/reopen`, token, { method: 'POST' });
}

/** The latest record, or the given version. */
export function fetchRecord(
  workshopId: string,
  token: string,
  version?: number,
): Promise<WorkshopRecord> {
  const query = version === undefined ? '' : `?version=${version}`;
  return request(`${workshopPath(workshopId)}/record${query}`, token);
}

export function fetchRecordVersions(workshopId: string, token: string): Promise<RecordVersionList> {
  return request(`${workshopPath(workshopId)}/records`, token);
}

export interface RecordSearchParams {
  q?: string;
  region?: string;
  template?: string;
  field?: string;
  /** YYYY-MM-DD */
  from?: string;
  to?: string;
  page?: number;
  pageSize?: number;
}

/** The latest record of every matching workshop, paged (organiser token). */
export function searchRecords(
  organiserToken: string,
  params: RecordSearchParams = {},
): Promise<RecordSearchResult> {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== '') query.set(key, String(value));
  }
  const suffix = query.size > 0 ? `?${query.toString()}` : '';
  return request(`/api/records${suffix}`, organiserToken);
}

/** Starts a workshop pre-filled from one or several records (organiser token). */
export function createWorkshopFromRecords(
  organiserToken: string,
  input: FromRecordRequest,
): Promise<FromRecordResponse> {
  return request('/api/workshops/from-record', organiserToken, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(input),
  });
}

export type ExportFormat = 'json' | 'csv' | 'xlsx' | 'md' | 'html' | 'pdf';

/** Bytes received so far, and the total when the server said it (Content-Length). */
export interface ExportProgress {
  received: number;
  total: number | null;
}

export interface ExportedFile {
  blob: Blob;
  fileName: string;
  /** 'live' when the workshop had no record yet and its current state was exported. */
  recordVersion: string;
}

/**
 * Downloads one export (GET /api/workshops/:id/export), reading the body as it streams in so
 * `onProgress` can show how far it got. `version` omitted: the latest record; `lang` omitted: the
 * workshop's language.
 */
export async function downloadExport(
  workshopId: string,
  token: string,
  format: ExportFormat,
  options: {
    version?: number;
    /** The export's language (`&lang=`); omitted: the workshop's. */
    lang?: string;
    onProgress?: (progress: ExportProgress) => void;
    signal?: AbortSignal;
  } = {},
): Promise<ExportedFile> {
  const query = new URLSearchParams({ format });
  if (options.version !== undefined) query.set('version', String(options.version));
  if (options.lang) query.set('lang', options.lang);
  let response: Response;
  try {
    response = await fetch(`${workshopPath(workshopId)}/export?${query.toString()}`, {
      headers: { Authorization: `Bearer ${token}` },
      signal: options.signal,
    });
  } catch (error) {
    throw new NetworkError(error);
  }
  if (!response.ok) {
    const body: unknown = await response.json().catch(() => ({}));
    throw new ApiRequestError(response.status, (body ?? {}) as Partial<ApiError>);
  }
  const length = Number(response.headers.get('content-length'));
  const total = Number.isFinite(length) && length > 0 ? length : null;
  const chunks: Uint8Array<ArrayBuffer>[] = [];
  let received = 0;
  try {
    const reader = response.body?.getReader();
    if (reader) {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        chunks.push(value);
        received += value.byteLength;
        options.onProgress?.({ received, total });
      }
    }
  } catch (error) {
    throw new NetworkError(error);
  }
  const disposition = response.headers.get('content-disposition') ?? '';
  const fileName = /filename="([^"]+)"/.exec(disposition)?.[1] ?? `record.${format}`;
  const type = response.headers.get('content-type') ?? 'application/octet-stream';
  return {
    blob: new Blob(chunks, { type }),
    fileName,
    recordVersion: response.headers.get('x-record-version') ?? '',
  };
}
