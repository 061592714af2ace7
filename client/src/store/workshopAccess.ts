/**
 * What this browser remembers about each workshop it joined: the link token it came with (so a
 * reload works after the token left the address bar), all three tokens for the facilitator who
 * created it, the person's identity once they joined (its token is what the page connects with),
 * and the last session, so the board still opens offline.
 */
import type { RoleMap, WorkshopSession } from '@shared/domain/workshop';

/** The person this browser joined as (POST /join); `removed` once the facilitator removed them. */
export interface StoredIdentity {
  id: string;
  token: string;
  name: string;
  removed?: boolean;
}

export interface WorkshopAccess {
  token: string;
  tokens?: RoleMap<string>;
  session?: WorkshopSession;
  identity?: StoredIdentity;
  /**
   * The identity token this browser had before another link replaced it: sent when joining again,
   * so a person the facilitator removed cannot come back as someone new with a reset link.
   */
  previousIdentityToken?: string;
}

const keyOf = (workshopId: string) => `transforma:workshop:${workshopId}`;

export function readWorkshopAccess(workshopId: string): WorkshopAccess | null {
  try {
    const raw = window.localStorage.getItem(keyOf(workshopId));
    if (!raw) return null;
    const parsed = JSON.parse(raw) as Partial<WorkshopAccess> | null;
    return parsed && typeof parsed.token === 'string' ? (parsed as WorkshopAccess) : null;
  } catch {
    return null;
  }
}

export function saveWorkshopAccess(workshopId: string, access: WorkshopAccess): void {
  try {
    window.localStorage.setItem(keyOf(workshopId), JSON.stringify(access));
  } catch {
    // Storage full or disabled (private mode): the session still works until the tab closes.
  }
}

export function updateWorkshopAccess(workshopId: string, patch: Partial<WorkshopAccess>): void {
  const current = readWorkshopAccess(workshopId);
  const token = patch.token ?? current?.token;
  if (!token) return;
  saveWorkshopAccess(workshopId, { ...current, ...patch, token });
}

/** The `token` parameter of a `#token=…` fragment, or null. */
export function tokenFromFragment(hash: string): string | null {
  const params = new URLSearchParams(hash.startsWith('#') ? hash.slice(1) : hash);
  const token = params.get('token');
  return token && token.trim() !== '' ? token : null;
}

/**
 * Takes the token out of the address bar (so it is not shared by a screenshot or a copied URL) and
 * remembers it for this workshop. Returns the token to use: the fragment's, else the stored one.
 */
export function takeWorkshopToken(workshopId: string): string | null {
  const fromFragment = tokenFromFragment(window.location.hash);
  if (fromFragment) {
    const current = readWorkshopAccess(workshopId);
    const sameToken = current?.token === fromFragment;
    const keepIdentity = sameToken && !!current?.identity;
    const previousIdentityToken = current?.identity?.token ?? current?.previousIdentityToken;
    // Another link (say the facilitator's after the participant's) is another person.
    saveWorkshopAccess(workshopId, {
      token: fromFragment,
      ...(current?.tokens ? { tokens: current.tokens } : {}),
      ...(sameToken && current?.session ? { session: current.session } : {}),
      ...(keepIdentity ? { identity: current.identity } : {}),
      ...(!keepIdentity && previousIdentityToken ? { previousIdentityToken } : {}),
    });
    window.history.replaceState(
      window.history.state,
      '',
      window.location.pathname + window.location.search,
    );
    return fromFragment;
  }
  return readWorkshopAccess(workshopId)?.token ?? null;
}

/** The identity this browser joined the workshop as, if any. */
export function readIdentity(workshopId: string): StoredIdentity | null {
  const identity = readWorkshopAccess(workshopId)?.identity;
  return identity && typeof identity.token === 'string' && typeof identity.id === 'string'
    ? identity
    : null;
}

/** The identity token this browser had in the workshop before its current link, if any. */
export function readPreviousIdentityToken(workshopId: string): string | null {
  const token = readWorkshopAccess(workshopId)?.previousIdentityToken;
  return typeof token === 'string' ? token : null;
}

/** Remembers (or, with null, forgets) the identity; the link token stays for re-joining. */
export function saveIdentity(workshopId: string, identity: StoredIdentity | null): void {
  const current = readWorkshopAccess(workshopId);
  if (!current) return;
  const { identity: _old, ...rest } = current;
  saveWorkshopAccess(workshopId, identity ? { ...rest, identity } : rest);
}
