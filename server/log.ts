/**
 * The server's JSON log (pino, stdout). Credentials never belong in it; as a second line of
 * defence, values under the keys that name them are replaced by "[redacted]" wherever a line
 * would carry them.
 */
import pino, { type Logger } from 'pino';

export type { Logger };

const CREDENTIAL_KEYS = ['token', 'tokens', 'organiserToken', 'identityToken', 'authorization'];

export function createLogger(level: string): Logger {
  return pino({
    level,
    base: { service: 'transforma' },
    redact: {
      paths: CREDENTIAL_KEYS.flatMap((key) => [key, `*.${key}`]),
      censor: '[redacted]',
    },
  });
}
