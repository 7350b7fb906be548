/** How the CLI's commands open an archive: through its store, as the app does. */
import { resolve } from 'node:path';
import { isTimeZone } from '../../shared/dates';
import { trace } from '../service/store/trace';
import { ArchiveStore } from '../service/store/store';
import { checkArchiveFolder } from '../service/archiveFolder';
import { defaultCacheDir } from '../service/store/location';
import { UsageError, progressReporter } from './usage';

export interface StoreArgs {
  cacheDir?: string | undefined;
  /** An IANA zone for formats that store only instants (Slack, some Telegram exports). */
  tz?: string | undefined;
}

export const STORE_OPTIONS_HELP = `  --cache-dir DIR  keep the archive's store in DIR (default: ${defaultCacheDir()})
  --tz ZONE        show instants (Slack, Telegram) in this IANA zone, e.g. Asia/Shanghai
                   (default: this machine's zone, or SCROLLBACK_TZ)`;

/**
 * The zone given with --tz or SCROLLBACK_TZ, checked; undefined when neither is given (the
 * service then takes the app's setting, else the machine's zone).
 */
export function chosenTimeZone(tz: string | undefined): string | undefined {
  return tz === undefined && !process.env.SCROLLBACK_TZ ? undefined : timeZoneOf(tz);
}

export function systemZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

/** Checks --tz; throws a UsageError naming the zone when it is unknown. */
export function timeZoneOf(tz: string | undefined): string {
  if (tz === undefined) return process.env.SCROLLBACK_TZ || systemZone();
  if (!isTimeZone(tz))
    throw new UsageError(`--tz takes an IANA time zone such as Asia/Shanghai or UTC, not "${tz}".`);
  return tz;
}

/**
 * Opens the store of `folder` and brings it up to date (reading only what changed since the
 * last time), with a progress line on a terminal. Throws ArchiveError for a folder that cannot
 * be opened.
 */
export async function openArchiveStore(folder: string, args: StoreArgs): Promise<ArchiveStore> {
  const root = resolve(folder);
  // A zone given is checked at once; the machine's is looked up only if a file needs it.
  const zone = args.tz === undefined ? null : timeZoneOf(args.tz);
  trace('command loaded');
  await checkArchiveFolder(root);
  const store = ArchiveStore.open(root, {
    cacheDir: args.cacheDir ? resolve(args.cacheDir) : defaultCacheDir(),
    timeZone: () => zone ?? timeZoneOf(undefined),
  });
  trace('store opened');
  const progress = progressReporter('Reading');
  try {
    await store.sync(progress);
  } catch (error) {
    store.close();
    throw error;
  } finally {
    progress.end();
  }
  return store;
}
