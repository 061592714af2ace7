/**
 * The people endpoints: join a workshop (a workshop link token → this person's identity), read
 * and rename oneself (identity token). Errors are ApiRequestError or NetworkError, as elsewhere.
 */
import type {
  JoinRequest,
  JoinResponse,
  MeResponse,
  RenameRequest,
} from '../../../shared/domain/identity';
import type { ApiError } from '../../../shared/domain/workshop';
import { ApiRequestError, NetworkError } from '../api/errors';

async function send<T>(workshopId: string, path: string, token: string, init: RequestInit = {}) {
  let response: Response;
  try {
    response = await fetch(`/api/workshops/${encodeURIComponent(workshopId)}/${path}`, {
      ...init,
      headers: {
        Accept: 'application/json',
        Authorization: `Bearer ${token}`,
        ...(init.body ? { 'Content-Type': 'application/json' } : {}),
      },
    });
  } catch (error) {
    throw new NetworkError(error);
  }
  const body: unknown = await response.json().catch(() => ({}));
  if (!response.ok) throw new ApiRequestError(response.status, (body ?? {}) as Partial<ApiError>);
  return body as T;
}

export function joinWorkshop(
  workshopId: string,
  linkToken: string,
  profile: JoinRequest,
): Promise<JoinResponse> {
  return send<JoinResponse>(workshopId, 'join', linkToken, {
    method: 'POST',
    body: JSON.stringify(profile),
  });
}

/** Who the token belongs to: a person (identity token) or nobody yet (workshop link). */
export function fetchMe(workshopId: string, token: string): Promise<MeResponse> {
  return send<MeResponse>(workshopId, 'me', token);
}

export function renameMe(
  workshopId: string,
  identityToken: string,
  request: RenameRequest,
): Promise<MeResponse> {
  return send<MeResponse>(workshopId, 'me', identityToken, {
    method: 'PATCH',
    body: JSON.stringify(request),
  });
}
