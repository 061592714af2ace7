/**
 * Workshop tokens. The facilitator token is 256 random bits; the participant and projector tokens are
 * derived from it with HMAC, so the server stores only hashes of all three and can still hand the
 * facilitator the other links again (it recomputes them from the facilitator token it is shown).
 */
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { randomId } from '../../shared/ids';
import type { Role, RoleMap } from '../../shared/domain/workshop';

export function newFacilitatorToken(): string {
  return randomId(32);
}

export function deriveRoleTokens(workshopId: string, facilitatorToken: string): RoleMap<string> {
  const derive = (role: Role) =>
    createHmac('sha256', facilitatorToken)
      .update(`transforma:${role}:${workshopId}:0`)
      .digest('base64url');
  return {
    facilitator: facilitatorToken,
    participant: derive('participant'),
    projector: derive('projector'),
  };
}

/** Tokens carry ≥128 random bits, so a fast hash is enough (no password stretching needed). */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export function sameHash(a: string, b: string): boolean {
  const x = Buffer.from(a, 'hex');
  const y = Buffer.from(b, 'hex');
  return x.length === y.length && timingSafeEqual(x, y);
}

/** Plausible token shape: base64url, 20–200 characters. Anything else is refused before any lookup. */
export function isTokenShaped(token: unknown): token is string {
  return typeof token === 'string' && /^[A-Za-z0-9_-]{20,200}$/.test(token);
}
