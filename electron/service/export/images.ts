/**
 * The archive images an HTML (or PDF) export shows. Each local reference goes through
 * readArchiveImage, the one gate that decides what may leave the archive (inside the archive's
 * real path, an image by name and by content). Small images are embedded as data: URIs so the
 * page stands alone; larger ones, past a per-image and a total cap, become a link relative to the
 * exported file. Remote references are left out: the page shows a placeholder for them.
 *
 * Attached photos and stickers (Message.attachments) go through readArchiveMedia, the gate the
 * reader's own view uses, zip entries included, and must carry an image's signature to be shown;
 * other attachments held as plain files (a video, a document) become links to the file.
 */
import { dirname, isAbsolute, relative, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { attachmentKey, imageKey, type ExportImage } from '../../../shared/export/context';
import type { Attachment, Message } from '../../../shared/model';
import { ZIP_SEPARATOR } from '../../../shared/readers/paths';
import { tokenize } from '../../../shared/text/tokens';
import { archiveRelativeImagePath, hasSignature, readArchiveImage } from '../imagePath';
import { archiveMediaFile, readArchiveMedia } from '../media';

export interface ImageLimits {
  /** Largest image embedded, in bytes. */
  each: number;
  /** Most bytes embedded in one export; later images are linked. */
  total: number;
}

const DEFAULT_IMAGE_LIMITS: ImageLimits = { each: 2 * 1024 * 1024, total: 24 * 1024 * 1024 };

export async function collectImages(
  root: string,
  messages: readonly Message[],
  target: string,
  limits = DEFAULT_IMAGE_LIMITS,
): Promise<Map<string, ExportImage>> {
  const images = new Map<string, ExportImage>();
  // One read per file, however many messages show it.
  const byFile = new Map<string, ExportImage | null>();
  let embedded = 0;
  const fits = (bytes: number) => bytes <= limits.each && embedded + bytes <= limits.total;
  for (const message of messages) {
    for (const attachment of message.attachments ?? []) {
      if (attachment.path === null || images.has(attachmentKey(attachment.path))) continue;
      const image = await attachmentImage(root, attachment, attachment.path, target, fits);
      if (image === null) continue;
      if (image.kind === 'embedded') embedded += image.bytes;
      images.set(attachmentKey(attachment.path), image.image);
    }
    if (!message.text.includes('](')) continue;
    for (const token of tokenize(message.text)) {
      if (token.kind !== 'image') continue;
      const key = imageKey(message.path, token.src);
      const file = archiveRelativeImagePath(message.path, token.src);
      if (images.has(key) || file === null) continue;
      let image = byFile.get(file);
      if (image === undefined) {
        const read = await readArchiveImage(root, message.path, token.src);
        if (!read.ok) image = null;
        else if (read.bytes.length <= limits.each && embedded + read.bytes.length <= limits.total) {
          embedded += read.bytes.length;
          image = {
            kind: 'embedded',
            dataUri: `data:${read.contentType};base64,${read.bytes.toString('base64')}`,
          };
        } else {
          image = { kind: 'linked', href: linkFrom(dirname(target), read.file) };
        }
        byFile.set(file, image);
      }
      if (image !== null) images.set(key, image);
    }
  }
  return images;
}

/** What an attachment shows as: its picture embedded, or a link to its file; null for neither. */
async function attachmentImage(
  root: string,
  attachment: Attachment,
  path: string,
  target: string,
  fits: (bytes: number) => boolean,
): Promise<
  | { kind: 'embedded'; bytes: number; image: ExportImage }
  | { kind: 'linked'; image: ExportImage }
  | null
> {
  // A file outside a zip can be linked (a video, or a photo too large to embed).
  const link = async () => {
    const file = path.includes(ZIP_SEPARATOR) ? null : await archiveMediaFile(root, path);
    return file === null
      ? null
      : ({
          kind: 'linked',
          image: { kind: 'linked', href: linkFrom(dirname(target), file) },
        } as const);
  };
  if (attachment.kind !== 'image' && attachment.kind !== 'sticker') return link();
  const read = await readArchiveMedia(root, path);
  if (!read.ok) return read.reason === 'too-large' ? link() : null;
  if (!read.contentType.startsWith('image/') || !hasSignature(read.bytes, read.contentType))
    return null;
  if (!fits(read.bytes.length)) return link();
  const data = Buffer.from(read.bytes.buffer, read.bytes.byteOffset, read.bytes.byteLength);
  return {
    kind: 'embedded',
    bytes: read.bytes.length,
    image: {
      kind: 'embedded',
      dataUri: `data:${read.contentType};base64,${data.toString('base64')}`,
    },
  };
}

/** A URL to `file` relative to the folder of the exported page, or a file: URL across drives. */
function linkFrom(folder: string, file: string): string {
  const path = relative(folder, file);
  if (path === '' || isAbsolute(path)) return pathToFileURL(file).href;
  return path.split(sep).map(encodeURIComponent).join('/');
}
