/**
 * The files of a Telegram message (photos, files, stickers, voice and video messages) by their
 * paths relative to `result.json`, or by name alone when the export left them out; and the
 * media that is text (contacts, places, polls), as lines to show.
 */
import type { Attachment } from '../../model';
import { fileKind } from '../json/attachments';
import { numberOf, objectsOf, stringOf, isObject, type JsonObject } from '../json/values';
import { baseName, resolveRelative } from '../paths';

/** "(File not included. Change data exporting settings to download.)" and its kin. */
const LEFT_OUT = /\((?:File|Photo)[^()]*\)$/;

const KINDS: Readonly<Record<string, [Attachment['kind'], string]>> = {
  sticker: ['sticker', 'Sticker'],
  voice_message: ['voice', 'Voice message'],
  video_message: ['video', 'Video message'],
  animation: ['video', 'GIF'],
  video_file: ['video', 'Video'],
  audio_file: ['audio', 'Audio'],
};

function file(
  kind: Attachment['kind'],
  where: string,
  folder: string,
  label: string,
  name: string | undefined,
): Attachment {
  if (LEFT_OUT.test(where)) return { kind, name: name ?? label, path: null };
  return {
    kind,
    name: name ?? baseName(where.replace(/\\/g, '/')),
    path: resolveRelative(folder, where),
  };
}

function measure(attachment: Attachment, message: JsonObject, sizeKey: string): Attachment {
  const width = numberOf(message.width);
  const height = numberOf(message.height);
  const size = numberOf(message[sizeKey]);
  if (width && height) Object.assign(attachment, { width, height });
  if (size !== undefined) attachment.size = size;
  return attachment;
}

export function readAttachments(message: JsonObject, folder: string): Attachment[] {
  const attachments: Attachment[] = [];
  const photo = stringOf(message.photo);
  if (photo)
    attachments.push(
      measure(file('image', photo, folder, 'Photo', undefined), message, 'photo_file_size'),
    );
  const where = stringOf(message.file);
  if (where) {
    const mime = stringOf(message.mime_type);
    const known = KINDS[stringOf(message.media_type) ?? ''];
    const emoji = stringOf(message.sticker_emoji);
    const label = known
      ? known[0] === 'sticker' && emoji
        ? `${emoji} Sticker`
        : known[1]
      : 'File';
    const name = stringOf(message.file_name) ?? songName(message);
    const attachment = file(
      known?.[0] ?? fileKind(name ?? where, mime),
      where,
      folder,
      label,
      name,
    );
    if (mime) attachment.mime = mime;
    const seconds = numberOf(message.duration_seconds);
    if (seconds !== undefined) attachment.duration = seconds;
    attachments.push(measure(attachment, message, 'file_size'));
  }
  return attachments;
}

function songName(message: JsonObject): string | undefined {
  const performer = stringOf(message.performer);
  const title = stringOf(message.title);
  if (stringOf(message.media_type) !== 'audio_file' || !title) return undefined;
  return performer ? `${performer} – ${title}` : title;
}

/** Contacts, places and polls, which the export holds as data: lines to show as text. */
export function mediaLines(message: JsonObject): string[] {
  const lines: string[] = [];
  const contact = message.contact_information;
  if (isObject(contact)) {
    const name = [stringOf(contact.first_name), stringOf(contact.last_name)]
      .filter(Boolean)
      .join(' ');
    const phone = stringOf(contact.phone_number);
    lines.push(`👤 ${[name, phone].filter(Boolean).join(', ')}`);
  }
  const place = [stringOf(message.place_name), stringOf(message.address)]
    .filter(Boolean)
    .join(', ');
  const location = message.location_information;
  if (place || isObject(location)) {
    const point = isObject(location)
      ? `${numberOf(location.latitude) ?? '?'}, ${numberOf(location.longitude) ?? '?'}`
      : '';
    lines.push(`📍 ${[place, point].filter(Boolean).join(' ')}`);
  }
  const poll = message.poll;
  if (isObject(poll)) {
    lines.push(`📊 ${stringOf(poll.question) ?? 'Poll'}`);
    for (const answer of objectsOf(poll.answers))
      lines.push(`- ${stringOf(answer.text) ?? ''} (${numberOf(answer.voters) ?? 0})`);
  }
  return lines;
}
