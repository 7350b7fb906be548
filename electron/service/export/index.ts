/**
 * Export of a selection of messages to a file, for the app's and the HTTP host's
 * Host.exportMessages and for `scrollback export`. The file is written atomically at the path the
 * caller gives and nowhere else (the archive folder is written only when that path is in it,
 * that is when the user chose it), and an existing file is replaced only with `overwrite`.
 */
import { resolve } from 'node:path';
import type { ApiRequest, ExportResult, SpeakersResult } from '../../../shared/api';
import { ServiceError } from '../../../shared/api';
import { formatExportTime, type ExportContext } from '../../../shared/export/context';
import { formatExport } from '../../../shared/export/format';
import { formatHtml } from '../../../shared/export/html';
import type { ConversationSummary, Message } from '../../../shared/model';
import type { ExportPolicy } from './policy';
import { fileExists, targetExists, writeExport } from './target';
import { collectImages, type ImageLimits } from './images';
import type { PdfPrinter } from './pdf';

/** What an export reads from the open archive; ArchiveService provides it. */
export interface ExportSource {
  readonly root: string | null;
  messagesByIds(ids: readonly number[]): Message[];
  conversations(): ConversationSummary[];
  speakers(conversation: string): SpeakersResult;
}

export type ExportRequest = ApiRequest<'exportMessages'>;

export interface ExportOptions {
  /** The export time shown in headers; now when absent. */
  now?: Date;
  /** "This is me" from the settings: those bubbles stand on the right. */
  me?: string | null;
  imageLimits?: ImageLimits;
  /** For exports a page asks for: which files may be written (policy.ts). */
  policy?: ExportPolicy;
}

export async function exportToFile(
  source: ExportSource,
  request: ExportRequest,
  printer?: PdfPrinter,
  options: ExportOptions = {},
): Promise<ExportResult> {
  if (request.path === undefined)
    throw new ServiceError('invalid-argument', 'exportMessages: no file to write was given.');
  const target = resolve(request.path);
  // Before any work: a refusal should not wait for a PDF to print.
  // A path the policy refuses is refused for that reason, whatever else is wrong with it.
  await options.policy?.check(target, false);
  const exists = await targetExists(target);
  if (exists) await options.policy?.check(target, true);
  if (exists && request.overwrite !== true) throw fileExists(target);
  if (request.format === 'pdf' && printer === undefined) {
    throw new ServiceError(
      'unsupported',
      'PDF export is not available here; export HTML and print it from a browser.',
    );
  }
  const messages = source.messagesByIds(request.ids);
  if (messages.length === 0) {
    throw request.ids.length === 0
      ? new ServiceError('invalid-argument', 'Nothing to export: no messages were selected.')
      : new ServiceError(
          'not-found',
          'None of the selected messages is in the open archive (was another archive opened?).',
        );
  }
  const context = exportContext(source, messages, options);
  let bytes: Uint8Array;
  if (request.format === 'html' || request.format === 'pdf') {
    if (source.root !== null)
      context.images = await collectImages(source.root, messages, target, options.imageLimits);
    const html = formatHtml(messages, context);
    bytes = request.format === 'pdf' ? await printer!(html) : Buffer.from(html, 'utf8');
  } else {
    bytes = Buffer.from(formatExport(request.format, messages, context), 'utf8');
  }
  // Only the file there when asked is replaced; one that appears meanwhile is kept.
  await writeExport(target, bytes, exists);
  await options.policy?.wrote(target);
  return { path: target, messages: messages.length, bytes: bytes.byteLength };
}

/** Titles and persons of the conversations the messages come from. */
function exportContext(
  source: ExportSource,
  messages: readonly Message[],
  options: ExportOptions,
): ExportContext {
  const titles = new Map(
    source.conversations().map((conversation) => [conversation.id, conversation.title]),
  );
  const persons = new Map<string, Map<string, string>>();
  const personOf = (conversation: string, speaker: string): string => {
    let names = persons.get(conversation);
    if (!names) {
      names = new Map(
        source.speakers(conversation).speakers.map((summary) => [summary.name, summary.person]),
      );
      persons.set(conversation, names);
    }
    return names.get(speaker) ?? speaker;
  };
  return {
    conversationTitles: titles,
    personOf,
    exportedAt: formatExportTime(options.now ?? new Date()),
    me: options.me ?? null,
  };
}
