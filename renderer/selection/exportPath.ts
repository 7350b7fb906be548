/** Export file names: the extension follows the chosen format. */
import type { ExportFormat } from '../../shared/api';

export const EXPORT_FORMATS: readonly ExportFormat[] = ['md', 'html', 'pdf', 'json', 'csv', 'txt'];

/**
 * `thread.html` with format pdf -> `thread.pdf`; a name without a known extension gets one. A
 * folder (`/tmp/out/`, `~`) is left as typed: the service names the file in it (never `.txt`).
 */
export function withExtension(path: string, format: ExportFormat): string {
  const trimmed = path.trim();
  if (trimmed === '' || isFolderPath(trimmed)) return trimmed;
  const known = /\.(md|markdown|html?|pdf|json|csv|txt)$/i;
  return known.test(trimmed) ? trimmed.replace(known, `.${format}`) : `${trimmed}.${format}`;
}

/** A path that names a folder by how it is written: ending in a separator, or the home folder. */
export function isFolderPath(path: string): boolean {
  return /[\\/]$/.test(path) || path === '~' || /(^|[\\/])\.{1,2}$/.test(path);
}

/** The first and last of the selected ids (ids follow reading order): they name the file. */
export function idBounds(ids: readonly number[]): { first?: number; last?: number } {
  if (ids.length === 0) return {};
  let first = ids[0]!;
  let last = first;
  for (const id of ids) {
    if (id < first) first = id;
    if (id > last) last = id;
  }
  return { first, last };
}
