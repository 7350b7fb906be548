/**
 * Errors cross the boundary as data: a code the renderer turns into a sentence in the user's
 * language, and the service's own sentence (which names the file or folder) for details. Apart
 * from shared/api.ts so that the CLI's commands can throw them without loading the schemas.
 */

export type ApiErrorCode =
  | 'invalid-argument'
  | 'no-archive'
  | 'folder-unreadable'
  | 'not-found'
  | 'file-exists'
  | 'write-failed'
  | 'unsupported'
  | 'internal';

export interface ApiError {
  code: ApiErrorCode;
  message: string;
}

/** Thrown by the service for failures a user can meet; anything else becomes 'internal'. */
export class ServiceError extends Error {
  constructor(
    readonly code: ApiErrorCode,
    message: string,
  ) {
    super(message);
  }
}
