/**
 * Which file an image reference in a Markdown message names, and whether it may be shown. The
 * app's custom protocol (electron/appProtocol.ts) and the HTTP host's image route
 * (electron/http/routes.ts) both serve images through `readArchiveImage`, and HTML export embeds
 * them through it (export/images.ts), so there is one place that decides which such image leaves
 * the disk: an image file whose real path lies inside the real path of the open archive.
 * Attachments of other apps' exports, inside zips too, go through media.ts, which shares
 * isInside; the HTML export checks their signature with hasSignature.
 *
 * Unlike chat logs (never read through a link), an image may be a symbolic link, as long as its
 * target is an image inside the archive. The file opened must be a regular file at exactly that
 * real path (files/safeOpen.ts: a FIFO named x.png never blocks, and a link swapped in after the
 * check is refused). The archive is untrusted, so a reference is refused rather than repaired
 * when it climbs above the archive, names a scheme, or is not an image.
 *
 * A reference is what the Markdown says (`![alt](images/x.png)`) together with the file it was
 * written in (Message.path, relative to the archive root), because relative image links resolve
 * against the folder of their Markdown file.
 */
import { realpath } from 'node:fs/promises';
import { isAbsolute, posix, relative, resolve, sep } from 'node:path';
import { openRegularFile } from './files/safeOpen';

export type ImageRefusal = 'outside' | 'not-found' | 'not-image' | 'too-large';

export type ImageLookup =
  | { ok: true; file: string; contentType: string; bytes: Buffer }
  | { ok: false; reason: ImageRefusal };

/** The HTTP status each refusal is answered with, by the HTTP host and the app's protocol alike. */
export const REFUSAL_STATUS: Record<ImageRefusal, number> = {
  outside: 403,
  'not-image': 403,
  'not-found': 404,
  'too-large': 413,
};

/** Headers of a served image: its exact type, no sniffing, and no power even if opened as a page. */
export function imageHeaders(contentType: string): Record<string, string> {
  return {
    'Content-Type': contentType,
    'X-Content-Type-Options': 'nosniff',
    'Content-Security-Policy': "default-src 'none'; sandbox",
    'Cache-Control': 'no-store',
  };
}

/** Images larger than this are not served: an archive image is a chat screenshot, not a disk image. */
const MAX_IMAGE_BYTES = 50 * 1024 * 1024;

/**
 * Image types by extension. SVG is left out on purpose: an SVG opened as a document runs its
 * scripts with the app's origin.
 */
const IMAGE_TYPES: Record<string, string> = {
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.bmp': 'image/bmp',
};

/**
 * The archive-relative path (with `/`) that `src`, written in the file `from`, points at; null
 * when it is not a local relative reference or climbs above the archive root. Pure: no disk.
 */
export function archiveRelativeImagePath(from: string, src: string): string | null {
  const decoded = decodeReference(src);
  if (decoded === null || !isPlainRelative(from)) return null;
  const joined = posix.normalize(posix.join(posix.dirname(from), decoded));
  if (joined === '..' || joined.startsWith('../') || joined === '.' || joined.endsWith('/'))
    return null;
  return joined;
}

/** The content type an image file's name promises, or null for anything that is not an image. */
export function imageContentType(path: string): string | null {
  const dot = path.lastIndexOf('.');
  if (dot < 0) return null;
  return IMAGE_TYPES[path.slice(dot).toLowerCase()] ?? null;
}

/** Reads the image `src` (written in `from`) from the archive at `root`, or says why not. */
export async function readArchiveImage(
  root: string,
  from: string,
  src: string,
): Promise<ImageLookup> {
  const path = archiveRelativeImagePath(from, src);
  if (path === null) return { ok: false, reason: 'outside' };
  const contentType = imageContentType(path);
  if (contentType === null) return { ok: false, reason: 'not-image' };
  let realRoot: string;
  let file: string;
  try {
    realRoot = await realpath(root);
    file = await realpath(resolve(realRoot, ...path.split('/')));
  } catch {
    return { ok: false, reason: 'not-found' };
  }
  if (!isInside(realRoot, file)) return { ok: false, reason: 'outside' };
  // The link target's own name must be an image too: `a.png -> notes.txt` is not an image.
  if (imageContentType(file) !== contentType) return { ok: false, reason: 'not-image' };
  const opened = await openRegularFile(file);
  if (!opened.ok) return { ok: false, reason: 'not-found' };
  const { handle, info } = opened;
  try {
    if (info.size > MAX_IMAGE_BYTES) return { ok: false, reason: 'too-large' };
    const bytes = await handle.readFile();
    // Content, not only the name, must be the promised type: a script renamed x.png is refused.
    if (!hasSignature(bytes, contentType)) return { ok: false, reason: 'not-image' };
    return { ok: true, file, contentType, bytes };
  } finally {
    await handle.close();
  }
}

/** Whether `path` is `root` itself or below it (both absolute, symbolic links already resolved). */
export function isInside(root: string, path: string): boolean {
  const rest = relative(root, path);
  return rest !== '' && rest !== '..' && !rest.startsWith(`..${sep}`) && !isAbsolute(rest);
}

/**
 * Percent-decodes a Markdown image reference once and keeps only plain relative paths: no scheme
 * (file:, http:, C:), no absolute or protocol-relative path, no backslash, no NUL, before or after
 * decoding. A query or fragment is dropped, as a browser would.
 */
function decodeReference(src: string): string | null {
  const trimmed = src.trim().replace(/[?#].*$/s, '');
  if (trimmed === '' || !isPlainRelative(trimmed)) return null;
  let decoded: string;
  try {
    decoded = decodeURIComponent(trimmed);
  } catch {
    return null;
  }
  return isPlainRelative(decoded) ? decoded : null;
}

function isPlainRelative(path: string): boolean {
  return !/^[a-z][a-z0-9+.-]*:/i.test(path) && !path.startsWith('/') && !/[\\\0]/.test(path);
}

/** Checks the first bytes against the format's magic number. */
export function hasSignature(bytes: Uint8Array, contentType: string): boolean {
  const starts = (...values: number[]) => values.every((value, index) => bytes[index] === value);
  switch (contentType) {
    case 'image/png':
      return starts(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a);
    case 'image/jpeg':
      return starts(0xff, 0xd8, 0xff);
    case 'image/gif':
      return starts(0x47, 0x49, 0x46, 0x38);
    case 'image/webp':
      return (
        starts(0x52, 0x49, 0x46, 0x46) &&
        Buffer.from(bytes.subarray(8, 12)).toString('latin1') === 'WEBP'
      );
    case 'image/bmp':
      return starts(0x42, 0x4d);
    default:
      return false;
  }
}
