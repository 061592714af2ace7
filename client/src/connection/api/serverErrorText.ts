/**
 * A server refusal in the person's language: by the code the server sent, else by its English
 * text (socket.io refusals carry the text only), through shared/errors/serverErrors.ts.
 */
import type { TFunction } from 'i18next';
import { isServerErrorCode, serverErrorCode } from '@shared/errors/serverErrors';

export function serverErrorText(
  t: TFunction,
  refusal: { error: string; code?: string },
  status?: number,
): string {
  const code = isServerErrorCode(refusal.code)
    ? refusal.code
    : serverErrorCode(refusal.error, status);
  return t(`errors.${code}`, { detail: refusal.error });
}
