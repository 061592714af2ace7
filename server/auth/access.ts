/** Who may do what in a workshop: resolves a presented token to a role. */
import type { Role } from '../../shared/domain/workshop';
import type { Storage } from '../storage/storage';
import { hashToken, isTokenShaped } from './tokens';

export class WorkshopAccess {
  constructor(private readonly storage: Storage) {}

  /** The role the token grants in that workshop; null for a missing, malformed or wrong token. */
  async roleFor(workshopId: string, token: unknown): Promise<Role | null> {
    if (!isTokenShaped(token)) return null;
    return this.storage.roleForToken(workshopId, hashToken(token));
  }
}

/** The token of an `Authorization: Bearer <token>` header, if any. */
export function bearerToken(header: string | undefined): string | null {
  if (!header) return null;
  const match = /^Bearer\s+(\S+)$/i.exec(header.trim());
  return match ? match[1]! : null;
}
