/** Every text format by name. PDF is the HTML printed, which needs a browser: see electron/service/export. */
import type { ExportFormat } from '../api';
import type { Message } from '../model';
import type { ExportContext } from './context';
import { formatCsv } from './csv';
import { formatHtml } from './html';
import { formatJson } from './json';
import { formatMarkdown } from './markdown';
import { formatText } from './text';

export type TextExportFormat = Exclude<ExportFormat, 'pdf'>;

/** `messages` in the one order of messages (shared/model.ts compareMessages). */
export function formatExport(
  format: TextExportFormat,
  messages: readonly Message[],
  context: ExportContext,
): string {
  switch (format) {
    case 'md':
      return formatMarkdown(messages, context);
    case 'html':
      return formatHtml(messages, context);
    case 'json':
      return formatJson(messages, context);
    case 'csv':
      return formatCsv(messages, context);
    case 'txt':
      return formatText(messages, context);
  }
}
