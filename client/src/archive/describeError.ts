/** An API failure as a sentence for the archive's screens. */
import type { TFunction } from 'i18next';
import { NetworkError } from '../api/errors';

export function describeError(error: unknown, t: TFunction): string {
  if (error instanceof NetworkError) return t('archive.export.network');
  return error instanceof Error ? error.message : String(error);
}
