/**
 * Typed fetch wrappers for the workshop REST API. Errors are thrown as ApiRequestError (the server
 * answered) or NetworkError (it did not).
 */
import type {
  ApiError,
  CreateWorkshopRequest,
  CreateWorkshopResponse,
  DeriveWorkshopRequest,
  DeriveWorkshopResponse,
  SharedLinkRole,
  WorkshopLinks,
  WorkshopSession,
} from '@shared/domain/workshop';
import { ApiRequestError, NetworkError } from './errors';

async function request<T>(path: string, init: RequestInit = {}): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, {
      ...init,
      headers: { Accept: 'application/json', ...init.headers },
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

function bearer(token: string): HeadersInit {
  return { Authorization: `Bearer ${token}` };
}

function workshopPath(workshopId: string): string {
  return `/api/workshops/${encodeURIComponent(workshopId)}`;
}

export function createWorkshop(input: CreateWorkshopRequest): Promise<CreateWorkshopResponse> {
  return request<CreateWorkshopResponse>('/api/workshops', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(input),
  });
}

export function fetchWorkshopSession(workshopId: string, token: string): Promise<WorkshopSession> {
  return request<WorkshopSession>(workshopPath(workshopId), { headers: bearer(token) });
}

export function fetchWorkshopLinks(workshopId: string, token: string): Promise<WorkshopLinks> {
  return request<WorkshopLinks>(`${workshopPath(workshopId)}/links`, { headers: bearer(token) });
}

/** Resets a shared link (facilitator link token): the old one stops working; the new links. */
export function rotateWorkshopLink(
  workshopId: string,
  token: string,
  role: SharedLinkRole,
): Promise<WorkshopLinks> {
  return request<WorkshopLinks>(`${workshopPath(workshopId)}/links/rotate`, {
    method: 'POST',
    headers: { ...bearer(token), 'Content-Type': 'application/json' },
    body: JSON.stringify({ role }),
  });
}

/** Starts an ADW (or cADW) from an EDW's activities (facilitator token). */
export function deriveWorkshop(
  workshopId: string,
  token: string,
  input: DeriveWorkshopRequest,
): Promise<DeriveWorkshopResponse> {
  return request<DeriveWorkshopResponse>(`${workshopPath(workshopId)}/derive`, {
    method: 'POST',
    headers: { ...bearer(token), 'Content-Type': 'application/json' },
    body: JSON.stringify(input),
  });
}
