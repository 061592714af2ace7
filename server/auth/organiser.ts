/**
 * The instance's organiser token: who may list and search every workshop's records and start
 * workshops from them (a workshop's own tokens only reach that workshop). Taken from
 * ORGANISER_TOKEN, or generated on first start: then only its hash is stored (settings table) and
 * the token itself is printed once in the log. Lost it? Set ORGANISER_TOKEN, which always wins.
 */
import type { Request } from 'express';
import { randomId } from '../../shared/ids';
import type { Logger } from '../log';
import type { Storage } from '../storage/storage';
import { bearerToken } from './access';
import { hashToken, isTokenShaped, sameHash } from './tokens';

const SETTING_KEY = 'organiser_token_hash';

export class OrganiserAccess {
  private constructor(private readonly hash: string) {}

  /** From the configured token, else the stored hash, else a new token (logged once). */
  static async init(
    storage: Storage,
    configured: string | undefined,
    log: Logger,
  ): Promise<OrganiserAccess> {
    if (configured) return new OrganiserAccess(hashToken(configured));
    const stored = await storage.getSetting(SETTING_KEY);
    if (stored) return new OrganiserAccess(stored);
    const token = randomId(32);
    const hash = await storage.initSetting(SETTING_KEY, hashToken(token));
    // Another server process on the same database may have generated one first: then it printed it.
    if (sameHash(hash, hashToken(token))) {
      log.warn(
        { organiserToken: token },
        `Generated the organiser token (shown only this once; keep it, or set ORGANISER_TOKEN): ${token}`,
      );
    }
    return new OrganiserAccess(hash);
  }

  /** Whether `token` is the organiser token. */
  accepts(token: unknown): boolean {
    return isTokenShaped(token) && sameHash(hashToken(token), this.hash);
  }
}

/**
 * The token a request presents: `Authorization: Bearer <token>`, or `?token=` (so a record or an
 * export link opens in a browser tab). Null when there is none.
 */
export function presentedToken(req: Request): string | null {
  const bearer = bearerToken(req.get('authorization'));
  if (bearer) return bearer;
  const query = req.query.token;
  return typeof query === 'string' && query !== '' ? query : null;
}
