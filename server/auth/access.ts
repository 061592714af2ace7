/** Who may do what in a workshop: resolves a presented token to a role. */
import type { Role } from '../../shared/domain/workshop';
import type { Identities, Workshops } from '../storage/storage';
import { hashToken, isTokenShaped } from './tokens';

/** Who presented a token: its role, and the person when it is an identity token. */
export interface Grant {
  role: Role;
  identityId: string | null;
}

export class WorkshopAccess {
  constructor(private readonly storage: Workshops & Identities) {}

  /**
   * What a token grants in that workshop: a workshop token (facilitator, participant, projector
   * link) or a person's identity token; null for a missing, malformed, wrong or removed one.
   */
  async grantFor(workshopId: string, token: unknown): Promise<Grant | null> {
    if (!isTokenShaped(token)) return null;
    const hash = hashToken(token);
    const role = await this.storage.roleForToken(workshopId, hash);
    if (role) return { role, identityId: null };
    const identity = await this.storage.identityForToken(workshopId, hash);
    if (!identity || identity.removed) return null;
    return { role: identity.role, identityId: identity.id };
  }

  async roleFor(workshopId: string, token: unknown): Promise<Role | null> {
    return (await this.grantFor(workshopId, token))?.role ?? null;
  }
}

/** The token of an `Authorization: Bearer <token>` header, if any. */
export function bearerToken(header: string | undefined): string | null {
  if (!header) return null;
  const match = /^Bearer\s+(\S+)$/i.exec(header.trim());
  return match ? match[1]! : null;
}
