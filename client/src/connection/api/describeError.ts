/** An API failure as a sentence for the archive's screens, in the person's language. */
import type { TFunction } from 'i18next';
import { ApiRequestError, NetworkError } from './errors';
import { serverErrorText } from './serverErrorText';

export function describeError(error: unknown, t: TFunction): string {
  if (error instanceof NetworkError) return t('archive.export.network');
  if (error instanceof ApiRequestError)
    return serverErrorText(t, { error: error.message, code: error.code }, error.status);
  return error instanceof Error ? error.message : String(error);
}
