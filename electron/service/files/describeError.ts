/** Node's file errors in words, for the diagnostics and messages a person reads. */
import { errorMessage } from '../../../shared/errors';

/** A short reason from a Node error, for a person: "permission denied" rather than a stack. */
export function describeError(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  switch (code) {
    case 'ENOENT':
      return 'it does not exist';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'ENOTDIR':
      return 'it is not a folder';
    case 'ELOOP':
      return 'it is a symbolic link';
    case 'EMOVED':
      return 'it was replaced by a link while the archive was read';
    case 'EISDIR':
      return 'it is a folder';
    case 'EMFILE':
    case 'ENFILE':
      return 'too many open files';
    default:
      return errorMessage(error);
  }
}
