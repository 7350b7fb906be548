/** Export file names: the extension follows the chosen format. */
import type { ExportFormat } from '../../shared/api';

export const EXPORT_FORMATS: readonly ExportFormat[] = ['md', 'html', 'pdf', 'json', 'csv', 'txt'];

/** `thread.html` with format pdf -> `thread.pdf`; a path without a known extension gets one. */
export function withExtension(path: string, format: ExportFormat): string {
  const trimmed = path.trim();
  if (trimmed === '') return trimmed;
  const known = /\.(md|markdown|html?|pdf|json|csv|txt)$/i;
  return known.test(trimmed) ? trimmed.replace(known, `.${format}`) : `${trimmed}.${format}`;
}
