/**
 * API errors as sentences in the user's language. The switch is exhaustive: a new error code in
 * shared/api.ts fails the typecheck here until it has a sentence.
 */
import type { ApiError, ApiErrorCode } from '../../shared/api';
import { ApiCallError } from '../api';
import type { Translate } from '../i18n/i18n';
import { errorMessage } from '../../shared/errors';

function missingCase(code: never): never {
  throw new Error(`No sentence for error code ${String(code)}`);
}

export function errorSentence(code: ApiErrorCode, t: Translate): string {
  switch (code) {
    case 'invalid-argument':
      return t('error.invalidArgument');
    case 'no-archive':
      return t('error.noArchive');
    case 'folder-unreadable':
      return t('error.folderUnreadable');
    case 'not-found':
      return t('error.notFound');
    case 'file-exists':
      return t('error.fileExists');
    case 'write-failed':
      return t('error.writeFailed');
    case 'unsupported':
      return t('error.unsupported');
    case 'internal':
      return t('error.internal');
    default:
      return missingCase(code);
  }
}

/** Anything caught from an API call, as an ApiError (unexpected throws become 'internal'). */
export function asApiError(error: unknown): ApiError {
  if (error instanceof ApiCallError) return error.error;
  return { code: 'internal', message: errorMessage(error) };
}
