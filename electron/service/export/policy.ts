/**
 * Which files an export from the UI may write. The page asks for an export over a transport (IPC
 * in the app, loopback HTTP under `serve`), and whoever speaks that transport can name any path:
 * a leaked `serve` token once let another local user overwrite the victim's ~/.bashrc with a
 * text export whose lines bash then ran. So, for exports asked by a page:
 *
 * - nothing is ever written into a hidden file or folder of the home folder (~/.bashrc,
 *   ~/.profile, ~/.ssh/, ~/.config/autostart/ ...), new or existing;
 * - an existing file is replaced only inside a folder the user chose through a native save
 *   dialog in this session, or when this session's exports wrote that very file.
 *
 * The command line (`scrollback export -o FILE --force`) is the user's own hand and has no such
 * limits.
 */
import { realpath } from 'node:fs/promises';
import { homedir } from 'node:os';
import { basename, dirname, isAbsolute, join, relative, sep } from 'node:path';
import { ServiceError } from '../../../shared/api';

export class ExportPolicy {
  /** Folders the user chose through a save dialog, by real path. */
  private readonly chosen = new Set<string>();
  /** Files this session's exports wrote, by real path. */
  private readonly written = new Set<string>();

  constructor(private readonly home: string = homedir()) {}

  /** The user picked `file` in a native save dialog: its folder counts as chosen. */
  async choseInDialog(file: string): Promise<void> {
    this.chosen.add(await realFolder(file));
  }

  /** An export wrote `file`: it may be replaced later in this session. */
  async wrote(file: string): Promise<void> {
    this.written.add(join(await realFolder(file), basename(file)));
  }

  /** Why `target` may not be written, or null. `exists`: whether a file is there already. */
  async refusal(target: string, exists: boolean): Promise<ServiceError | null> {
    const folder = await realFolder(target);
    const real = join(folder, basename(target));
    const home = await realpath(this.home).catch(() => this.home);
    if (isHiddenInHome(this.home, real) || isHiddenInHome(home, real))
      return new ServiceError(
        'unsupported',
        `Exports are never written into hidden files or folders of your home folder ("${target}"); choose another place.`,
      );
    if (exists && !this.chosen.has(folder) && !this.written.has(real))
      return new ServiceError(
        'file-exists',
        `"${target}" already exists. From here an export replaces only a file it wrote itself in this session, or one in a folder chosen in a save dialog; choose another name.`,
      );
    return null;
  }

  /** Throws the refusal, if any. */
  async check(target: string, exists: boolean): Promise<void> {
    const refusal = await this.refusal(target, exists);
    if (refusal) throw refusal;
  }
}

/** The real path of the folder `file` would be in (the folder itself when it does not exist). */
async function realFolder(file: string): Promise<string> {
  const folder = dirname(file);
  return realpath(folder).catch(() => folder);
}

/** Whether `path` lies in the home folder under a name starting with a dot, at any depth. */
export function isHiddenInHome(home: string, path: string): boolean {
  const rest = relative(home, path);
  if (rest === '' || rest === '..' || rest.startsWith(`..${sep}`) || isAbsolute(rest)) return false;
  return rest.split(sep).some((part) => part.startsWith('.'));
}
