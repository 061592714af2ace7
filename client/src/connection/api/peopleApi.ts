/**
 * The people endpoints: join a workshop (a workshop link token → this person's identity), read
 * and rename oneself (identity token), and (facilitators) who was removed. Errors are
 * ApiRequestError or NetworkError, as elsewhere.
 */
import {
  PREVIOUS_IDENTITY_HEADER,
  type JoinRequest,
  type JoinResponse,
  type MeResponse,
  type RemovedPeopleResponse,
  type RenameRequest,
} from '@shared/domain/identity';
import type { ApiError } from '@shared/domain/workshop';
import { ApiRequestError, NetworkError } from './errors';

async function send<T>(workshopId: string, path: string, token: string, init: RequestInit = {}) {
  let response: Response;
  try {
    response = await fetch(`/api/workshops/${encodeURIComponent(workshopId)}/${path}`, {
      ...init,
      headers: {
        Accept: 'application/json',
        Authorization: `Bearer ${token}`,
        ...(init.body ? { 'Content-Type': 'application/json' } : {}),
        ...init.headers,
      },
    });
  } catch (error) {
    throw new NetworkError(error);
  }
  const body: unknown = await response.json().catch(() => ({}));
  if (!response.ok) throw new ApiRequestError(response.status, (body ?? {}) as Partial<ApiError>);
  return body as T;
}

/**
 * Joins with a link token. `previousIdentityToken`: who this browser was here before, if anyone;
 * a removed person is answered 403 (so is their device, by its cookie).
 */
export function joinWorkshop(
  workshopId: string,
  linkToken: string,
  profile: JoinRequest,
  previousIdentityToken: string | null = null,
): Promise<JoinResponse> {
  return send<JoinResponse>(workshopId, 'join', linkToken, {
    method: 'POST',
    body: JSON.stringify(profile),
    ...(previousIdentityToken
      ? { headers: { [PREVIOUS_IDENTITY_HEADER]: previousIdentityToken } }
      : {}),
  });
}

/** The people facilitators removed (any facilitator token), to let someone back in. */
export function fetchRemovedPeople(
  workshopId: string,
  token: string,
): Promise<RemovedPeopleResponse> {
  return send<RemovedPeopleResponse>(workshopId, 'participants/removed', token);
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
