/**
 * What the app remembers between runs besides settings: the window's place and the recent
 * archive folders (the first reopens on start). Kept as JSON in the app's data folder, written
 * atomically; a damaged file is a fresh start, never a refusal to start.
 */
import { mkdirSync, readFileSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import { writeFileAtomicallySync } from './service/files/atomicWrite';
import type { WindowState } from './windowOptions';

export const RECENT_LIMIT = 10;

export interface AppState {
  window?: WindowState;
  /** Archive folders, most recent first. */
  recent: string[];
}

export class AppStateFile {
  private current: AppState;

  constructor(private readonly file: string) {
    this.current = readState(file);
  }

  get recent(): readonly string[] {
    return this.current.recent;
  }

  get window(): WindowState | undefined {
    return this.current.window;
  }

  set window(window: WindowState) {
    this.current.window = window;
    this.save();
  }

  /** Puts `folder` first among the recent folders. */
  remember(folder: string): void {
    this.current.recent = [
      folder,
      ...this.current.recent.filter((other) => other !== folder),
    ].slice(0, RECENT_LIMIT);
    this.save();
  }

  /** Drops `folder` from the recent folders; whether it was there. */
  forget(folder: string): boolean {
    if (!this.current.recent.includes(folder)) return false;
    this.current.recent = this.current.recent.filter((other) => other !== folder);
    this.save();
    return true;
  }

  clearRecent(): void {
    this.current.recent = [];
    this.save();
  }

  private save(): void {
    try {
      mkdirSync(dirname(this.file), { recursive: true });
      const text = JSON.stringify(this.current, null, 2);
      writeFileAtomicallySync(this.file, (descriptor) => writeSync(descriptor, text));
    } catch {
      // Losing the window's place is not worth an error dialog.
    }
  }
}

function readState(file: string): AppState {
  try {
    const saved = JSON.parse(readFileSync(file, 'utf8')) as Partial<AppState>;
    const recent = Array.isArray(saved.recent)
      ? saved.recent.filter((folder): folder is string => typeof folder === 'string')
      : [];
    return {
      ...(saved.window ? { window: saved.window } : {}),
      recent: recent.slice(0, RECENT_LIMIT),
    };
  } catch {
    // First run, or a damaged file: start fresh rather than refuse to start.
    return { recent: [] };
  }
}
