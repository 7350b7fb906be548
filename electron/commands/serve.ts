/**
 * `scrollback serve <folder> [options]`: the reader in a browser, for machines without a display
 * for Electron and for the e2e tests (which hand it their fixture archive this way). Prints the
 * URL, with its secret token, alone on stdout; everything else goes to stderr. The page may open
 * only <folder> and the folders in it unless --allow-other-folders is given.
 */
import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { startHttpHost } from '../http-host';
import { ArchiveService } from '../service/archiveService';
import { ArchiveError } from '../service/archiveFolder';
import { chosenTimeZone } from './archive';
import { SettingsStore } from '../service/settings';
import { openInBrowser, type OpenedBrowser } from './openBrowser';
import { defaultCacheDir } from '../service/store/location';
import { printable } from './terminal';
import { UsageError, formatCount, parseCommandArgs, progressReporter } from './usage';
import { errorMessage } from '../../shared/errors';

const USAGE = `Usage: scrollback serve <folder> [--port N] [--open] [--allow-other-folders]
                       [--cache-dir DIR] [--tz ZONE]

Serves the reader and <folder> on http://127.0.0.1 only, behind a secret token in the printed
URL, until interrupted (Ctrl+C).
  --port N               listen on port N (default: any free port)
  --open                 open the reader in the system browser (the token never appears on a
                         command line)
  --allow-other-folders  let the page open folders outside <folder> (by default it may open
                         <folder> and the folders in it only)
  --cache-dir DIR        keep the archive's store in DIR (default: $SCROLLBACK_CACHE_DIR, or
                         ${defaultCacheDir()})
  --tz ZONE              show instants (Slack, Telegram) in this IANA zone, e.g. Asia/Shanghai
                         (default: SCROLLBACK_TZ, else the page's setting, else this machine's)`;

// Built as dist/commands/serve.js, beside dist/renderer/.
const RENDERER_DIR = resolve(__dirname, '..', 'renderer');
const SAMPLE_ARCHIVE = resolve(__dirname, '..', '..', 'assets', 'sample-archive');

export async function runServe(args: string[]): Promise<number> {
  const parsed = parseCommandArgs(
    args,
    {
      port: { type: 'string' },
      open: { type: 'boolean' },
      'allow-other-folders': { type: 'boolean' },
      'cache-dir': { type: 'string' },
      tz: { type: 'string' },
    },
    USAGE,
  );
  if (!parsed) return 0;
  const [folder, ...extra] = parsed.positionals;
  if (folder === undefined || extra.length > 0)
    throw new UsageError(`give exactly one archive folder.\n\n${USAGE}`);
  const port = parsePort(parsed.values.port);
  const isFolder = await stat(folder).then(
    (info) => info.isDirectory(),
    () => false,
  );
  // An unreadable folder is not a usage mistake: exit 1, as the other commands do.
  if (!isFolder) throw new ArchiveError(`"${printable(folder)}" is not a folder that can be read.`);
  const timeZone = chosenTimeZone(parsed.values.tz);

  const cacheDir = parsed.values['cache-dir'] ?? process.env.SCROLLBACK_CACHE_DIR;
  const service = new ArchiveService({
    samplePath: SAMPLE_ARCHIVE,
    ...(cacheDir ? { cacheDir: resolve(cacheDir) } : {}),
    ...(timeZone === undefined ? {} : { timeZone }),
  });
  // Settings live in memory: a browser session leaves nothing behind.
  const host = await startHttpHost({
    service,
    settings: new SettingsStore(null),
    rendererDir: RENDERER_DIR,
    port,
    servedFolder: parsed.values['allow-other-folders'] ? null : resolve(folder),
  });
  process.stdout.write(`${host.url}\n`);
  process.stderr.write(
    `Serving ${printable(resolve(folder))} on 127.0.0.1 only; press Ctrl+C to stop.\n`,
  );
  const browser: OpenedBrowser | null = parsed.values.open ? await openInBrowser(host.url) : null;

  // The archive opens after the server listens, so the page can show the progress.
  const progress = progressReporter('Reading');
  const unsubscribe = service.onEvent((event) => {
    if (event.type === 'status' && event.status.state === 'loading')
      progress(event.status.done, event.status.total);
  });
  service.open(folder).then(
    (archive) => {
      progress.end();
      unsubscribe();
      process.stderr.write(
        `Ready: ${formatCount(archive.messages)} messages in ${formatCount(archive.conversations.length)} conversations.\n`,
      );
    },
    (error: unknown) => {
      progress.end();
      unsubscribe();
      process.stderr.write(`scrollback serve: ${printable(errorMessage(error))}\n`);
    },
  );

  await new Promise<void>((resolveStop) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolveStop();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
  await browser?.cleanup();
  await host.close();
  service.close();
  return 0;
}

function parsePort(value: string | undefined): number {
  if (value === undefined) return 0;
  const port = Number(value);
  if (!/^\d+$/.test(value) || port > 65535)
    throw new UsageError(`--port takes a number from 0 to 65535, not "${printable(value)}".`);
  return port;
}
