/**
 * What the browser cannot do for the service under `scrollback serve`, and what it may not: no
 * folder dialog and no system browser; archives only from the served folder (unless `serve` was
 * started with --allow-other-folders), since anyone holding the token could otherwise read any
 * folder of the user's; exports to a typed path, resolved and limited as the dialog shows
 * (service/export/pageExport.ts), printed to PDF by a headless Chromium when one is installed.
 */
import { realpath } from 'node:fs/promises';
import { resolve } from 'node:path';
import { ServiceError } from '../../shared/api';
import type { Host } from '../service/api';
import type { ArchiveService } from '../service/archiveService';
import { describeExportTarget, exportToTypedPath } from '../service/export/pageExport';
import { chromiumPrinter } from '../service/export/pdf';
import { ExportPolicy } from '../service/export/policy';
import { isInside } from '../service/imagePath';
import type { SettingsStore } from '../service/settings';

export interface BrowserHostOptions {
  /**
   * The folder `serve` was started with: only it and folders inside it may be opened. Absent or
   * null: any folder (tests, and `serve --allow-other-folders`).
   */
  servedFolder?: string | null;
  /** The home folder typed export paths start from (tests give their own). */
  home?: string;
}

export function browserHost(
  service: ArchiveService,
  settings: SettingsStore,
  options: BrowserHostOptions = {},
): Host {
  const policy = new ExportPolicy(options.home);
  const exportOptions = {
    policy,
    printer: chromiumPrinter(),
    ...(options.home === undefined ? {} : { home: options.home }),
  };
  const served = options.servedFolder ?? null;
  return {
    chooseFolder: async () => null,
    // The renderer opens the link itself (target=_blank rel="noopener noreferrer").
    openExternal: async () => false,
    exportMessages: async (request) =>
      exportToTypedPath(service, request, {
        ...exportOptions,
        me: (await settings.get()).me,
      }),
    resolveExportPath: (request) => describeExportTarget(service, request, exportOptions),
    ...(served === null ? {} : { checkFolder: (path: string) => checkServed(served, path) }),
  };
}

/** Refuses `path` unless it is the served folder or inside it, links resolved. */
async function checkServed(served: string, path: string): Promise<void> {
  const [root, wanted] = await Promise.all([
    realpath(served).catch(() => resolve(served)),
    realpath(path).catch(() => resolve(path)),
  ]);
  if (wanted === root || isInside(root, wanted)) return;
  throw new ServiceError(
    'unsupported',
    `This server reads only "${served}" and the folders in it. To read "${path}", run "scrollback serve" with that folder (or start it with --allow-other-folders).`,
  );
}
