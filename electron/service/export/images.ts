/**
 * The archive images an HTML (or PDF) export shows. Each local reference goes through
 * readArchiveImage, the one gate that decides what may leave the archive (inside the archive's
 * real path, an image by name and by content). Small images are embedded as data: URIs so the
 * page stands alone; larger ones, past a per-image and a total cap, become a link relative to the
 * exported file. Remote references are left out: the page shows a placeholder for them.
 */
import { dirname, isAbsolute, relative, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { imageKey, type ExportImage } from '../../../shared/export/context';
import type { Message } from '../../../shared/model';
import { tokenize } from '../../../shared/text/tokens';
import { archiveRelativeImagePath, readArchiveImage } from '../imagePath';

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
  for (const message of messages) {
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

/** A URL to `file` relative to the folder of the exported page, or a file: URL across drives. */
function linkFrom(folder: string, file: string): string {
  const path = relative(folder, file);
  if (path === '' || isAbsolute(path)) return pathToFileURL(file).href;
  return path.split(sep).map(encodeURIComponent).join('/');
}
