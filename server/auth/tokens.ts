/**
 * Workshop tokens. The facilitator token is 256 random bits; the participant and projector tokens are
 * derived from it with HMAC, so the server stores only hashes of all three and can still hand the
 * facilitator the other links again (it recomputes them from the facilitator token it is shown).
 * Each derived link has a generation: resetting a link derives the next one, and the old token's
 * hash is replaced, so the old link stops working while the facilitator's stays the same.
 */
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { randomId } from '../../shared/ids';
import type { RoleMap, SharedLinkRole } from '../../shared/domain/workshop';

export function newFacilitatorToken(): string {
  return randomId(32);
}

/** How many times each shared link was reset; 0 for a new workshop. */
export type LinkGenerations = Record<SharedLinkRole, number>;

export const FIRST_GENERATIONS: LinkGenerations = { participant: 0, projector: 0 };

export function deriveRoleTokens(
  workshopId: string,
  facilitatorToken: string,
  generations: LinkGenerations = FIRST_GENERATIONS,
): RoleMap<string> {
  const derive = (role: SharedLinkRole) =>
    createHmac('sha256', facilitatorToken)
      .update(`transforma:${role}:${workshopId}:${generations[role]}`)
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
