/**
 * A path typed into the browser's export dialog, made into the file that will be written. The
 * page runs in a browser that knows nothing of the server's folders, so the rules are the
 * user's, not the server process's:
 *
 * - `~` and `~/...` are the home folder; a relative path is relative to the home folder too (the
 *   folder `serve` happened to start in means nothing to the person typing);
 * - a folder (an existing one, or a path ending in `/`) gets a file name of its own, from the
 *   conversation and the days exported: `/tmp/out/` becomes `/tmp/out/proddev_2018-05-15.txt`,
 *   never the hidden `/tmp/out/.txt`;
 * - a name without an extension gets the format's.
 *
 * The dialog shows the result before anything is written (the API's resolveExportPath), and the
 * export resolves the path the same way.
 */
import { stat } from 'node:fs/promises';
import { homedir } from 'node:os';
import { extname, isAbsolute, join, resolve, sep } from 'node:path';
import type { ExportFormat } from '../../../shared/api';
import { ServiceError } from '../../../shared/api';

export interface ExportNaming {
  /** The conversation's title, when the messages come from one. */
  conversation: string | null;
  firstDay: string | null;
  lastDay: string | null;
}

/** The full path an export typed as `typed` writes to. */
export async function resolveExportPath(
  typed: string,
  format: ExportFormat,
  naming: ExportNaming,
  home: string = homedir(),
): Promise<string> {
  const text = typed.trim();
  if (text === '') throw new ServiceError('invalid-argument', 'Type where to save the file.');
  let path: string;
  if (text === '~') path = home;
  else if (text.startsWith('~/') || text.startsWith(`~${sep}`)) path = join(home, text.slice(2));
  else if (text.startsWith('~'))
    throw new ServiceError(
      'unsupported',
      `"${text}": only your own home folder can be written as ~; type the full path instead.`,
    );
  else path = isAbsolute(text) ? resolve(text) : resolve(home, text);
  const folder = /[\\/]$/.test(text) || text === '~' || (await isFolder(path));
  if (folder) return join(path, exportFileName(format, naming));
  return extname(path) === '' ? `${path}.${format}` : path;
}

/** `proddev_2018-05-15_2018-05-16.html`: the conversation and the days, safe in any file system. */
export function exportFileName(format: ExportFormat, naming: ExportNaming): string {
  const title = safeName(naming.conversation ?? '') || 'scrollback-export';
  const days =
    naming.firstDay === null
      ? []
      : naming.lastDay === null || naming.lastDay === naming.firstDay
        ? [naming.firstDay]
        : [naming.firstDay, naming.lastDay];
  return `${[title, ...days].join('_')}.${format}`;
}

/** A title as part of a file name: no separators, controls or characters Windows refuses. */
function safeName(title: string): string {
  return title
    .replace(/[\u0000-\u001f\u007f<>:"/\\|?*]+/g, '_')
    .replace(/^[.\s_]+|[.\s_]+$/g, '')
    .slice(0, 80);
}

async function isFolder(path: string): Promise<boolean> {
  return stat(path).then(
    (info) => info.isDirectory(),
    () => false,
  );
}
