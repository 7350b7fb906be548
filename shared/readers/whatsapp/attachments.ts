/**
 * What WhatsApp writes in place of a message's files, and the edit marker:
 *
 *     IMG-20240305-WA0001.jpg (file attached)          Android, media exported (caption below)
 *     <Media omitted>                                  Android, without media
 *     ‎<attached: 00000012-PHOTO-2024-03-05-09-14-02.jpg>   iOS, media exported
 *     ‎Route.pdf • ‎3 pages ‎<attached: 00000013-Route.pdf>   iOS document
 *     ‎image omitted, ‎Route.pdf • ‎3 pages ‎document omitted   iOS, without media
 *     text ‎<This message was edited>                   an edited message
 *
 * in the languages of system.ts. Files are named by archive-relative path beside the chat (in
 * the zip it came in, or its folder); whether the file is there is the Node side's to find.
 */
import type { Attachment } from '../../model';
import { resolveRelative } from '../paths';
import { cleanName, plainText } from './marks';

const FILE_ATTACHED = new Set([
  'file attached',
  'Datei angehängt',
  'archivo adjunto',
  'fichier joint',
  'arquivo anexado',
  'ficheiro anexado',
  'file allegato',
  'bestand bijgevoegd',
  '添付ファイル有り',
]);

const MEDIA_OMITTED = new Set([
  'Media omitted',
  'Medien ausgeschlossen',
  'Multimedia omitido',
  'Médias omis',
  'Mídia oculta',
  'Media omessi',
  'Media weggelaten',
  'メディアなし',
]);

const ATTACHED = new Set([
  'attached',
  'Anhang',
  'adjunto',
  'pièce jointe',
  'anexo',
  'anexado',
  'allegato',
  'bijgevoegd',
  '添付ファイル',
]);

/** iOS's words for a file left out of the export, lower case, with the kind they name. */
const OMITTED: readonly (readonly [string, Attachment['kind']])[] = [
  ['image omitted', 'image'],
  ['video omitted', 'video'],
  ['audio omitted', 'audio'],
  ['sticker omitted', 'sticker'],
  ['gif omitted', 'video'],
  ['document omitted', 'file'],
  ['contact card omitted', 'file'],
  ['bild weggelassen', 'image'],
  ['video weggelassen', 'video'],
  ['audio weggelassen', 'audio'],
  ['sticker weggelassen', 'sticker'],
  ['gif weggelassen', 'video'],
  ['dokument weggelassen', 'file'],
  ['imagen omitida', 'image'],
  ['video omitido', 'video'],
  ['audio omitido', 'audio'],
  ['sticker omitido', 'sticker'],
  ['gif omitido', 'video'],
  ['documento omitido', 'file'],
  ['image absente', 'image'],
  ['vidéo absente', 'video'],
  ['audio omis', 'audio'],
  ['document manquant', 'file'],
];

/** The last words of OMITTED, to pass over other text at once. */
const OMITTED_LAST_WORDS = new Set(
  OMITTED.map(([words]) => words.slice(words.lastIndexOf(' ') + 1)),
);

const EDITED = new Set([
  'This message was edited',
  'Diese Nachricht wurde bearbeitet',
  'Se editó este mensaje.',
  'Se editó este mensaje',
  'Ce message a été modifié',
  'Mensagem editada',
  'Questo messaggio è stato modificato',
  'Dit bericht is bewerkt',
]);

const IMAGE = new Set(['jpg', 'jpeg', 'png', 'gif', 'heic', 'heif', 'bmp', 'tif', 'tiff']);
const VIDEO = new Set(['mp4', 'mov', '3gp', 'mkv', 'webm', 'avi', 'm4v']);
const AUDIO = new Set(['mp3', 'm4a', 'aac', 'ogg', 'oga', 'wav', 'amr', 'flac']);

/** What a file is, from its name as WhatsApp gives it. */
function kindOfFile(name: string): Attachment['kind'] {
  const lower = name.toLowerCase();
  const dot = lower.lastIndexOf('.');
  const extension = dot === -1 ? '' : lower.slice(dot + 1);
  // Voice notes are Opus (Android names them PTT-...); stickers are WebP (STK-...).
  if (lower.startsWith('ptt-') || extension === 'opus') return 'voice';
  if (lower.startsWith('stk-') || extension === 'webp') return 'sticker';
  if (IMAGE.has(extension)) return 'image';
  if (VIDEO.has(extension)) return 'video';
  if (AUDIO.has(extension)) return 'audio';
  return 'file';
}

export interface Body {
  text: string;
  attachments?: Attachment[];
  edited?: true;
}

/**
 * A message's text with its attachment lines and edit marker taken out. `folder` is where the
 * chat file is: attachments are its siblings.
 */
