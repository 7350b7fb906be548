/**
 * The files messages attach (photos, voice notes, videos, documents), served to the reader by
 * their archive-relative path, and only from inside the archive: the path is plain and relative,
 * its real location (links resolved) must be inside the archive's, the file is opened without
 * following a last link and must be a regular file. An entry of a zip (`a/export.zip!/IMG.jpg`)
 * is inflated in memory. A type that could run in the page (HTML, SVG) is never served as such.
 */
import { lstat, open, realpath } from 'node:fs/promises';
import { resolve } from 'node:path';
import { ZIP_SEPARATOR } from '../../shared/readers/paths';
import { isInside, type ImageRefusal } from './imagePath';
import { openZip, type OpenZip } from './zip';
import { READ_FLAGS } from './files/safeOpen';

/** Larger attachments are not served (a day's view must stay light). */
const MAX_MEDIA_BYTES = 256 * 1024 * 1024;

export type MediaLookup =
  { ok: true; bytes: Uint8Array; contentType: string } | { ok: false; reason: ImageRefusal };

const TYPES: Record<string, string> = {
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
  webp: 'image/webp',
  bmp: 'image/bmp',
  heic: 'image/heic',
  opus: 'audio/ogg',
  ogg: 'audio/ogg',
  oga: 'audio/ogg',
  mp3: 'audio/mpeg',
  m4a: 'audio/mp4',
  aac: 'audio/aac',
  wav: 'audio/wav',
  mp4: 'video/mp4',
  m4v: 'video/mp4',
  mov: 'video/quicktime',
  webm: 'video/webm',
  pdf: 'application/pdf',
};

/** The type a file is served as: a known media type, else a download of bytes. */
function mediaContentType(path: string): string {
  const extension = /\.([A-Za-z0-9]{1,5})$/.exec(path)?.[1]?.toLowerCase() ?? '';
  return TYPES[extension] ?? 'application/octet-stream';
}

/** Headers for a media answer: never sniffed into something else, never run as a page. */
export function mediaHeaders(contentType: string): Record<string, string> {
  return {
    'X-Content-Type-Options': 'nosniff',
    'Content-Security-Policy': "default-src 'none'; sandbox",
    'Cache-Control': 'private, max-age=300',
    ...(contentType === 'application/octet-stream' ? { 'Content-Disposition': 'attachment' } : {}),
  };
}

/** Zips opened recently, kept a little while: a day showing ten photos of one zip opens it once. */
const zips = new Map<string, { zip: Promise<OpenZip>; timer: NodeJS.Timeout }>();
const ZIP_KEEP_MS = 30_000;

function zipAt(absolute: string): Promise<OpenZip> {
  const known = zips.get(absolute);
  if (known) {
    known.timer.refresh();
    return known.zip;
  }
  const zip = openZip(absolute);
  const timer = setTimeout(() => {
    zips.delete(absolute);
    void zip.then(
      (open) => open.close(),
      () => undefined,
    );
  }, ZIP_KEEP_MS);
  timer.unref();
  zips.set(absolute, { zip, timer });
  zip.catch(() => zips.delete(absolute));
  return zip;
}

type Located =
  { ok: true; file: string; entry: string | null } | { ok: false; reason: ImageRefusal };

/** Where an attachment's file is, when its path stays inside the archive's real location. */
async function locateMedia(root: string, path: string): Promise<Located> {
  const separator = path.indexOf(ZIP_SEPARATOR);
  const filePath = separator === -1 ? path : path.slice(0, separator);
  const entry = separator === -1 ? null : path.slice(separator + ZIP_SEPARATOR.length);
  if (!isPlainRelative(filePath) || (entry !== null && !isPlainRelative(entry)))
    return { ok: false, reason: 'outside' };
  let realRoot: string;
  let file: string;
  try {
    realRoot = await realpath(root);
    file = await realpath(resolve(realRoot, ...filePath.split('/')));
  } catch {
    return { ok: false, reason: 'not-found' };
  }
  if (!isInside(realRoot, file)) return { ok: false, reason: 'outside' };
  return { ok: true, file, entry };
}

/**
 * The real path of an attachment held as a plain regular file inside the archive (not a zip
 * entry), without reading it: an export links to a video rather than copying it.
 */
export async function archiveMediaFile(root: string, path: string): Promise<string | null> {
  const located = await locateMedia(root, path);
  if (!located.ok || located.entry !== null) return null;
  const info = await lstat(located.file).catch(() => null);
  return info?.isFile() ? located.file : null;
}

/** Reads an attachment of the archive at `root`. */
export async function readArchiveMedia(root: string, path: string): Promise<MediaLookup> {
  const located = await locateMedia(root, path);
  if (!located.ok) return located;
  const { file, entry } = located;
  const contentType = mediaContentType(entry ?? file);
  if (entry !== null) {
    try {
      const zip = await zipAt(file);
      if (!zip.entries.some((each) => each.name === entry))
        return { ok: false, reason: 'not-found' };
      return { ok: true, bytes: await zip.read(entry, MAX_MEDIA_BYTES), contentType };
    } catch {
      return { ok: false, reason: 'not-found' };
    }
  }
  let handle;
  try {
    handle = await open(file, READ_FLAGS);
  } catch {
    return { ok: false, reason: 'not-found' };
  }
  try {
    const stat = await handle.stat();
    if (!stat.isFile()) return { ok: false, reason: 'not-found' };
    if (stat.size > MAX_MEDIA_BYTES) return { ok: false, reason: 'too-large' };
    return { ok: true, bytes: await handle.readFile(), contentType };
  } finally {
    await handle.close();
  }
}

/** A relative path of plain names: no `..`, no absolute start, no backslash, no NUL. */
function isPlainRelative(path: string): boolean {
  if (path === '' || path.startsWith('/') || /[\\\u0000]/.test(path) || /^[A-Za-z]:/.test(path))
    return false;
  return path.split('/').every((part) => part !== '' && part !== '.' && part !== '..');
}
