/**
 * Archive-relative paths as readers use them: `/`-separated, relative to the archive root, an
 * entry of a zip written `folder/export.zip!/entry/path`. Readers name conversations and
 * attachments with these; nothing here touches a file system.
 */

/** The separator between a zip's path and the path of an entry inside it. */
export const ZIP_SEPARATOR = '!/';

/** The folder of a path (`a/b/c.json` -> `a/b`; `x.zip!/c.json` -> `x.zip!`), '' at the root. */
export function folderOf(path: string): string {
  const slash = path.lastIndexOf('/');
  return slash === -1 ? '' : path.slice(0, slash);
}

/** The last part of a path (`a/b/c.json` -> `c.json`). */
export function baseName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

/**
 * `relative` resolved against the folder `folder` (both `/`-separated; `\\` in `relative` is
 * read as `/`, since Windows exporters write it). Null when it climbs out of the archive (or out
 * of the zip it is in), is absolute, or names a URL: such a path never names an archive file.
 */
export function resolveRelative(folder: string, relative: string): string | null {
  const cleaned = relative.replace(/\\/g, '/');
  if (cleaned === '' || cleaned.startsWith('/') || /^[A-Za-z][A-Za-z0-9+.-]*:/.test(cleaned))
    return null;
  const zip = folder.indexOf('!');
  const fixed = zip === -1 ? '' : folder.slice(0, zip + 1);
  const parts = (zip === -1 ? folder : folder.slice(zip + 1)).split('/').filter((p) => p !== '');
  for (const part of cleaned.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      if (parts.length === 0) return null;
      parts.pop();
    } else parts.push(part);
  }
  if (parts.length === 0) return null;
  return fixed === '' ? parts.join('/') : `${fixed}/${parts.join('/')}`;
}

/**
 * The conversation id of a folder-based log (Markdown daily logs, a Slack channel's day files):
 * the file's folder, with a trailing Jekyll `_posts` dropped; `.` for a file at the root.
 */
export function conversationOfFolder(path: string): string {
  const parts = path.split('/').slice(0, -1);
  if (parts[parts.length - 1] === '_posts') parts.pop();
  return parts.length === 0 ? '.' : parts.join('/');
}

/**
 * The conversation id of a file export: the file's path (a file inside a zip is named by the
 * zip), and `#chat` after it for one chat of a multi-chat export.
 */
export function conversationOfFile(path: string, chat?: string): string {
  const zip = path.indexOf(ZIP_SEPARATOR);
  const file = zip === -1 ? path : path.slice(0, zip);
  return chat === undefined || chat === '' ? file : `${file}#${chat}`;
}