export function readBody(text: string, folder: string): Body {
  const body: Body = { text };
  const edited = withoutEditMarker(body.text);
  if (edited !== null) {
    body.text = edited;
    body.edited = true;
  }
  const newline = body.text.indexOf('\n');
  const first = newline === -1 ? body.text : body.text.slice(0, newline);
  const rest = newline === -1 ? '' : body.text.slice(newline + 1);
  const found = readAttachmentLine(plainText(first).trim(), folder);
  if (found) {
    body.attachments = [found.attachment];
    body.text =
      found.caption === '' ? rest : rest === '' ? found.caption : `${found.caption}\n${rest}`;
  }
  return body;
}

/** `text` without a trailing edit marker, or null when it has none. */
function withoutEditMarker(text: string): string | null {
  if (!text.endsWith('>')) return null;
  const open = text.lastIndexOf('<');
  if (open === -1 || !EDITED.has(plainText(text.slice(open + 1, -1)).trim())) return null;
  return text.slice(0, open).replace(/[\s\u200e\u200f]+$/, '');
}

function readAttachmentLine(
  line: string,
  folder: string,
): { attachment: Attachment; caption: string } | null {
  // Android: `NAME (file attached)`
  if (line.endsWith(')')) {
    const open = line.lastIndexOf(' (');
    if (open > 0 && FILE_ATTACHED.has(line.slice(open + 2, -1))) {
      const name = line.slice(0, open).trim();
      return { attachment: fileAttachment(name, name, folder), caption: '' };
    }
  }
  if (line.startsWith('<') && line.endsWith('>') && MEDIA_OMITTED.has(line.slice(1, -1)))
    return { attachment: { kind: 'file', name: line.slice(1, -1), path: null }, caption: '' };
  // iOS: `[description] <attached: FILE>`
  if (line.endsWith('>')) {
    const open = line.lastIndexOf('<');
    const inner = open === -1 ? '' : line.slice(open + 1, -1);
    const colon = inner.indexOf(':');
    if (colon > 0 && ATTACHED.has(inner.slice(0, colon).trim())) {
      const file = inner.slice(colon + 1).trim();
      const before = line.slice(0, open).trim();
      const description = readDescription(before);
      const attachment = fileAttachment(description?.name ?? file, file, folder);
      if (description?.size !== undefined) attachment.size = description.size;
      return { attachment, caption: description ? '' : before };
    }
  }
  // iOS without media: `image omitted`, `Route.pdf • 3 pages document omitted`
  const bare = line.startsWith('<') && line.endsWith('>') ? line.slice(1, -1) : line;
  if (!OMITTED_LAST_WORDS.has(bare.slice(bare.lastIndexOf(' ') + 1).toLowerCase())) return null;
  const lower = bare.toLowerCase();
  for (const [words, kind] of OMITTED) {
    if (!lower.endsWith(words)) continue;
    const before = bare.slice(0, bare.length - words.length);
    if (before !== '' && !before.endsWith(' ')) continue;
    const description = readDescription(before.trim());
    // Words before the marker that are no file's description make this a message that ends so.
    if (before.trim() !== '' && !description) continue;
    const attachment: Attachment = { kind, name: description?.name ?? bare, path: null };
    if (description?.size !== undefined) attachment.size = description.size;
    if (description && kind === 'file') attachment.kind = kindOfFile(description.name);
    return { attachment, caption: '' };
  }
  return null;
}

function fileAttachment(name: string, file: string, folder: string): Attachment {
  return {
    kind: kindOfFile(file),
    name: cleanName(name),
    path: resolveRelative(folder, cleanName(file)),
  };
}

const SIZE = /^(\d{1,9}(?:[.,]\d{1,3})?) ?(B|KB|kB|MB|GB)$/;
const UNITS: Record<string, number> = { B: 1, KB: 1024, kB: 1024, MB: 1024 ** 2, GB: 1024 ** 3 };

/**
 * iOS's description of a document before its marker: `Route.pdf • 3 pages`, `notes.txt`. A
 * name with an extension first, then parts separated by `•`, among them perhaps a size.
 */
function readDescription(text: string): { name: string; size?: number } | null {
  if (text === '') return null;
  const parts = text.split('•').map((part) => part.trim());
  const name = parts[0]!;
  if (!/\.[A-Za-z0-9]{1,8}$/.test(name)) return null;
  const description: { name: string; size?: number } = { name };
  for (const part of parts.slice(1)) {
    const size = SIZE.exec(part);
    if (size) description.size = Math.round(Number(size[1]!.replace(',', '.')) * UNITS[size[2]!]!);
  }
  return description;
}
