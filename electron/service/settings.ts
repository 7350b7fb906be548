/** The user's settings, kept as JSON in the app's own data folder (never in the archive). */
import { mkdir, readFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { DEFAULT_SETTINGS, settingsSchema, type Settings } from '../../shared/api';
import { writeFileAtomically } from './files/atomicWrite';

export class SettingsStore {
  private current: Settings = { ...DEFAULT_SETTINGS };
  private loaded = false;

  /** `file` null keeps settings in memory only (tests, `serve` without a data folder). */
  constructor(private readonly file: string | null) {}

  async get(): Promise<Settings> {
    if (!this.loaded && this.file) {
      try {
        const parsed = settingsSchema
          .partial()
          .safeParse(JSON.parse(await readFile(this.file, 'utf8')));
        // A damaged or older settings file never stops the app: what parses is kept.
        if (parsed.success) this.current = { ...DEFAULT_SETTINGS, ...parsed.data };
      } catch {
        // No settings yet.
      }
    }
    this.loaded = true;
    return { ...this.current };
  }

  async update(patch: Partial<Settings>): Promise<Settings> {
    this.current = { ...(await this.get()), ...patch };
    if (this.file) {
      await mkdir(dirname(this.file), { recursive: true });
      await writeFileAtomically(this.file, JSON.stringify(this.current, null, 2), {
        replace: true,
      });
    }
    return { ...this.current };
  }
}
