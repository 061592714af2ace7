/**
 * The instance's organiser token: who may list and search every workshop's records and start
 * workshops from them (a workshop's own tokens only reach that workshop). Taken from
 * ORGANISER_TOKEN, or generated on first start: then only its hash is stored (settings table) and
 * the token itself is shown once, as a plain line on the console (stderr), never in the JSON log,
 * which is shipped and kept elsewhere; the log only says that it was shown. Lost it? Set
 * ORGANISER_TOKEN, which always wins.
 */
import type { Request } from 'express';
import { randomId } from '../../shared/ids';
import type { Logger } from '../log';
import type { Settings } from '../storage/storage';
import { bearerToken } from './access';
import { hashToken, isTokenShaped, sameHash } from './tokens';

const SETTING_KEY = 'organiser_token_hash';

export class OrganiserAccess {
  private constructor(private readonly hash: string) {}

  /**
   * From the configured token, else the stored hash, else a new token, shown once through
   * `announce`: by default a line on stderr, unless LOG_LEVEL is `silent` (tests, scripts).
   */
  static async init(
    storage: Settings,
    configured: string | undefined,
    log: Logger,
    announce: (line: string) => void = (line) => {
      if (log.level !== 'silent') process.stderr.write(`${line}\n`);
    },
  ): Promise<OrganiserAccess> {
    if (configured) return new OrganiserAccess(hashToken(configured));
    const stored = await storage.getSetting(SETTING_KEY);
    if (stored) return new OrganiserAccess(stored);
    const token = randomId(32);
    const hash = await storage.initSetting(SETTING_KEY, hashToken(token));
    // Another server process on the same database may have generated one first: then it printed it.
    if (sameHash(hash, hashToken(token))) {
      announce(
        [
          '',
          `  Organiser token (shown only this once; keep it, or set ORGANISER_TOKEN): ${token}`,
          "  It opens /archive: searching every workshop's records and starting workshops from them.",
          '',
        ].join('\n'),
      );
      log.warn(
        'generated the organiser token and showed it once on the console (stderr), not in this log; ' +
          'set ORGANISER_TOKEN if it was not kept',
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
